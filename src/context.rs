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
