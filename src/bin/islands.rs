//! Entry point of the islands build (islands.html): the overview, about and
//! changes pages stay as the build rendered them, and only their interactive
//! parts wake (`gansu_eco_dashboard::islands`).
fn main() {
    // Panic messages in the console while developing; left out of release builds,
    // where the page's own error views are what readers see.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    gansu_eco_dashboard::islands::wake();
}
