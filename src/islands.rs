//! The site's build (src/bin/islands.rs, index.html): every page (the site's
//! and the embeds') is read as the build rendered it, and only its interactive
//! parts wake, each on its own from the props the build wrote into its wrapper
//! (`components::island`). Nothing else of the app is in its wasm: no page
//! views, no data files, no parser, no chart builders, no router.
//! A link to the same page with another query (a filter, a comparison) moves
//! in place; any other link is a page load.
//!
//! Two addresses are not the page the HTML was rendered for:
//! - an embed's table, another release of it or a city's series: the page then
//!   loads the embed's own build (named in `<meta name="full-app">`), which
//!   draws it afresh;
//! - a host's 404 page, served at any address: at a page's address (a host that
//!   serves no folder's `index.html`), it opens that page's file; otherwise it
//!   is the not-found page it was rendered as.

use crate::components::island::{
    ADDRESS, CHART, CITATION, COMPARE, DISPLAY, FILTER, REPORT, SEARCH, SERIES_EMBED, SHARE, SORT, VIEWS,
};
use crate::components::progress_chart::ChartProps;
use crate::components::{ChartHost, DisplayOptions, ForcedTheme, IndicatorSearch};
use crate::context::{use_lang, Display, Reader, SystemDark};
use crate::navigation::{Address, Draws};
use crate::pages::{
    AddressProps, Choice, CitationProps, ComparisonChoice, FilterProps, PrintedAddress, ReportProblem, ReportProps,
    SeriesEmbedCode, SeriesEmbedProps, SharePanel, ShareProps, SiteCitation, SortButtons, SortProps, StatusFilter,
    ViewTabs,
};
use crate::present::search::SearchEntry;
use crate::route::{Page, Route};
use crate::site::Site;
use crate::start::{next_task, FULL_APP_META};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(
    inline_js = "export function startApp(js, wasm) { return import(js).then(function (m) { return m.default({ module_or_path: wasm }); }); }"
)]
extern "C" {
    #[wasm_bindgen(js_name = startApp)]
    fn start_app(js: &str, wasm: &str) -> js_sys::Promise;
}

/// What every island reads, made once for the page and provided to each.
#[derive(Clone)]
struct Shared {
    site: Site,
    reader: Reader,
    dark: SystemDark,
    display: RwSignal<Display>,
    address: (ReadSignal<Address>, WriteSignal<Address>),
    draws: Draws,
    route: Memo<Route>,
    /// The theme an embed's address fixes.
    theme: Option<ForcedTheme>,
}

impl Shared {
    /// As the build rendered the page: its address without the query, display
    /// choices off, the build's site address and date (see `start`). A link to
    /// this page with another query (a filter) moves in place; any other link
    /// is a page load.
    fn new(site: Site, here: &Address, route: &Route) -> Shared {
        use crate::start::meta;
        let reader = Reader {
            site_url: RwSignal::new(meta("site-url").unwrap_or_else(|| site.root_url.clone())),
            today: RwSignal::new(meta("rendered-on").unwrap_or_else(Site::today_iso)),
        };
        let address = signal(Address { path: here.path.clone(), ..Address::default() });
        let base_path = site.base_path.clone();
        let read = address.0;
        let draws = Draws::only(route);
        crate::navigation::listen(base_path.clone(), draws.clone(), address.1);
        let display = RwSignal::new(Display::default());
        let theme = crate::pages::forced_theme(route);
        let route = Memo::new(move |_| read.with(|a| Route::from_location(&a.path, &a.search, &base_path)));
        Shared { site, reader, dark: SystemDark::watch(), display, address, draws, route, theme }
    }

    fn provide(&self) {
        provide_context(self.site.clone());
        provide_context(self.reader);
        provide_context(self.dark);
        provide_context(self.display);
        crate::navigation::provide(self.address.0, self.address.1, self.draws.clone());
        provide_context(self.route);
        if let Some(theme) = self.theme {
            provide_context(theme);
        }
    }

    /// Once every island is awake: the reader's own address, date and display choices.
    fn awake(&self) {
        self.reader.site_url.set(self.site.root_url.clone());
        self.reader.today.set(Site::today_iso());
        self.address.1.set(Address::current());
        self.display.set(Display::from_document());
    }
}

/// Wakes this page's islands, or loads the full app for an address the page
/// was not rendered for.
pub fn wake() {
    crate::start::report_failure();
    let site = Site::from_document();
    let here = Address::current();
    let route = Route::from_location(&here.path, &here.search, &site.base_path);
    let html = document().document_element();
    if !crate::start::rendered_for(&route, &site) {
        if full_app(&site) {
            return;
        }
        if route.page != Page::NotFound && !here.path.ends_with("index.html") {
            let file = format!("{}index.html{}{}", Route::new(route.lang, route.page).href(), here.search, here.hash);
            let _ = window().location().replace(&crate::context::absolute(&site.root_url, &file));
            return;
        }
    }
    let owner = Owner::new();
    owner.set();
    let shared = Shared::new(site, &here, &route);
    std::mem::forget(owner);
    let list = document().query_selector_all("[data-island]").ok();
    let islands: Vec<web_sys::HtmlElement> =
        (0..list.as_ref().map_or(0, |l| l.length())).filter_map(|i| list.as_ref()?.item(i)?.dyn_into().ok()).collect();
    // Islands wake in slices of about SLICE_MS, each in a task of its own, so
    // the page answers its reader between them: no long task while a page
    // with many parts wakes. The first slice does not share the task that
    // compiled and started the wasm.
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        let mut began = js_sys::Date::now();
        for el in islands {
            hydrate(el, &shared);
            if js_sys::Date::now() - began >= SLICE_MS {
                next_task().await;
                began = js_sys::Date::now();
            }
        }
        shared.awake();
        // A link from another page to a section of this one (the header's "Downloads")
        // lands on it: the browser has scrolled there; the reader's focus goes too.
        if let Some(id) = here.hash.strip_prefix('#').filter(|id| !id.is_empty()) {
            crate::components::focus_element(id);
        }
        // An embed tells the page it sits in its height, as the embed's build does.
        if let (Page::Embed(id), Some(main)) = (&route.page, document().query_selector("main").ok().flatten()) {
            crate::pages::post_heights(main.unchecked_ref(), id.to_string());
        }
        if let Some(html) = html {
            let _ = html.set_attribute("data-app", "islands");
        }
    });
}

/// How long islands wake before the page gets the main thread back. A task
/// counts as long from 50 ms; a phone four times slower than the machine that
/// measures (Lighthouse's mobile model) turns 8 ms into 32. (A slice of 30 ms
/// left the indicator page one task of 60 ms: 240 on that phone.)
const SLICE_MS: f64 = 8.0;

/// Wakes one island from its props.
fn hydrate(el: web_sys::HtmlElement, shared: &Shared) {
    type Draw = Box<dyn FnOnce() -> AnyView>;
    /// The island drawn from the props in its wrapper, if they read.
    fn with<P: DeserializeOwned + 'static, V: IntoView + 'static>(
        el: &web_sys::HtmlElement,
        draw: impl FnOnce(P) -> V + 'static,
    ) -> Option<Draw> {
        let props: P = serde_json::from_str(&el.get_attribute("data-props")?).ok()?;
        Some(Box::new(move || draw(props).into_any()))
    }
    fn plain<V: IntoView + 'static>(draw: impl FnOnce() -> V + 'static) -> Option<Draw> {
        Some(Box::new(move || draw().into_any()))
    }
    let name = el.get_attribute("data-island").unwrap_or_default();
    let view = match name.as_str() {
        DISPLAY => plain(|| view! { <DisplayOptions lang=use_lang()/> }),
        CHART => with(
            &el,
            |ChartProps { spec, class }| view! { <ChartHost spec=Signal::stored(spec) lang=use_lang() class/> },
        ),
        SEARCH => with(&el, |indicators: Vec<SearchEntry>| view! { <IndicatorSearch indicators lang=use_lang()/> }),
        CITATION => with(&el, |props: CitationProps| view! { <SiteCitation props/> }),
        FILTER => with(&el, |props: FilterProps| view! { <StatusFilter props/> }),
        VIEWS => plain(|| view! { <ViewTabs/> }),
        SHARE => with(&el, |props: ShareProps| view! { <SharePanel props/> }),
        ADDRESS => with(&el, |props: AddressProps| view! { <PrintedAddress props/> }),
        REPORT => with(&el, |props: ReportProps| view! { <ReportProblem props/> }),
        COMPARE => with(&el, |choices: Vec<Choice>| view! { <ComparisonChoice choices/> }),
        SORT => with(&el, |props: SortProps| view! { <SortButtons props/> }),
        SERIES_EMBED => with(&el, |props: SeriesEmbedProps| view! { <SeriesEmbedCode props/> }),
        _ => None,
    };
    let Some(view) = view else { return missing(&name) };
    let shared = shared.clone();
    leptos::mount::hydrate_from(el, move || {
        shared.provide();
        view()
    })
    .forget();
}

/// An island this build does not know, or whose props do not read: it stays
/// as rendered, and the console says which.
fn missing(name: &str) {
    web_sys::console::warn_1(&format!("island `{name}`: unknown, or its props do not read; left as rendered").into());
}

/// Loads the build the page names in `<meta name="full-app">` (an embed's own),
/// which draws the page afresh for this address; false if it names none.
fn full_app(site: &Site) -> bool {
    let meta = document().query_selector(&format!("meta[name={FULL_APP_META}]")).ok().flatten();
    let files = meta.and_then(|m| Some((m.get_attribute("content")?, m.get_attribute("data-wasm")?)));
    let Some((js, wasm)) = files else {
        return false;
    };
    let url = |file: &str| crate::context::absolute(&site.root_url, file);
    let started = start_app(&url(&js), &url(&wasm));
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(started).await {
            web_sys::console::error_1(&e);
        }
    });
    true
}
