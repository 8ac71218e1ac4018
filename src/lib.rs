//! Gansu 14th Five-Year Eco-Environmental Protection Plan dashboard.
//!
//! `model` holds the data types and pure logic; `charts` builds ECharts options;
//! `i18n` holds every word; `present` decides what cards and rows show; `route`
//! the typed addresses; `site` where the site is deployed; `share` what a
//! journalist copies; `fetch` every request; `context` what every page reads
//! (route, language, site, overview, theme); `components` and `pages` are the
//! Leptos views. `App` below wires them up.

pub mod charts;
pub mod components;
pub mod context;
pub mod fetch;
pub mod i18n;
pub mod model;
pub mod navigation;
pub mod pages;
pub mod present;
pub mod route;
pub mod share;
pub mod site;

use components::{Footer, Header, InPageLink};
use context::{use_lang, use_overview, use_route, OverviewCache, SystemDark};
use i18n::Msg;
use leptos::prelude::*;
use route::{Page, Route};
use site::Site;

/// The site's pages come in two wasm builds, each with the same frame: `App`
/// draws the overview, areas, indicators, about and changes pages; `PlacesApp`
/// (src/bin/places.rs, places.html) the cities and prefectures. A link to the
/// other build's pages is a full page load; within a build, pages change in place.
#[component]
pub fn App() -> impl IntoView {
    frame(|page| !is_place_page(page), || view! { <CurrentPage/> }.into_any())
}

/// The cities and prefectures' build (see `App`).
#[component]
pub fn PlacesApp() -> impl IntoView {
    frame(is_place_page, || view! { <PlacePage/> }.into_any())
}

/// The pages `PlacesApp` draws.
pub fn is_place_page(page: &Page) -> bool {
    matches!(page, Page::Cities | Page::City(_))
}

fn frame(draws: fn(&Page) -> bool, current: fn() -> AnyView) -> impl IntoView {
    let site = Site::from_document();
    provide_context(site.clone());
    provide_context(OverviewCache::new());
    provide_context(SystemDark::watch());
    provide_context(RwSignal::new(context::Display::from_document()));
    let address = navigation::follow(&site.base_path, draws);
    let route = Memo::new(move |_| address.with(|a| Route::from_location(&a.path, &a.search, &site.base_path)));
    provide_context(route);
    view! { <SiteFrame current/> }
}

/// The embed build's root: no navigation and none of the site's pages, so the
/// embed's wasm file carries only what an embedded chart needs. The route is
/// read once from the address; an embed never navigates.
#[component]
pub fn EmbedApp() -> impl IntoView {
    let site = Site::from_document();
    provide_context(site.clone());
    provide_context(SystemDark::watch());
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let route = Route::from_location(&path, &search, &site.base_path);
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

    view! {
        <InPageLink target="main" class="skip-link">{move || lang.get().t(Msg::SkipToContent)}</InPageLink>
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
