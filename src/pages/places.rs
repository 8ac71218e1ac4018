//! The cities and prefectures (市州). `CitiesPage` puts the 14 side by side for
//! one indicator and year: a tile grid placed roughly as on the map, and a
//! sortable table; a place without a figure is shown as missing, never dropped.
//! `CityPage` shows one place: every figure the data holds for it, each series
//! charted beside the province, and what is missing for it.
//!
//! Both read the overview file, whose indicators carry their city breakdowns;
//! the city page also reads each series' own file, for the figures' notes and
//! sources. These pages are rebuilt when the language changes
//! (`CurrentPage`), so their words are plain text, not reactive closures: the
//! site's wasm stays small.

use super::indicator_parts::SourceEntry;
use crate::components::{await_found, await_resource, Breadcrumbs, CopyButton, DataProblems, ProgressChart};
use crate::context::{use_lang, use_overview, use_route, use_site, use_site_url};
use crate::fetch;
use crate::i18n::{self, Lang, Msg};
use crate::model::place::{self, in_year_order, Place, PLACES};
use crate::model::{layout, Direction, Indicator, Observation, PlaceSeries, Text};
use crate::route::{Page, Query, Route};
use crate::share;
use leptos::prelude::*;

/// The indicators that have figures for single places, in the data's order.
fn with_breakdown(indicators: Vec<Indicator>) -> Vec<Indicator> {
    indicators.into_iter().filter(|i| !i.breakdown.is_empty()).collect()
}

/// The series a city's page shows, each its own file: (indicator, series key).
pub fn city_series_keys(overview: &crate::model::OverviewFile, code: &str) -> Vec<(crate::model::IndicatorId, String)> {
    let indicators = overview.indicators.iter().filter(|i| !i.breakdown.is_empty());
    indicators.flat_map(|i| i.series_of(code).map(|s| (i.id.clone(), s.key()))).collect()
}

/// The figure a series shows for `year`: its full-year value, else its
/// part-year one (never an alternative, never a statement without a number).
fn figure_for(series: &PlaceSeries, year: i32) -> Option<&Observation> {
    let of_year = series.values.iter().filter(|o| o.year == year && o.alternative.is_none() && o.value.is_some());
    of_year.max_by_key(|o| o.period.is_full_year())
}

/// Every year any place has a figure for, oldest first.
fn years_of(ind: &Indicator) -> Vec<i32> {
    let years = || ind.breakdown.iter().flat_map(|s| s.values.iter().map(|o| o.year));
    match (years().min(), years().max()) {
        (Some(first), Some(last)) => (first..=last).filter(|y| years().any(|x| x == *y)).collect(),
        _ => Vec::new(),
    }
}

fn city_href(lang: Lang, code: &str) -> String {
    Route::new(lang, Page::City(code.to_string())).href()
}

fn trail(lang: Lang, place: Option<&Place>) -> Vec<(String, Option<String>)> {
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
pub fn CitiesPage() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let overview = use_overview();
    view! {
        <Breadcrumbs lang trail=trail(lang, None)/>
        <h1>{i18n::cities_title(lang)}</h1>
        <p class="lead">{i18n::comparison_caveat(lang)}</p>
        {await_resource(overview, lang.into(), move |loaded| view! {
            <DataProblems errors=loaded.errors lang/>
            <Comparison indicators=with_breakdown(loaded.data.indicators) lang/>
        }.into_any())}
    }
}

/// How the comparison table is ordered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Place,
    ValueUp,
    ValueDown,
}

/// One row of the comparison: a place, and one of its series' figures for the
/// year with that series' scope label (if any), when it has one.
#[derive(Clone)]
struct Row {
    place: &'static Place,
    found: Option<(Option<Text>, Observation)>,
}

impl Row {
    fn figure(&self) -> Option<&Observation> {
        self.found.as_ref().map(|(_, o)| o)
    }

    fn scope(&self) -> Option<&Text> {
        self.found.as_ref().and_then(|(scope, _)| scope.as_ref())
    }
}

/// Every place's figures for one indicator and year; a place without one is one empty row.
fn rows_for(ind: &Indicator, year: i32) -> Vec<Row> {
    let mut rows = Vec::new();
    for place in &PLACES {
        let before = rows.len();
        for s in ind.series_of(place.code) {
            if let Some(o) = figure_for(s, year) {
                let scope = s.scope.as_ref().map(|b| b.label.clone());
                rows.push(Row { place, found: Some((scope, o.clone())) });
            }
        }
        if rows.len() == before {
            rows.push(Row { place, found: None });
        }
    }
    rows
}

/// The rows in `order`: by place (the codes' order), or by value either way with
/// the places without a figure last. A pass per pick, not a sort: the site's
/// wasm carries no sort routine for these rows.
fn ordered(mut rows: Vec<Row>, order: Order) -> Vec<Row> {
    if order == Order::Place {
        return rows;
    }
    let value = |r: &Row| r.figure().and_then(|o| o.value);
    let mut out = Vec::with_capacity(rows.len());
    loop {
        let mut best: Option<(usize, f64)> = None;
        for (i, v) in rows.iter().enumerate().filter_map(|(i, r)| Some((i, value(r)?))) {
            let better = match best {
                None => true,
                Some((_, b)) if order == Order::ValueUp => v < b,
                Some((_, b)) => v > b,
            };
            if better {
                best = Some((i, v));
            }
        }
        match best {
            Some((i, _)) => out.push(rows.remove(i)),
            None => break,
        }
    }
    out.extend(rows);
    out
}

#[component]
fn Comparison(indicators: Vec<Indicator>, lang: Lang) -> impl IntoView {
    let route = use_route();
    if indicators.is_empty() {
        return view! { <p class="muted">{i18n::no_city_figures(lang)}</p> }.into_any();
    }
    // The compared indicator and year live in the address, so a comparison can be shared.
    let chosen = Memo::new({
        let all = indicators.clone();
        move |_| {
            let query = route.get().query;
            let ind = query.indicator.and_then(|id| all.iter().find(|i| i.id == id)).unwrap_or(&all[0]).clone();
            let years = years_of(&ind);
            let year = query.year.filter(|y| years.contains(y)).or(years.last().copied()).unwrap_or_default();
            (ind, year)
        }
    });
    let link = move |ind: &Indicator, year: Option<i32>| {
        let query = Query { indicator: Some(ind.id.clone()), year, ..Query::default() };
        Route::new(lang, Page::Cities).with_query(query).href()
    };
    let chips = indicators
        .iter()
        .map(|ind| {
            let id = ind.id.clone();
            view! {
                <li><a href=link(ind, None) data-noscroll="" aria-current=move || (chosen.get().0.id == id).then_some("true")>
                    {lang.pick(&ind.name).to_string()}
                </a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="filter" aria-label=i18n::pick_indicator(lang)><ul>{chips}</ul></nav>
        {move || {
            let (ind, year) = chosen.get();
            let rows = rows_for(&ind, year);
            let with = PLACES.iter().filter(|p| rows.iter().any(|r| r.place == *p && r.figure().is_some())).count();
            let years = years_of(&ind).into_iter().map(|y| view! {
                <li><a href=link(&ind, Some(y)) data-noscroll="" aria-current=(y == year).then_some("true")>{y}</a></li>
            }).collect_view();
            view! {
                <nav class="filter filter--years" aria-label=i18n::pick_year(lang)><ul>{years}</ul></nav>
                <h2 data-testid="comparison-heading">{format!("{} · {year}", lang.pick(&ind.name))}</h2>
                <p data-testid="coverage">{i18n::coverage_line(lang, with, year)}</p>
                <TileGrid ind=ind.clone() year rows=rows.clone() lang/>
                <ComparisonTable ind rows year lang/>
            }
        }}
    }
    .into_any()
}

/// What a reader must know about a figure besides its number: its period and scope.
fn qualifiers(lang: Lang, row: &Row) -> String {
    let period = row.figure().and_then(|o| o.period.label()).map(|l| lang.pick(l));
    let scope = row.scope().map(|s| lang.pick(s));
    match (period, scope) {
        (Some(p), Some(s)) => format!("{p}{}{s}", i18n::list_separator(lang)),
        (Some(t), None) | (None, Some(t)) => t.to_string(),
        (None, None) if row.figure().is_some() => i18n::whole_year(lang).to_string(),
        (None, None) => String::new(),
    }
}

#[component]
fn TileGrid(ind: Indicator, year: i32, rows: Vec<Row>, lang: Lang) -> impl IntoView {
    let unit = i18n::unit_symbol(lang, ind.unit);
    let tiles = PLACES
        .iter()
        .map(|place| {
            let mine: Vec<&Row> = rows.iter().filter(|r| r.place == place && r.figure().is_some()).collect();
            let (col, row) = place.tile;
            let missing = mine.is_empty();
            let class = format!("tile tile--c{col} tile--r{row}{}", if missing { " tile--missing" } else { "" });
            // The tile's whole meaning in words, for screen readers: the marks are hidden from them.
            let said: Vec<String> = mine
                .iter()
                .filter_map(|r| {
                    let figure = i18n::observation_text(lang, &ind, r.figure()?);
                    let scope = r.scope().map(|s| lang.pick(s));
                    Some(scope.map_or(figure.clone(), |s| i18n::paren(lang, &figure, s)))
                })
                .collect();
            let label = match missing {
                true => i18n::tile_missing(lang, place, year),
                false => format!(
                    "{}{}{}",
                    i18n::place_name(lang, place),
                    i18n::colon(lang),
                    said.join(i18n::list_separator(lang))
                ),
            };
            let values = mine
                .iter()
                .filter_map(|r| {
                    let o = r.figure()?;
                    let figure = format!("{}{}", i18n::bound_prefix(lang, o.bound), i18n::value(o.value?));
                    let partial = (!o.period.is_full_year()).then_some(view! { <span class="tile__flag">"◐"</span> });
                    let scoped = r.scope().is_some().then_some(view! { <span class="tile__flag">"◇"</span> });
                    Some(view! { <span class="tile__value">{figure}{partial}{scoped}</span> })
                })
                .collect_view();
            view! {
                <li class=class data-testid="tile" data-place=place.code data-missing=missing.then_some("")>
                    <a href=city_href(lang, place.code) aria-label=label>
                        <span class="tile__name">{i18n::place_name(lang, place)}</span>
                        {missing.then_some(view! { <span class="tile__value tile__value--missing">"—"</span> })}
                        {values}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="grid-heading">
            <h3 id="grid-heading">{i18n::grid_heading(lang)}</h3>
            <ol class="tile-grid" data-testid="tile-grid">{tiles}</ol>
            <p class="muted tile-legend">
                {format!("{} {unit}", lang.t(Msg::Value))} " · ◐ " {lang.t(Msg::PartialYear)} " · ◇ "
                {i18n::scope_flag(lang)} " · — " {i18n::no_figure(lang)}
            </p>
            <p class="muted">{i18n::grid_note(lang)}</p>
        </section>
    }
}

#[component]
fn ComparisonTable(ind: Indicator, rows: Vec<Row>, year: i32, lang: Lang) -> impl IntoView {
    let (order, set_order) = signal(Order::Place);
    let headline = ind.headline_basis.as_ref();
    let province = ind
        .values
        .iter()
        .chain(&ind.baseline)
        .find(|o| o.year == year && o.is_headline_full_year() && o.basis_or(headline) == headline)
        .map(|o| i18n::observation_text(lang, &ind, o));
    let unit = ind.unit;
    let button = move |o: Order, text: &'static str| {
        view! {
            <button type="button" class="button" aria-pressed=move || (order.get() == o).to_string()
                data-testid="sort" on:click=move |_| set_order.set(o)>{text}</button>
        }
    };
    // The better end first is what a reader usually wants; both are offered.
    let (first, second) = match ind.direction {
        Direction::LowerBetter => ((Order::ValueUp, true), (Order::ValueDown, false)),
        _ => ((Order::ValueDown, false), (Order::ValueUp, true)),
    };
    let body = move || {
        ordered(rows.clone(), order.get())
            .into_iter()
            .map(|r| {
                let figure = r.figure().and_then(|o| {
                    Some(format!("{}{}", i18n::bound_prefix(lang, o.bound), i18n::with_unit(lang, unit, o.value?)))
                });
                let value = r.figure().and_then(|o| o.value).map(|v| v.to_string());
                let missing = figure.is_none();
                view! {
                    <tr data-testid="comparison-row" data-place=r.place.code data-missing=r.figure().is_none().then_some("") data-value=value>
                        <th scope="row"><a href=city_href(lang, r.place.code)>{i18n::place_name(lang, r.place)}</a></th>
                        <td class="nowrap" class:muted=missing>{figure.unwrap_or_else(|| i18n::no_figure(lang).to_string())}</td>
                        <td>{qualifiers(lang, &r)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="table-heading">
            <h3 id="table-heading">{i18n::table_heading(lang)}</h3>
            <div class="sort-buttons" role="group" aria-label=i18n::table_heading(lang)>
                {button(Order::Place, i18n::sort_by_place(lang))}
                {button(first.0, i18n::sort_by_value(lang, first.1))}
                {button(second.0, i18n::sort_by_value(lang, second.1))}
            </div>
            <div class="table-scroll">
                <table class="data-table" data-testid="comparison-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n::place_column(lang)}</th>
                            <th scope="col">{lang.t(Msg::Value)}</th>
                            <th scope="col">{i18n::scope_column(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    {province.map(|p| view! {
                        <tfoot>
                            <tr data-testid="province-row">
                                <th scope="row">{i18n::province_row(lang)}</th>
                                <td class="nowrap">{p}</td>
                                <td>{i18n::whole_year(lang)}</td>
                            </tr>
                        </tfoot>
                    })}
                </table>
            </div>
        </section>
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
    let query = Query { place: Some(key.clone()), ..Query::default() };
    let site_url = use_site_url();
    let snippet = {
        let mine = mine.clone();
        Signal::derive(move || share::embed_snippet(&site_url.get(), lang, &mine.id, &mine.name, query.clone()))
    };
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
            <details class="city-series__embed">
                <summary>{i18n::embed_this_chart(lang)}</summary>
                <pre class="code" data-testid="city-embed-code"><code>{snippet}</code></pre>
                <CopyButton text=snippet label=Msg::Copy lang/>
            </details>
        </section>
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
