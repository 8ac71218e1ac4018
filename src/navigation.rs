//! Moving a page to another view of itself without reloading it: a status
//! filter, the table's tab, another comparison.
//!
//! The address is one signal, [`Address`]; `Route::from_location` turns it into
//! the typed route every page reads. A click on a link to this page with
//! another query (same origin, under the site's base path, no modifier key, no
//! `target` or `download`; `Draws::only`) becomes a `history.pushState` and an
//! update of the signal; Back and Forward (`popstate`) and in-page anchors
//! (`hashchange`) update it too. Every other link is a page load of that
//! page's own file, and the rest (other sites, downloads, new tabs) is left to
//! the browser. This is all the routing the site needs: the typed route in
//! `route.rs` is the one place that knows the site's addresses.

use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// The address the site shows: path, query (with its `?`) and fragment (with its `#`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Address {
    pub path: String,
    pub search: String,
    pub hash: String,
}

impl Address {
    /// The browser's address now.
    pub fn current() -> Address {
        let l = window().location();
        Address {
            path: l.pathname().unwrap_or_default(),
            search: l.search().unwrap_or_default(),
            hash: l.hash().unwrap_or_default(),
        }
    }
}

/// Provides the address, its setter and what the page draws in place: for a
/// page whose pieces wake on their own (`crate::islands`), each under its own
/// root, once the listener is set up (`listen`); and for the build's render.
pub fn provide(address: ReadSignal<Address>, set_address: WriteSignal<Address>, draws: Draws) {
    provide_context(set_address);
    provide_context(address);
    provide_context(draws);
}

/// The addresses a page draws in place (`listen`); a link to any other is a page load.
#[derive(Clone)]
pub struct Draws(Arc<dyn Fn(&Route) -> bool + Send + Sync>);

impl Draws {
    /// This page alone, in its language, with another query (a filter, a
    /// view): an islands page, which cannot draw any other.
    pub fn only(here: &Route) -> Draws {
        let (lang, page) = (here.lang, here.page.clone());
        Draws(Arc::new(move |route| route.lang == lang && route.page == page))
    }

    fn includes(&self, route: &Route) -> bool {
        (self.0)(route)
    }
}

/// Sets the address to the browser's: after a page woke with the address it
/// was rendered for, its query and fragment now apply.
#[cfg(target_arch = "wasm32")]
pub fn to_current() {
    if let Some(set_address) = use_context::<WriteSignal<Address>>() {
        let now = Address::current();
        if set_address.try_update(|a| *a != now).unwrap_or(false) {
            set_address.set(now);
        }
    }
}

/// Follows clicks on links to the pages of `draws`, Back and Forward, and in-page anchors.
#[cfg(target_arch = "wasm32")]
pub fn listen(base_path: String, draws: Draws, set_address: WriteSignal<Address>) {
    use wasm_bindgen::closure::Closure;
    let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(id) = in_page_target(&ev) {
            ev.prevent_default();
            crate::components::focus_element(&id);
        } else if let Some(href) = page_link(&ev, &base_path, &draws) {
            ev.prevent_default();
            go(&href, set_address);
        }
    });
    let on_history = Closure::<dyn FnMut()>::new(move || set_address.set(Address::current()));
    let doc = document();
    let _ = doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("popstate", on_history.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("hashchange", on_history.as_ref().unchecked_ref());
    // Listeners for the tab's whole life, made once.
    on_click.forget();
    on_history.forget();
}

/// The address the site shows (for what the route leaves out: the fragment).
pub fn use_address() -> ReadSignal<Address> {
    expect_context::<ReadSignal<Address>>()
}

/// Goes to `href` (relative to the page's `<base>`, like every link of the
/// site): in place, or as a full page load when another build draws it.
pub fn navigate(href: &str) {
    let draws = expect_context::<Draws>();
    let base_path = expect_context::<crate::site::Site>().base_path;
    let Ok(url) = web_sys::Url::new_with_base(href, &document().base_uri().ok().flatten().unwrap_or_default()) else {
        return;
    };
    if draws.includes(&Route::from_location(&url.pathname(), &url.search(), &base_path)) {
        go(href, expect_context::<WriteSignal<Address>>());
    } else {
        let _ = window().location().set_href(&url.href());
    }
}

fn go(href: &str, set_address: WriteSignal<Address>) {
    let before = Address::current();
    let Ok(history) = window().history() else { return };
    // `pushState` resolves a relative address against the document's base URL.
    if history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)).is_err() {
        return;
    }
    let after = Address::current();
    // A new page starts at its top; a new filter or view of the same page stays where the reader is.
    if after.path != before.path && after.hash.is_empty() {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
    set_address.set(after);
}

/// The address of a same-site page link this click should follow in place, if any.
#[cfg(target_arch = "wasm32")]
fn page_link(ev: &web_sys::MouseEvent, base_path: &str, draws: &Draws) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let a = target.closest("a[href]").ok()??.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let here = window().location();
    let (path, search) = (a.pathname(), a.search());
    let same_site = a.origin() == here.origin().ok()? && path.starts_with(base_path);
    let new_tab = !matches!(a.target().as_str(), "" | "_self");
    if !same_site || new_tab || a.has_attribute("download") || is_file(&path) {
        return None;
    }
    // A link to a fragment of this very page is the browser's to follow (and `hashchange` reports it).
    if path == here.pathname().ok()? && search == here.search().ok()? && !a.hash().is_empty() {
        return None;
    }
    if !draws.includes(&Route::from_location(&path, &search, base_path)) {
        return None;
    }
    Some(a.href())
}

/// The element of this page a click on a link to it should move to, when the
/// link names the page without the query the page is showing: an `InPageLink`
/// as the build rendered it, on a page that is only partly woken
/// (`crate::islands`). Followed as it stands, it would leave the query (a
/// view, a filter) behind; instead the element gets the focus, and the address
/// stays as it is.
#[cfg(target_arch = "wasm32")]
fn in_page_target(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let a = target.closest("a[href]").ok()??.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let here = window().location();
    let same_page = a.origin() == here.origin().ok()? && a.pathname() == here.pathname().ok()?;
    let id = a.hash().strip_prefix('#')?.to_string();
    let on_page = document().get_element_by_id(&id).is_some();
    (same_page && a.search() != here.search().ok()? && on_page).then_some(id)
}

/// Data files, pictures and feeds live under the site too; only pages are routed.
#[cfg(target_arch = "wasm32")]
fn is_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.contains('.') && !last.ends_with(".html")
}
