//! Entry point of the place pages' build (cities/, city/<code>/): mounts
//! `PlacesApp`, the site's frame with the cities and prefectures' pages.
fn main() {
    // Panic messages in the console while developing; left out of release builds,
    // where the page's own error views are what readers see.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(gansu_eco_dashboard::PlacesApp);
}
