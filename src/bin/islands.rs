//! Entry point of the site's build (index.html): every page stays as the build
//! rendered it, and only its interactive parts wake (`gansu_eco_dashboard::islands`).
fn main() {
    // Panic messages in the console while developing; left out of release builds,
    // where the page's own error views are what readers see.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    gansu_eco_dashboard::islands::wake();
}
