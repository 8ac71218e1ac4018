//! How a page starts. Every route's HTML file already holds the page: the build
//! rendered it with these same views (`sitegen pages`, natively, the `ssr`
//! feature) from the release's data read from disk. In the browser (`wake`)
//! the app reads the same data files, then hydrates that markup: it attaches
//! to the elements already there instead of drawing them again.
//!
//! Hydration needs the browser's first render to be exactly the build's. So it
//! starts from what the build knew: the route without its query, the display
//! choices off, the site's address and today's date as the build wrote them.
//! Once awake, the app sets the reader's own (`context::Reader`), and anything
//! that depends on them updates like any other change. When the address is not
//! the page the HTML was rendered for (a host's 404 page at any path, an embed
//! pinned to another release or a city's series), the app draws the page
//! afresh in its place instead.

use crate::fetch::AppError;
use crate::model::changes::ChangesFile;
use crate::model::{IndicatorFile, IndicatorId, Loaded, OverviewFile};
use crate::navigation::Address;
use crate::site::Site;
use leptos::prelude::*;

/// Everything a page's first render reads that does not come from the views.
#[derive(Clone, Debug)]
pub struct Start {
    pub site: Site,
    /// The address the page is first drawn for.
    pub address: Address,
    /// The data the page shows, already read.
    pub data: Preloaded,
    /// The site's absolute address and today's date, as the build wrote them
    /// (`context::Reader` then holds the reader's).
    pub site_url: String,
    pub today: String,
    /// Where readers report a problem with a figure (`--report-url`).
    pub report_url: Option<String>,
}

/// An indicator file's key: the indicator, and the series key of a city's series of it.
pub type FileKey = (IndicatorId, Option<String>);

/// Data files the page shows, read before its first render: by the build from
/// disk, or by the browser before it hydrates. A page asks here first
/// (`Loadable`) and fetches only what is not here.
#[derive(Clone, Debug, Default)]
pub struct Preloaded {
    pub overview: Option<Result<Loaded<OverviewFile>, AppError>>,
    /// Indicator files (an indicator's, or one city's series of it).
    pub indicators: Vec<(FileKey, Result<IndicatorFile, AppError>)>,
    pub changes: Option<Result<ChangesFile, AppError>>,
}

impl Preloaded {
    /// The first file that could not be read, if any.
    pub fn first_error(&self) -> Option<AppError> {
        let overview = self.overview.iter().filter_map(|r| r.as_ref().err());
        let indicators = self.indicators.iter().filter_map(|(_, r)| r.as_ref().err());
        let changes = self.changes.iter().filter_map(|r| r.as_ref().err());
        overview.chain(indicators).chain(changes).next().cloned()
    }

    pub fn indicator(&self, id: &IndicatorId, place: Option<&str>) -> Option<Result<IndicatorFile, AppError>> {
        self.indicators.iter().find(|((i, p), _)| i == id && p.as_deref() == place).map(|(_, file)| file.clone())
    }
}

/// The preloaded data, as the app provides it.
pub fn use_preloaded() -> StoredValue<Preloaded> {
    use_context::<StoredValue<Preloaded>>().unwrap_or_else(|| StoredValue::new(Preloaded::default()))
}

/// The `<meta>` naming the route a page's HTML was rendered for (`Route::href`).
pub const RENDERED_META: &str = "rendered-route";

/// The `<meta>` holding the fingerprint of the data files the page was rendered
/// from (`fetch::fingerprint_hex`): the browser hydrates only when the files it
/// read have the same.
pub const FINGERPRINT_META: &str = "data-fingerprint";

/// The `<meta>` of an islands page naming the full build's script (`content`)
/// and wasm (`data-wasm`), relative to the site root: what the page loads for an
/// address it was not rendered for (`islands`).
pub const FULL_APP_META: &str = "full-app";

#[cfg(target_arch = "wasm32")]
pub use browser::{meta, next_task, rendered_for, report_failure, wake};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Preloaded, Start, FINGERPRINT_META, RENDERED_META};
    use crate::fetch;
    use crate::navigation::Address;
    use crate::route::{Page, Route};
    use crate::site::Site;
    use leptos::prelude::*;

    /// Starts the app of one build (`app`, `places_app`, `embed_app`) on this page.
    pub fn wake<V: IntoView + 'static>(app: fn(Start) -> V) {
        report_failure();
        wasm_bindgen_futures::spawn_local(async move {
            let site = Site::from_document();
            let here = Address::current();
            let route = Route::from_location(&here.path, &here.search, &site.base_path);
            let rendered = rendered_for(&route, &site);
            let data = preload(&site, &route, rendered).await;
            // Reading the files and waking the page are two tasks, not one long one.
            next_task().await;
            let document = document();
            // The page as rendered is the build's data: if the browser cannot read
            // the same files now, it stays readable as it is, with the reason on top.
            if let (true, Some(error)) = (rendered, data.first_error()) {
                return show_load_error(error, route.lang);
            }
            // Files that read differently from the build's (never for a release's
            // files, which do not change) would draw another page: draw that one.
            let same_files = meta(FINGERPRINT_META).is_some_and(|f| f == fetch::fingerprint_hex(fetch::files_read()));
            let hydrate = rendered && same_files;
            // A site page's query is applied once awake; an embed's is part of its first
            // render (`rendered_for` lets through only the queries that draw the same).
            let embed = matches!(route.page, Page::Embed(_));
            let address =
                if hydrate && !embed { Address { search: String::new(), hash: String::new(), ..here } } else { here };
            let start = Start {
                address,
                data,
                site_url: meta("site-url").unwrap_or_else(|| site.root_url.clone()),
                today: meta("rendered-on").unwrap_or_else(Site::today_iso),
                report_url: meta("report-url").filter(|u| !u.is_empty()),
                site,
            };
            if hydrate {
                leptos::mount::hydrate_body(move || app(start));
            } else {
                if let Some(body) = document.body() {
                    body.set_inner_html("");
                }
                leptos::mount::mount_to_body(move || app(start));
            }
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("data-app", if hydrate { "hydrated" } else { "drawn" });
            }
        });
    }

    /// Resolves in a task of its own (a zero-delay timeout), after what the
    /// browser has waiting: input, painting. (A message to itself through a
    /// `MessageChannel`, which browsers do not delay, measured worse: the
    /// indicator page's blocking time on load rose from about 190 to 600 ms.)
    pub async fn next_task() {
        let later = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(later).await;
    }

    /// The `content` of the page's `<meta name="…">`, if it has one.
    pub fn meta(name: &str) -> Option<String> {
        let selector = format!("meta[name={name}]");
        document().query_selector(&selector).ok().flatten().and_then(|m| m.get_attribute("content"))
    }

    /// Whether this page's HTML was rendered for `route`: the same page in the
    /// same language, with no query that changes its data (another release,
    /// a city's series). A query that only changes the view is applied after.
    pub fn rendered_for(route: &Route, site: &Site) -> bool {
        let rendered = meta(RENDERED_META);
        let same_page = rendered.is_some_and(|r| r == Route::new(route.lang, route.page.clone()).href());
        let same_data = route.query.place.is_none()
            && route.query.release.as_ref().is_none_or(|r| site.release.as_ref() == Some(r));
        let embed_view = !matches!(route.page, Page::Embed(_)) || !route.query.table;
        same_page && same_data && embed_view
    }

    /// Reads the data files the route's first render shows. When the page
    /// will be drawn afresh, the page fetches its own data as it goes.
    async fn preload(site: &Site, route: &Route, hydrate: bool) -> Preloaded {
        let mut data = Preloaded::default();
        if !hydrate {
            return data;
        }
        let needs_overview = !matches!(route.page, Page::Embed(_));
        let overview = async {
            if needs_overview {
                Some(fetch::load_overview(site.clone()).await)
            } else {
                None
            }
        };
        let indicator = async {
            match &route.page {
                Page::Indicator(id) | Page::Embed(id) => {
                    let file = fetch::load_indicator_release(site.clone(), id.clone(), None, None).await;
                    vec![((id.clone(), None), file)]
                }
                _ => Vec::new(),
            }
        };
        let changes = async {
            match route.page {
                Page::Changes => Some(fetch::load_changes().await),
                _ => None,
            }
        };
        let (overview, mut indicators, changes) = futures::join!(overview, indicator, changes);
        // A city's page shows each of its series' files; which ones, the overview says.
        if let (Page::City(code), Some(Ok(loaded))) = (&route.page, &overview) {
            let keys = crate::pages::city_series_keys(&loaded.data, code);
            let files = futures::future::join_all(keys.into_iter().map(|(id, key)| async move {
                let file = fetch::load_indicator_release(site.clone(), id.clone(), None, Some(key.clone())).await;
                ((id, Some(key)), file)
            }))
            .await;
            indicators.extend(files);
        }
        data.overview = overview;
        data.indicators = indicators;
        data.changes = changes;
        data
    }

    /// Puts the reason the page's data could not be read over the rendered page
    /// (`components::ErrorPanel`, as on a page drawn in the browser), whose retry
    /// loads the page anew. The page is not woken: its figures stay the build's,
    /// readable, and `<html data-app="unavailable">` says so.
    fn show_load_error(error: crate::fetch::AppError, lang: crate::i18n::Lang) {
        use crate::components::ErrorPanel;
        use wasm_bindgen::JsCast;
        let document = document();
        let main = document.query_selector("main").ok().flatten().or_else(|| document.body().map(Into::into));
        if let (Some(main), Ok(slot)) = (main, document.create_element("div")) {
            let _ = main.insert_before(&slot, main.first_child().as_ref());
            let retry = Callback::new(|()| drop(window().location().reload()));
            let lang = Signal::stored(lang);
            leptos::mount::mount_to(slot.unchecked_into(), move || view! { <ErrorPanel error lang retry/> }).forget();
        }
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("data-app", "unavailable");
        }
    }

    /// A panic (a hydration mismatch, a bug) stops the app but leaves the
    /// page's rendered content readable: it is reported in the console and on
    /// `<html data-app="failed">`, never as a blank page.
    pub fn report_failure() {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("The page stays as it was rendered; its app stopped: {info}").into());
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("data-app", "failed");
            }
        }));
    }
}
