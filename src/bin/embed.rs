//! Entry point of the embed build: wakes `embed_app` (the chart alone, no navigation).
fn main() {
    // Panic messages in the console while developing; left out of release builds,
    // where the page's own error views are what readers see.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Wakes the page the build rendered (see `start`); natively there is no page.
    #[cfg(target_arch = "wasm32")]
    gansu_eco_dashboard::start::wake(gansu_eco_dashboard::embed_app);
}
