//! How a page starts. Every route's HTML file already holds the page: the build
//! rendered it with these same views (`sitegen pages`, natively, the `ssr`
//! feature) from the release's data read from disk, handed to the views as
//! `Preloaded`. In the browser only its islands wake (`islands`).
//!
//! An embed at an address its page was not rendered for (`rendered_for`: its
//! table, another release, a city's series) is drawn afresh by the embed's own
//! build (`wake`), which reads its data files as it goes.

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

/// Data files the page shows, read by the build from disk before it renders the
/// page. A page asks here first (`Loadable`) and fetches only what is not here
/// (in the browser, all of it).
#[derive(Clone, Debug, Default)]
pub struct Preloaded {
    pub overview: Option<Result<Loaded<OverviewFile>, AppError>>,
    /// Indicator files (an indicator's, or one city's series of it).
    pub indicators: Vec<(FileKey, Result<IndicatorFile, AppError>)>,
    pub changes: Option<Result<ChangesFile, AppError>>,
}

impl Preloaded {
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

/// The `<meta>` of an islands page naming the full build's script (`content`)
/// and wasm (`data-wasm`), relative to the site root: what the page loads for an
/// address it was not rendered for (`islands`).
pub const FULL_APP_META: &str = "full-app";

#[cfg(target_arch = "wasm32")]
pub use browser::{meta, next_task, rendered_for, report_failure, wake};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Preloaded, Start, RENDERED_META};
    use crate::navigation::Address;
    use crate::route::{Page, Route};
    use crate::site::Site;
    use leptos::prelude::*;

    /// Starts the embed's own build (`embed_app`): the site's build loads it only
    /// for an embed at an address its page was not rendered for (`rendered_for`),
    /// so it draws the embed afresh, in place of the rendered one, and reads its
    /// data as it goes.
    pub fn wake<V: IntoView + 'static>(app: fn(Start) -> V) {
        report_failure();
        let site = Site::from_document();
        let start = Start {
            address: Address::current(),
            data: Preloaded::default(),
            site_url: meta("site-url").unwrap_or_else(|| site.root_url.clone()),
            today: meta("rendered-on").unwrap_or_else(Site::today_iso),
            report_url: meta("report-url").filter(|u| !u.is_empty()),
            site,
        };
        let document = document();
        if let Some(body) = document.body() {
            body.set_inner_html("");
        }
        leptos::mount::mount_to_body(move || app(start));
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("data-app", "drawn");
        }
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
    /// same language, and for an embed no query that changes what it shows
    /// (another release, a city's series, its table). The site's pages read no
    /// data from their query: what it changes (a filter, a view) is applied
    /// once awake.
    pub fn rendered_for(route: &Route, site: &Site) -> bool {
        let rendered = meta(RENDERED_META);
        let same_page = rendered.is_some_and(|r| r == Route::new(route.lang, route.page.clone()).href());
        let q = &route.query;
        let other_embed = matches!(route.page, Page::Embed(_))
            && (q.place.is_some() || q.table || q.release.as_ref().is_some_and(|r| site.release.as_ref() != Some(r)));
        same_page && !other_embed
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
