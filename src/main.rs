//! Entry point of the browser app: mounts `App` on the page body.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(gansu_eco_dashboard::App);
}
