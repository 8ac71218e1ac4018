//! Entry point of the embed build: mounts `EmbedApp` (the chart alone, no navigation).
fn main() {
    // Panic messages in the console while developing; left out of release builds,
    // where the page's own error views are what readers see.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(gansu_eco_dashboard::EmbedApp);
}
