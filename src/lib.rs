//! Gansu 14th Five-Year Eco-Environmental Protection Plan dashboard.
//!
//! `model` holds the data types and pure logic; `charts` builds ECharts options;
//! `i18n` holds every word; `present` decides what cards and rows show; `route`
//! the typed addresses; `site` where the site is deployed; `share` what a
//! journalist copies; `fetch` every request; `context` what every page reads
//! (route, language, site, overview, theme); `components` and `pages` are the
//! Leptos views. `app` below wires them up.

#![recursion_limit = "256"]

pub mod charts;
pub mod components;
pub mod context;
pub mod fetch;
pub mod i18n;
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
pub mod islands;
pub mod loadable;
pub mod model;
pub mod navigation;
pub mod pages;
pub mod present;
pub mod route;
pub mod share;
pub mod site;
pub mod start;

use components::{Footer, Header, InPageLink};
use context::{use_lang, use_overview, use_route, OverviewCache, SystemDark};
use i18n::Msg;
use leptos::prelude::*;
use route::{Page, Route};
use start::Start;

/// The site's pages, in one frame: `app` draws the overview, areas, indicators,
/// about and changes pages; `places_app` the cities and prefectures. The build
/// renders every page with them from `start` (`sitegen pages`); in the browser,
/// only each page's islands wake (`islands`).
pub fn app(start: Start) -> impl IntoView {
    frame(start, || view! { <CurrentPage/> }.into_any())
}

/// The cities and prefectures' pages (see `app`).
pub fn places_app(start: Start) -> impl IntoView {
    frame(start, || view! { <PlacePage/> }.into_any())
}

/// The pages `places_app` draws.
pub fn is_place_page(page: &Page) -> bool {
    matches!(page, Page::Cities | Page::City(_))
}

/// The contexts every page reads, from `start`; then, once the page is awake,
/// the reader's own address, display choices, site address and date.
fn provide_start(start: Start) -> (context::Reader, navigation::Address) {
    let Start { site, address, data, site_url, today, report_url } = start;
    provide_context(site.clone());
    provide_context(StoredValue::new(data));
    provide_context(site::ReportUrl(report_url));
    provide_context(SystemDark::watch());
    let reader = context::Reader { site_url: RwSignal::new(site_url), today: RwSignal::new(today) };
    provide_context(reader);
    (reader, address)
}

/// A site page's frame, as the build renders it: the page at its address, the
/// display choices off. (In the browser its islands wake on their own: `islands`.)
fn frame(start: Start, current: fn() -> AnyView) -> impl IntoView {
    let base_path = start.site.base_path.clone();
    let (_, address) = provide_start(start);
    let route = Route::from_location(&address.path, &address.search, &base_path);
    let (address, set_address) = signal(address);
    navigation::provide(address, set_address, navigation::Draws::only(&route));
    provide_context(OverviewCache::new());
    provide_context(RwSignal::new(context::Display::default()));
    provide_context(Memo::new(move |_| route.clone()));
    view! { <SiteFrame current/> }
}

/// Sets what only the reader's browser knows (`context::Reader`, the address).
fn awake(reader: context::Reader) {
    #[cfg(target_arch = "wasm32")]
    {
        let site = context::use_site();
        reader.site_url.set(site.root_url.clone());
        reader.today.set(site::Site::today_iso());
        navigation::to_current();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = reader;
}

/// The embed build's root: no navigation and none of the site's pages, so the
/// embed's wasm file carries only what an embedded chart needs. Its route
/// never changes: an embed never navigates.
pub fn embed_app(start: Start) -> impl IntoView {
    let base_path = start.site.base_path.clone();
    let (reader, address) = provide_start(start);
    Effect::new(move |_| awake(reader));
    let route = Route::from_location(&address.path, &address.search, &base_path);
    let page = route.page.clone();
    provide_context(Memo::new(move |_| route.clone()));
    match page {
        Page::Embed(id) => view! { <pages::EmbedPage id/> }.into_any(),
        _ => pages::NotFoundPage().into_any(),
    }
}

#[component]
fn SiteFrame(current: fn() -> AnyView) -> impl IntoView {
    let route = use_route();
    let lang = use_lang();
    let overview = use_overview();
    let as_of = Signal::derive(move || overview.get().and_then(|r| r.ok()).map(|l| l.data.as_of));

    // Keep <html lang>, the document title and description in step with the route.
    Effect::new(move |_| {
        let lang = lang.get();
        let doc = document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        let data = overview.get().and_then(Result::ok);
        let route = route.get();
        doc.set_title(&present::meta::title(&route, data.as_ref().map(|l| &l.data)));
        if let (Some(meta), Some(data)) = (doc.query_selector("meta[name=description]").ok().flatten(), data) {
            let _ = meta.set_attribute("content", &present::meta::description(&route, &data.data));
        }
    });

    // The not-found page is one file for every address a host has none for (404.html,
    // its `<base>` absolute): a link to its own `#main` would lead to another page,
    // and the page is a few lines.
    let skip = (route.get_untracked().page != Page::NotFound).then(|| {
        view! { <InPageLink target="main" class="skip-link">{move || lang.get().t(Msg::SkipToContent)}</InPageLink> }
    });
    view! {
        {skip}
        <Header route/>
        <main id="main" tabindex="-1">
            {current()}
        </main>
        <Footer lang as_of/>
    }
}

/// The page the route names. Embed routes are served by the embed build
/// (`EmbedApp`, its own page and wasm), so the site's wasm carries no embed view:
/// an embed address that reaches it (an unknown indicator, via 404.html) is
/// "not found" in the site's frame.
#[component]
fn CurrentPage() -> impl IntoView {
    let route = use_route();
    // Only a change of page rebuilds the page; a change of query (a filter, a
    // tab) is read reactively inside it.
    let page = Memo::new(move |_| route.get().page);
    move || {
        match page.get() {
            Page::Overview => pages::OverviewPage().into_any(),
            Page::Area(area) => view! { <pages::AreaPage area/> }.into_any(),
            Page::Indicator(id) => view! { <pages::IndicatorPage id/> }.into_any(),
            Page::About => pages::AboutPage().into_any(),
            Page::Changes => pages::ChangesPage().into_any(),
            Page::NotFound | Page::Embed(_) | Page::Cities | Page::City(_) => pages::NotFoundPage().into_any(),
        }
        .into_any()
    }
}

/// The page of `PlacesApp`. Its pages are also rebuilt when the language
/// changes: their words are plain text, not reactive (see `pages::places`).
#[component]
fn PlacePage() -> impl IntoView {
    let route = use_route();
    let page = Memo::new(move |_| {
        let r = route.get();
        (r.page, r.lang)
    });
    move || {
        match page.get().0 {
            Page::Cities => pages::CitiesPage().into_any(),
            Page::City(code) => view! { <pages::CityPage code/> }.into_any(),
            _ => pages::NotFoundPage().into_any(),
        }
        .into_any()
    }
}
