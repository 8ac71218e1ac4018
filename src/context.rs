//! What every page reads from the app around it: the route and language (from
//! the URL), where the site is deployed, the shared overview data, and whether
//! the reader's system is in dark mode. `app` and `embed_app` provide these once;
//! pages and components read them through the `use_…` functions here.

use crate::fetch;
use crate::i18n::Lang;
use crate::loadable::Loadable;
use crate::model::{Loaded, OverviewFile};
use crate::route::Route;
use crate::site::Site;
use leptos::prelude::*;

/// The overview data, loaded once and shared by every page.
pub type OverviewResource = Loadable<Loaded<OverviewFile>>;

/// The current route, from the URL.
pub fn use_route() -> Memo<Route> {
    expect_context::<Memo<Route>>()
}

/// The reader's language, from the URL.
pub fn use_lang() -> Signal<Lang> {
    let route = use_route();
    Signal::derive(move || route.get().lang)
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The overview, preloaded or fetched the first time a page asks for it, and
/// then shared by every page.
pub fn use_overview() -> OverviewResource {
    let cache = expect_context::<OverviewCache>();
    if let Some(resource) = cache.resource.get_value() {
        return resource;
    }
    let resource = cache.owner.with(|| {
        let site = use_site();
        let ready = crate::start::use_preloaded().with_value(|p| p.overview.clone());
        Loadable::new(ready, move || fetch::load_overview(site.clone()))
    });
    cache.resource.set_value(Some(resource));
    resource
}

/// Where the shared overview resource lives: created under the app's owner so
/// it outlives the page that first asked for it.
#[derive(Clone)]
pub(crate) struct OverviewCache {
    owner: Owner,
    resource: StoredValue<Option<OverviewResource>, LocalStorage>,
}

impl OverviewCache {
    pub(crate) fn new() -> Self {
        OverviewCache { owner: Owner::current().unwrap_or_default(), resource: StoredValue::new_local(None) }
    }
}

/// What only the reader's browser knows, which the build rendered without
/// (`start`): the site's real address (for links a reader copies) and today's
/// date (a citation's access date). They start as the build wrote them, so
/// hydration sees the rendered page, and are set once the page is awake.
#[derive(Clone, Copy)]
pub struct Reader {
    pub site_url: RwSignal<String>,
    pub today: RwSignal<String>,
}

/// The site's absolute address, ending in `/`, for links a reader copies.
pub fn use_site_url() -> Signal<String> {
    expect_context::<Reader>().site_url.into()
}

/// Today's date, `YYYY-MM-DD`, on the reader's device once awake.
pub fn use_today() -> Signal<String> {
    expect_context::<Reader>().today.into()
}

/// An absolute URL for a path relative to the site root.
pub fn absolute(site_url: &str, relative: &str) -> String {
    format!("{site_url}{}", relative.trim_start_matches("./"))
}

/// Whether the reader's system prefers dark colours, followed live. One media
/// query listener for the whole app (not one per chart), made at start-up.
#[derive(Clone, Copy)]
pub struct SystemDark(pub Signal<bool>);

impl SystemDark {
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn watch() -> Self {
        SystemDark(Signal::stored(false))
    }

    #[cfg(target_arch = "wasm32")]
    pub(crate) fn watch() -> Self {
        use wasm_bindgen::{closure::Closure, JsCast};
        let query = window().match_media("(prefers-color-scheme: dark)").ok().flatten();
        let (dark, set_dark) = signal(query.as_ref().is_some_and(|q| q.matches()));
        if let Some(q) = query {
            let listener =
                Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
                    set_dark.set(e.matches())
                });
            q.set_onchange(Some(listener.as_ref().unchecked_ref()));
            // One listener for the app's whole life (the tab's), made once.
            listener.forget();
        }
        SystemDark(dark.into())
    }
}

/// The system's dark-mode preference, or light where no app provided it.
pub fn use_system_dark() -> Signal<bool> {
    use_context::<SystemDark>().map_or_else(|| Signal::from(false), |d| d.0)
}

/// The reader's display choices (issue 14, 适老化): larger text and high
/// contrast. An inline script in `index.html` and `places.html` puts the stored
/// ones on `<html>` before the page is drawn (so a chosen mode never flashes); the header's buttons change
/// them (`components::layout::DisplayOptions`); charts re-draw with them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display {
    pub large_text: bool,
    pub high_contrast: bool,
}

/// `<html>`'s attribute and value for each choice, and the key it is stored
/// under in this browser. The inline script in `index.html` and `places.html`
/// reads the same keys.
const LARGE_TEXT: (&str, &str, &str) = ("data-text", "large", "gansu-display-text");
const HIGH_CONTRAST: (&str, &str, &str) = ("data-contrast", "high", "gansu-display-contrast");

impl Display {
    /// As `<html>` carries them (none, in the build's render).
    pub fn from_document() -> Display {
        if cfg!(not(target_arch = "wasm32")) {
            return Display::default();
        }
        let root = document().document_element();
        let on = |(attr, value, _): (&str, &str, &str)| {
            root.as_ref().and_then(|r| r.get_attribute(attr)).is_some_and(|v| v == value)
        };
        Display { large_text: on(LARGE_TEXT), high_contrast: on(HIGH_CONTRAST) }
    }

    /// Puts the choices on `<html>` and keeps them in this browser.
    pub fn apply(self) {
        let root = document().document_element();
        let storage = window().local_storage().ok().flatten();
        for (on, (attr, value, key)) in [(self.large_text, LARGE_TEXT), (self.high_contrast, HIGH_CONTRAST)] {
            if let Some(root) = &root {
                let _ = if on { root.set_attribute(attr, value) } else { root.remove_attribute(attr) };
            }
            if let Some(storage) = &storage {
                let _ = if on { storage.set_item(key, value) } else { storage.remove_item(key) };
            }
        }
    }
}

/// The display choices: the app's signal, or (in an embed, which has no header
/// to change them) what `<html>` carries.
pub fn use_display() -> Signal<Display> {
    use_context::<RwSignal<Display>>().map_or_else(|| Signal::stored(Display::from_document()), Signal::from)
}
