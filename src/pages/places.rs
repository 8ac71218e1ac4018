//! The cities and prefectures (市州). `CityPage` shows one place: every figure
//! the data holds for it, each series charted beside the province, and what is
//! missing for it; the overview and indicator pages lead to it (`PlaceLinks`,
//! `Breakdown`). The 14 side by side are in `cities`.
//!
//! Both pages are drawn from the overview file, whose indicators carry their
//! city breakdowns; the city page also from each series' own file, for the
//! figures' notes and sources. The build renders them; in the browser only
//! their islands wake (the comparison's choice and sort buttons, each series'
//! chart and embed code), and the places' full build (`places_app`) draws them
//! only for an address they were not rendered for. That build rebuilds a page
//! when the language changes (`PlacePage`), so their words are plain text, not
//! reactive closures.

use super::indicator_parts::SourceEntry;
use crate::components::island::{self, island};
use crate::components::{await_found, await_resource, Breadcrumbs, CopyButton, DataProblems, ProgressChart};
use crate::context::{use_lang, use_overview, use_site, use_site_url};
use crate::fetch;
use crate::i18n::{self, Lang, Msg};
use crate::model::place::{self, in_year_order, Place, PLACES};
use crate::model::{layout, Indicator, IndicatorId, Observation, PlaceSeries, Text};
use crate::route::{Page, Query, Route};
use crate::share;
use leptos::prelude::*;

/// The indicators that have figures for single places, in the data's order.
pub(super) fn with_breakdown(indicators: Vec<Indicator>) -> Vec<Indicator> {
    indicators.into_iter().filter(|i| !i.breakdown.is_empty()).collect()
}

/// The series a city's page shows, each its own file: (indicator, series key).
pub fn city_series_keys(overview: &crate::model::OverviewFile, code: &str) -> Vec<(crate::model::IndicatorId, String)> {
    let indicators = overview.indicators.iter().filter(|i| !i.breakdown.is_empty());
    indicators.flat_map(|i| i.series_of(code).map(|s| (i.id.clone(), s.key()))).collect()
}

pub(super) fn city_href(lang: Lang, code: &str) -> String {
    Route::new(lang, Page::City(code.to_string())).href()
}

pub(super) fn trail(lang: Lang, place: Option<&Place>) -> Vec<(String, Option<String>)> {
    let home = (lang.t(Msg::Home).to_string(), Some(Route::new(lang, Page::Overview).href()));
    let cities = i18n::cities_title(lang).to_string();
    match place {
        None => vec![home, (cities, None)],
        Some(p) => vec![
            home,
            (cities, Some(Route::new(lang, Page::Cities).href())),
            (i18n::place_name(lang, p).to_string(), None),
        ],
    }
}

#[component]
pub fn CityPage(code: String) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let overview = use_overview();
    let Some(place) = place::find(&code) else {
        return super::NotFoundPage().into_any();
    };
    view! {
        <Breadcrumbs lang trail=trail(lang, Some(place))/>
        <h1 data-testid="city-name">{i18n::place_full_name(lang, place)}</h1>
        {await_resource(overview, lang.into(), move |loaded| view! {
            <DataProblems errors=loaded.errors lang/>
            <CityBody place indicators=with_breakdown(loaded.data.indicators) lang/>
        }.into_any())}
    }
    .into_any()
}

#[component]
fn CityBody(place: &'static Place, indicators: Vec<Indicator>, lang: Lang) -> impl IntoView {
    let (has, lacks): (Vec<Indicator>, Vec<Indicator>) =
        indicators.into_iter().partition(|i| i.series_of(place.code).next().is_some());
    let figures: usize = has.iter().flat_map(|i| i.series_of(place.code)).map(|s| s.values.len()).sum();
    let lead = match has.len() {
        0 => i18n::no_city_figures(lang).to_string(),
        n => i18n::city_lead(lang, n, figures),
    };
    let missing = lacks
        .iter()
        .map(|ind| {
            view! {
                <li data-testid="missing-indicator" data-id=ind.id.to_string()>
                    <a href=Route::new(lang, Page::Indicator(ind.id.clone())).href()>{lang.pick(&ind.name).to_string()}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="lead" data-testid="city-lead">{lead}</p>
        <p><a href=Route::new(lang, Page::Cities).href()>{i18n::compare_cities(lang)}</a></p>
        {has.into_iter().map(|ind| view! { <CityIndicator ind place lang/> }).collect_view()}
        {(!lacks.is_empty()).then(|| view! {
            <section aria-labelledby="missing-heading" data-testid="city-missing">
                <h2 id="missing-heading">{i18n::city_missing_heading(lang)}</h2>
                <p class="muted">{i18n::city_missing_intro(lang)}</p>
                <ul>{missing}</ul>
            </section>
        })}
    }
}

/// One indicator's series of a place. Its charts draw at once from the overview;
/// each series' notes and sources come with the series' own file
/// (`layout::place_series`), which is also its download.
#[component]
fn CityIndicator(ind: Indicator, place: &'static Place, lang: Lang) -> impl IntoView {
    let keys: Vec<String> = ind.series_of(place.code).map(PlaceSeries::key).collect();
    keys.into_iter()
        .filter_map(|key| {
            let mine = ind.for_place(&key)?;
            let series = ind.series(&key)?.clone();
            Some(view! { <CitySeries ind=ind.clone() mine series lang/> })
        })
        .collect_view()
}

/// One series of a place: its newest figure, its chart beside the province,
/// every figure with its source, its downloads and the embed code.
#[component]
fn CitySeries(
    ind: Indicator,
    /// The series as an indicator of its own (`Indicator::for_place`).
    mine: Indicator,
    series: PlaceSeries,
    lang: Lang,
) -> impl IntoView {
    let site = use_site();
    let key = series.key();
    let detail = {
        let (site, id, key) = (site.clone(), ind.id.clone(), key.clone());
        let ready = crate::start::use_preloaded().with_value(|p| p.indicator(&id, Some(&key)));
        crate::loadable::Loadable::new(ready, move || {
            fetch::load_indicator_release(site.clone(), id.clone(), None, Some(key.clone()))
        })
    };
    let latest = series.latest().map(|o| i18n::latest_for_place(lang, &i18n::observation_text(lang, &mine, o), o.year));
    let heading_id = format!("series-{}-{}", ind.id, key.replace('.', "-"));
    let labelled_by = heading_id.clone();
    let embed = SeriesEmbedProps { id: mine.id.clone(), name: mine.name.clone(), series: key.clone() };
    let scope = series.scope.as_ref().map(|s| i18n::paren(lang, "", lang.pick(&s.label)));
    let figures = {
        let (mine, key, id) = (mine.clone(), key.clone(), ind.id.clone());
        await_found(detail, lang.into(), None::<fn() -> AnyView>, move |file| {
            // The series' own file: the same figures, with their notes, every source, and its downloads.
            let place_basis = crate::model::BasisId::from(place::PLACE_BASIS);
            let values =
                file.indicator.values.iter().filter(|o| o.basis.as_ref() == Some(&place_basis)).cloned().collect();
            let csv = layout::on_site(&layout::place_series_csv(&file.release, &id, &key));
            let json = layout::on_site(&layout::place_series(&file.release, &id, &key));
            view! {
                <PlaceFigures ind=mine.clone() values sources=file.sources lang/>
                <p class="downloads" data-testid="city-downloads">
                    {i18n::series_downloads(lang)} {i18n::colon(lang)}
                    <a href=csv download="">"CSV"</a> " · " <a href=json download="">"JSON"</a>
                </p>
            }
            .into_any()
        })
    };
    view! {
        <section class="city-series" aria-labelledby=labelled_by data-testid="city-series" data-id=ind.id.to_string() data-series=key>
            <h2 id=heading_id>{lang.pick(&ind.name).to_string()} " " {scope.map(|s| view! { <small>{s}</small> })}</h2>
            {latest.map(|t| view! { <p class="city-series__latest" data-testid="city-latest">{t}</p> })}
            <ProgressChart ind=mine lang class="chart"/>
            {figures}
            <p><a href=Route::new(lang, Page::Indicator(ind.id.clone())).href()>{i18n::province_and_sources(lang)}</a></p>
            {island(island::SERIES_EMBED, { let e = embed.clone(); move || e }, view! { <SeriesEmbedCode props=embed/> })}
        </section>
    }
}

/// What a place's series' embed code is made of: the series as an indicator
/// of its own (`Indicator::for_place`) and its key (`?place=`).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SeriesEmbedProps {
    pub id: IndicatorId,
    pub name: Text,
    pub series: String,
}

/// The code that embeds a place's series, with a button that copies it. It
/// names the address the site is at for its reader (`use_site_url`). An island.
#[component]
pub fn SeriesEmbedCode(props: SeriesEmbedProps) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let site_url = use_site_url();
    let SeriesEmbedProps { id, name, series } = props;
    let snippet = Signal::derive(move || {
        let query = Query { place: Some(series.clone()), ..Query::default() };
        share::embed_snippet(&site_url.get(), lang, &id, &name, query)
    });
    view! {
        <details class="city-series__embed">
            <summary>{i18n::embed_this_chart(lang)}</summary>
            <pre class="code" data-testid="city-embed-code"><code>{snippet}</code></pre>
            <CopyButton text=snippet label=Msg::Copy lang/>
        </details>
    }
}

/// A place's figures, oldest first, each with its note and full sources (a
/// place's page cites in place: the province's page lists its sources among
/// many). A list, not a table: a source's full entry does not fit a phone's column.
#[component]
fn PlaceFigures(
    /// The place's indicator (`Indicator::for_place`), for units and words.
    ind: Indicator,
    values: Vec<Observation>,
    sources: std::collections::BTreeMap<crate::model::SourceKey, crate::model::Source>,
    lang: Lang,
) -> impl IntoView {
    let items = in_year_order(values, |o| o.year)
        .into_iter()
        .map(|o| {
            let cited = std::iter::once(&o.source).chain(&o.also).filter_map(|k| sources.get(k).cloned());
            let cited = cited.enumerate().map(|(i, s)| view! { {(i > 0).then_some("; ")} <SourceEntry s/> }).collect_view();
            view! {
                <li data-testid="city-figure" data-year=o.year>
                    <p class="place-figure__value"><strong>{o.year}</strong> " " {i18n::observation_text(lang, &ind, &o)}</p>
                    {o.note.as_ref().map(|n| view! { <p class="note">{lang.pick(n).to_string()}</p> })}
                    <p class="place-figure__source">{lang.t(Msg::Source)} {i18n::colon(lang)} {cited}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="place-figures" data-testid="city-table" aria-label=lang.t(Msg::DataTable)>{items}</ol> }
}

/// On an indicator's page: its figures for single places (newest of each
/// series), each leading to the place's page, and the comparison of all 14.
/// The series come with the overview (the indicator's own file holds the
/// province's figures only).
#[component]
pub fn Breakdown(id: crate::model::IndicatorId) -> impl IntoView {
    let overview = use_overview();
    move || {
        let loaded = overview.get()?.ok()?;
        let ind = loaded.data.indicators.into_iter().find(|i| i.id == id)?;
        Some(view! { <BreakdownList ind/> })
    }
}

#[component]
fn BreakdownList(ind: Indicator) -> impl IntoView {
    let lang = use_lang();
    let places = PLACES.iter().filter(|p| ind.series_of(p.code).next().is_some()).count();
    let id = ind.id.clone();
    let compare = move || {
        let query = Query { indicator: Some(id.clone()), ..Query::default() };
        Route::new(lang.get(), Page::Cities).with_query(query).href()
    };
    let items = move || {
        let lang = lang.get();
        ind.breakdown
            .iter()
            .map(|s| {
                let said =
                    s.latest().map(|o| i18n::latest_for_place(lang, &i18n::observation_text(lang, &ind, o), o.year));
                view! {
                    <li data-testid="breakdown-series">
                        <a href=city_href(lang, &s.place)>{i18n::series_name(lang, s)}</a>
                        " " <span class="muted">{said}</span>
                    </li>
                }
            })
            .collect_view()
    };
    (places > 0).then(|| {
        view! {
            <section class="breakdown" aria-labelledby="breakdown-heading" data-testid="breakdown">
                <h2 id="breakdown-heading">{move || i18n::breakdown_heading(lang.get())}</h2>
                <p class="muted">{move || i18n::breakdown_intro(lang.get(), places)}</p>
                <ul>{items}</ul>
                <p><a href=compare data-testid="compare-link">{move || i18n::compare_cities(lang.get())}</a></p>
            </section>
        }
    })
}

/// On the overview: every city and prefecture, each a link to its page.
#[component]
pub fn PlaceLinks() -> impl IntoView {
    let lang = use_lang();
    let links = move || {
        let lang = lang.get();
        PLACES
            .iter()
            .map(|p| view! { <li><a href=city_href(lang, p.code)>{i18n::place_name(lang, p)}</a></li> })
            .collect_view()
    };
    view! {
        <section class="place-links" aria-labelledby="places-heading" data-testid="place-links">
            <h2 id="places-heading">{move || i18n::your_city(lang.get())}</h2>
            <p class="muted">{move || i18n::your_city_intro(lang.get())}</p>
            <ul class="chips">{links}</ul>
            <p><a href=move || Route::new(lang.get(), Page::Cities).href()>{move || i18n::compare_cities(lang.get())}</a></p>
        </section>
    }
}
