//! What every page reads from the app around it: the route and language (from
//! the URL), where the site is deployed, the shared overview data, and whether
//! the reader's system is in dark mode. `App` and `EmbedApp` provide these once;
//! pages and components read them through the `use_…` functions here.

use crate::fetch::{self, AppError};
use crate::i18n::Lang;
use crate::model::{Loaded, OverviewFile};
use crate::route::Route;
use crate::site::Site;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// The overview data, loaded once and shared by every page.
pub type OverviewResource = LocalResource<Result<Loaded<OverviewFile>, AppError>>;

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

/// The overview, fetched the first time a page asks for it and then shared by
/// every page. In the site build the frame asks at once (footer date, title);
/// the laziness matters for the site build's rare embed route (an embed URL
/// the host answered with the site's 404 page), which never needs it.
pub fn use_overview() -> OverviewResource {
    let cache = expect_context::<OverviewCache>();
    if let Some(resource) = cache.resource.get_value() {
        return resource;
    }
    let resource = cache.owner.with(|| {
        let site = use_site();
        LocalResource::new(move || fetch::load_overview(site.clone()))
    });
    cache.resource.set_value(Some(resource));
    resource
}

/// Where the shared overview resource lives: created under the app's owner so
/// it outlives the page that first asked for it.
#[derive(Clone)]
pub(crate) struct OverviewCache {
    owner: Owner,
    resource: StoredValue<Option<OverviewResource>>,
}

impl OverviewCache {
    pub(crate) fn new() -> Self {
        OverviewCache { owner: Owner::current().unwrap_or_default(), resource: StoredValue::new(None) }
    }
}

/// Whether the reader's system prefers dark colours, followed live. One media
/// query listener for the whole app (not one per chart), made at start-up.
#[derive(Clone, Copy)]
pub struct SystemDark(pub Signal<bool>);

impl SystemDark {
    pub(crate) fn watch() -> Self {
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
    /// As `<html>` carries them.
    pub fn from_document() -> Display {
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
