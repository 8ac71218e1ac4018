//! The cities and prefectures (市州). `CitiesPage` puts the 14 side by side for
//! one indicator and year: a tile grid placed roughly as on the map, and a
//! sortable table; a place without a figure is shown as missing, never dropped.
//! `CityPage` shows one place: every figure the data holds for it, each series
//! charted beside the province, and what is missing for it.
//!
//! Both read the overview file, whose indicators carry their city breakdowns;
//! the city page also reads the source registry, to cite every figure.

use super::indicator_parts::SourceEntry;
use crate::components::{await_resource, Breadcrumbs, CopyButton, DataProblems, ProgressChart};
use crate::context::{use_lang, use_overview, use_route, use_site};
use crate::fetch;
use crate::i18n::{self, Lang, Msg};
use crate::model::place::{self, Place, PLACES};
use crate::model::{Direction, Indicator, Observation, PlaceSeries, Source, SourceKey};
use std::collections::BTreeMap;

type Sources = BTreeMap<SourceKey, Source>;
use crate::route::{Page, Query, Route};
use crate::share;
use leptos::prelude::*;

/// The indicators that have figures for single places, in the data's order.
fn with_breakdown(indicators: Vec<Indicator>) -> Vec<Indicator> {
    indicators.into_iter().filter(|i| !i.breakdown.is_empty()).collect()
}

/// The figure a series shows for `year`: its full-year value, else its
/// part-year one (never an alternative, never a statement without a number).
fn figure_for(series: &PlaceSeries, year: i32) -> Option<&Observation> {
    let of_year = series.values.iter().filter(|o| o.year == year && o.alternative.is_none() && o.value.is_some());
    of_year.max_by_key(|o| o.period.is_full_year())
}

/// Every year any place has a figure for, oldest first.
fn years_of(ind: &Indicator) -> Vec<i32> {
    let mut years: Vec<i32> = ind.breakdown.iter().flat_map(|s| s.values.iter().map(|o| o.year)).collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn home_trail(lang: Lang) -> (String, Option<String>) {
    (lang.t(Msg::Home).to_string(), Some(Route::new(lang, Page::Overview).href()))
}

fn city_href(lang: Lang, code: &str) -> String {
    Route::new(lang, Page::City(code.to_string())).href()
}

#[component]
pub fn CitiesPage() -> impl IntoView {
    let lang = use_lang();
    let overview = use_overview();
    let trail = move || {
        let lang = lang.get();
        vec![home_trail(lang), (i18n::cities_title(lang).to_string(), None)]
    };
    view! {
        {move || view! { <Breadcrumbs lang trail=trail()/> }}
        <h1>{move || i18n::cities_title(lang.get())}</h1>
        <p class="lead">{move || i18n::comparison_caveat(lang.get())}</p>
        {await_resource(overview, lang, move |loaded| view! {
            <DataProblems errors=loaded.errors lang/>
            <Comparison indicators=with_breakdown(loaded.data.indicators)/>
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

/// One row of the comparison: a place, and its series' figure when it has one.
#[derive(Clone)]
struct Row {
    place: &'static Place,
    series: Option<PlaceSeries>,
    figure: Option<Observation>,
}

#[component]
fn Comparison(indicators: Vec<Indicator>) -> impl IntoView {
    let lang = use_lang();
    let route = use_route();
    if indicators.is_empty() {
        return view! { <p class="muted">{move || i18n::no_city_figures(lang.get())}</p> }.into_any();
    }
    let all = StoredValue::new(indicators);
    // The compared indicator and year live in the address, so a comparison can be shared.
    let chosen = Memo::new(move |_| {
        let query = route.get().query;
        all.with_value(|all| {
            let ind = query.indicator.and_then(|id| all.iter().find(|i| i.id == id).cloned()).unwrap_or(all[0].clone());
            let years = years_of(&ind);
            let year = query.year.filter(|y| years.contains(y)).or(years.last().copied()).unwrap_or_default();
            (ind, year)
        })
    });
    let (order, set_order) = signal(Order::Place);
    let link = move |ind: &Indicator, year: Option<i32>| {
        let query = Query { indicator: Some(ind.id.clone()), year, ..Query::default() };
        Route::new(lang.get(), Page::Cities).with_query(query).href()
    };
    let rows = move || {
        let (ind, year) = chosen.get();
        let mut rows: Vec<Row> = Vec::new();
        for place in &PLACES {
            let mut found = false;
            for s in ind.series_of(place.code) {
                if let Some(o) = figure_for(s, year) {
                    rows.push(Row { place, series: Some(s.clone()), figure: Some(o.clone()) });
                    found = true;
                }
            }
            if !found {
                rows.push(Row { place, series: None, figure: None });
            }
        }
        rows
    };
    view! {
        <nav class="filter" aria-label=move || i18n::pick_indicator(lang.get())>
            <ul>
                {move || all.with_value(|all| all.iter().map(|ind| {
                    let current = chosen.get().0.id == ind.id;
                    view! {
                        <li><a href=link(ind, None) data-noscroll="" aria-current=current.then_some("true")>
                            {lang.get().pick(&ind.name).to_string()}
                        </a></li>
                    }
                }).collect_view())}
            </ul>
        </nav>
        <nav class="filter filter--years" aria-label=move || i18n::pick_year(lang.get())>
            <ul>
                {move || {
                    let (ind, year) = chosen.get();
                    years_of(&ind).into_iter().map(|y| view! {
                        <li><a href=link(&ind, Some(y)) data-noscroll="" aria-current=(y == year).then_some("true")>{y}</a></li>
                    }).collect_view()
                }}
            </ul>
        </nav>
        {move || {
            let (ind, year) = chosen.get();
            let rows = rows();
            let with = PLACES.iter().filter(|p| rows.iter().any(|r| r.place == *p && r.figure.is_some())).count();
            view! {
                <h2 data-testid="comparison-heading">{format!("{} · {year}", lang.get().pick(&ind.name))}</h2>
                <p data-testid="coverage">{i18n::coverage_line(lang.get(), with, year)}</p>
                <TileGrid ind=ind.clone() year rows=rows.clone()/>
                <ComparisonTable ind rows year order set_order/>
            }
        }}
    }
    .into_any()
}

/// A figure's short form on a tile: the number, with a mark when it covers part of a year.
fn tile_figure(o: &Observation) -> String {
    let bound = i18n::bound_prefix(Lang::En, o.bound);
    format!("{bound}{}", o.value.map(i18n::value).unwrap_or_default())
}

/// What a reader must know about a figure besides its number: its period and scope.
fn qualifiers(lang: Lang, row: &Row) -> String {
    let mut parts = Vec::new();
    if let Some(label) = row.figure.as_ref().and_then(|o| o.period.label()) {
        parts.push(lang.pick(label).to_string());
    }
    if let Some(scope) = row.series.as_ref().and_then(|s| s.scope.as_ref()) {
        parts.push(lang.pick(&scope.label).to_string());
    }
    parts.join(i18n::list_separator(lang))
}

#[component]
fn TileGrid(ind: Indicator, year: i32, rows: Vec<Row>) -> impl IntoView {
    let lang = use_lang();
    let unit = i18n::unit_symbol(lang.get_untracked(), ind.unit);
    let tiles = PLACES.iter().map(|place| {
        let mine: Vec<Row> = rows.iter().filter(|r| r.place == place && r.figure.is_some()).cloned().collect();
        let (col, row) = place.tile;
        let missing = mine.is_empty();
        let class = format!("tile tile--c{col} tile--r{row}{}", if missing { " tile--missing" } else { "" });
        let label = {
            let (ind, mine) = (ind.clone(), mine.clone());
            move || {
                let lang = lang.get();
                if mine.is_empty() {
                    return i18n::tile_missing(lang, place, year);
                }
                let said: Vec<String> = mine
                    .iter()
                    .filter_map(|r| {
                        let o = r.figure.as_ref()?;
                        let scope = r.series.as_ref().and_then(|s| s.scope.as_ref()).map(|s| lang.pick(&s.label));
                        let figure = i18n::observation_text(lang, &ind, o);
                        Some(scope.map_or(figure.clone(), |s| i18n::paren(lang, &figure, s)))
                    })
                    .collect();
                format!("{}{}{}", i18n::place_name(lang, place), i18n::colon(lang), said.join(i18n::list_separator(lang)))
            }
        };
        view! {
            <li class=class data-testid="tile" data-place=place.code data-missing=missing.then_some("")>
                <a href=move || city_href(lang.get(), place.code) aria-label=label>
                    <span class="tile__name" aria-hidden="true">{move || i18n::place_name(lang.get(), place)}</span>
                    {if missing {
                        view! { <span class="tile__value tile__value--missing" aria-hidden="true">"—"</span> }.into_any()
                    } else {
                        mine.iter().map(|r| {
                            let o = r.figure.clone().unwrap_or_else(|| unreachable!());
                            let partial = !o.period.is_full_year();
                            let scoped = r.series.as_ref().is_some_and(|s| s.scope.is_some());
                            view! {
                                <span class="tile__value" aria-hidden="true">
                                    {tile_figure(&o)}
                                    {partial.then_some(view! { <span class="tile__flag">"◐"</span> })}
                                    {scoped.then_some(view! { <span class="tile__flag">"◇"</span> })}
                                </span>
                            }
                        }).collect_view().into_any()
                    }}
                </a>
            </li>
        }
    });
    view! {
        <section aria-labelledby="grid-heading">
            <h3 id="grid-heading">{move || i18n::grid_heading(lang.get())}</h3>
            <ol class="tile-grid" data-testid="tile-grid">{tiles.collect_view()}</ol>
            <p class="muted tile-legend">
                {move || format!("{} {unit}", lang.get().t(Msg::Value))} " · "
                <span aria-hidden="true">"◐"</span> " " {move || lang.get().t(Msg::PartialYear)} " · "
                <span aria-hidden="true">"◇"</span> " " {move || i18n::scope_column(lang.get())} " · "
                <span aria-hidden="true">"—"</span> " " {move || i18n::no_figure(lang.get())}
            </p>
            <p class="muted">{move || i18n::grid_note(lang.get())}</p>
        </section>
    }
}

#[component]
fn ComparisonTable(
    ind: Indicator,
    rows: Vec<Row>,
    year: i32,
    order: ReadSignal<Order>,
    set_order: WriteSignal<Order>,
) -> impl IntoView {
    let lang = use_lang();
    let province = ind
        .values
        .iter()
        .chain(&ind.baseline)
        .find(|o| {
            o.year == year
                && o.is_headline_full_year()
                && o.basis_or(ind.headline_basis.as_ref()) == ind.headline_basis.as_ref()
        })
        .cloned();
    let better_low = ind.direction == Direction::LowerBetter;
    let sorted = {
        let rows = rows.clone();
        move || {
            let mut rows = rows.clone();
            let value = |r: &Row| r.figure.as_ref().and_then(|o| o.value);
            match order.get() {
                Order::Place => {}
                dir => {
                    // Places without a figure stay last whichever way the values run.
                    let up = dir == Order::ValueUp;
                    rows.sort_by(|a, b| match (value(a), value(b)) {
                        (Some(x), Some(y)) if up => x.total_cmp(&y),
                        (Some(x), Some(y)) => y.total_cmp(&x),
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    });
                }
            }
            rows
        }
    };
    let button = move |o: Order| {
        let text = move || match o {
            Order::Place => i18n::sort_by_place(lang.get()),
            Order::ValueUp => i18n::sort_by_value(lang.get(), true),
            Order::ValueDown => i18n::sort_by_value(lang.get(), false),
        };
        view! {
            <button type="button" class="button button--small" aria-pressed=move || (order.get() == o).to_string()
                data-testid="sort" on:click=move |_| set_order.set(o)>{text}</button>
        }
    };
    // The better end first is what a reader usually wants; both are offered.
    let (first, second) =
        if better_low { (Order::ValueUp, Order::ValueDown) } else { (Order::ValueDown, Order::ValueUp) };
    let ind_for_rows = ind.clone();
    view! {
        <section aria-labelledby="table-heading">
            <h3 id="table-heading">{move || i18n::table_heading(lang.get())}</h3>
            <div class="sort-buttons" role="group" aria-label=move || i18n::table_heading(lang.get())>
                {button(Order::Place)} {button(first)} {button(second)}
            </div>
            <div class="table-scroll">
                <table class="data-table" data-testid="comparison-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n::place_column(lang.get())}</th>
                            <th scope="col">{move || lang.get().t(Msg::Value)}</th>
                            <th scope="col">{move || i18n::scope_column(lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || sorted().into_iter().map(|r| {
                            let lang = lang.get();
                            let figure = r.figure.as_ref().map_or_else(|| i18n::no_figure(lang).to_string(), |o| {
                                let bound = i18n::bound_prefix(lang, o.bound);
                                format!("{bound}{}", i18n::with_unit(lang, ind_for_rows.unit, o.value.unwrap_or_default()))
                            });
                            let said = qualifiers(lang, &r);
                            let said = if r.figure.is_some() && said.is_empty() { i18n::whole_year(lang).to_string() } else { said };
                            view! {
                                <tr data-testid="comparison-row" data-place=r.place.code data-missing=r.figure.is_none().then_some("")
                                    data-value=r.figure.as_ref().and_then(|o| o.value).map(|v| v.to_string())>
                                    <th scope="row"><a href=city_href(lang, r.place.code)>{i18n::place_name(lang, r.place)}</a></th>
                                    <td class="nowrap" class:muted=r.figure.is_none()>{figure}</td>
                                    <td>{said}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    {province.map(|o| {
                        let ind = ind.clone();
                        view! {
                            <tfoot>
                                <tr data-testid="province-row">
                                    <th scope="row">{move || i18n::province_row(lang.get())}</th>
                                    <td class="nowrap">{move || i18n::observation_text(lang.get(), &ind, &o)}</td>
                                    <td>{move || i18n::whole_year(lang.get())}</td>
                                </tr>
                            </tfoot>
                        }
                    })}
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn CityPage(code: String) -> impl IntoView {
    let lang = use_lang();
    let overview = use_overview();
    let site = use_site();
    let sources = LocalResource::new(move || fetch::load_sources(site.clone()));
    let Some(place) = place::find(&code) else {
        return super::NotFoundPage().into_any();
    };
    let trail = move || {
        let lang = lang.get();
        vec![
            home_trail(lang),
            (i18n::cities_title(lang).to_string(), Some(Route::new(lang, Page::Cities).href())),
            (i18n::place_name(lang, place).to_string(), None),
        ]
    };
    view! {
        {move || view! { <Breadcrumbs lang trail=trail()/> }}
        <h1 data-testid="city-name">{move || i18n::place_full_name(lang.get(), place)}</h1>
        {await_resource(overview, lang, move |loaded| {
            let indicators = with_breakdown(loaded.data.indicators);
            view! {
                <DataProblems errors=loaded.errors lang/>
                {await_resource(sources, lang, move |registry| {
                    view! { <CityBody place indicators=indicators.clone() sources=registry.data.sources/> }.into_any()
                })}
            }.into_any()
        })}
    }
    .into_any()
}

#[component]
fn CityBody(place: &'static Place, indicators: Vec<Indicator>, sources: Sources) -> impl IntoView {
    let lang = use_lang();
    let (has, lacks): (Vec<Indicator>, Vec<Indicator>) =
        indicators.into_iter().partition(|i| i.series_of(place.code).next().is_some());
    let figures: usize = has.iter().flat_map(|i| i.series_of(place.code)).map(|s| s.values.len()).sum();
    let n = has.len();
    view! {
        <p class="lead" data-testid="city-lead">
            {move || if n == 0 { i18n::no_city_figures(lang.get()).to_string() } else { i18n::city_lead(lang.get(), n, figures) }}
        </p>
        <p><a href=move || Route::new(lang.get(), Page::Cities).href()>{move || i18n::compare_cities(lang.get())}</a></p>
        {has.into_iter().map(|ind| {
            let series: Vec<PlaceSeries> = ind.series_of(place.code).cloned().collect();
            series.into_iter().map(|s| view! { <CitySeries ind=ind.clone() series=s sources=sources.clone()/> }).collect_view()
        }).collect_view()}
        {(!lacks.is_empty()).then(|| view! {
            <section aria-labelledby="missing-heading" data-testid="city-missing">
                <h2 id="missing-heading">{move || i18n::city_missing_heading(lang.get())}</h2>
                <p class="muted">{move || i18n::city_missing_intro(lang.get())}</p>
                <ul>
                    {lacks.into_iter().map(|ind| {
                        let id = ind.id.clone();
                        view! {
                            <li data-testid="missing-indicator" data-id=ind.id.to_string()>
                                <a href=move || Route::new(lang.get(), Page::Indicator(id.clone())).href()>
                                    {move || lang.get().pick(&ind.name).to_string()}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// One series of a place: its newest figure, its chart beside the province,
/// every figure with its source, and the embed code.
#[component]
fn CitySeries(ind: Indicator, series: PlaceSeries, sources: Sources) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let key = series.key();
    let Some(mine) = ind.for_place(&key) else { return ().into_any() };
    let newest = series
        .values
        .iter()
        .filter(|o| o.alternative.is_none())
        .max_by_key(|o| (o.year, o.period.is_full_year()))
        .cloned();
    let heading_id = format!("series-{}-{}", ind.id, key.replace('.', "-"));
    let labelled_by = heading_id.clone();
    let province_page = {
        let id = ind.id.clone();
        move || Route::new(lang.get(), Page::Indicator(id.clone())).href()
    };
    let snippet = {
        let (mine, key) = (mine.clone(), key.clone());
        move || {
            let query = Query { place: Some(key.clone()), ..Query::default() };
            share::embed_snippet(&site.root_url, lang.get(), &mine, query)
        }
    };
    let values = series.values.clone();
    let name = ind.name.clone();
    let series_label = series.clone();
    view! {
        <section class="city-series" aria-labelledby=labelled_by data-testid="city-series" data-id=ind.id.to_string() data-series=key.clone()>
            <h2 id=heading_id>
                {move || lang.get().pick(&name).to_string()}
                {move || series_label.scope.as_ref().map(|s| view! { " " <small>{i18n::paren(lang.get(), "", lang.get().pick(&s.label))}</small> })}
            </h2>
            {newest.map(|o| {
                let mine = mine.clone();
                view! {
                    <p class="city-series__latest" data-testid="city-latest">
                        {move || i18n::latest_for_place(lang.get(), &i18n::observation_text(lang.get(), &mine, &o), o.year)}
                    </p>
                }
            })}
            <ProgressChart ind=mine.clone() lang class="chart"/>
            <PlaceTable ind=mine.clone() values sources/>
            <p><a href=province_page>{move || i18n::province_and_sources(lang.get())}</a></p>
            <details class="city-series__embed">
                <summary>{move || i18n::embed_this_chart(lang.get())}</summary>
                <pre class="code" data-testid="city-embed-code"><code>{snippet.clone()}</code></pre>
                <CopyButton text=Signal::derive(snippet) label=Msg::Copy lang/>
            </details>
        </section>
    }
    .into_any()
}

/// A place's figures with their notes and full sources (a place's page cites in
/// place: its figures come from sources the province's page does not list).
#[component]
pub fn PlaceTable(
    /// The place's indicator (`Indicator::for_place`), for units and words.
    ind: Indicator,
    mut values: Vec<Observation>,
    sources: Sources,
) -> impl IntoView {
    let lang = use_lang();
    values.sort_by_key(|o| o.year);
    let mine = ind;
    view! {
            <div class="table-scroll">
            <table class="data-table" data-testid="city-table">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().t(Msg::Year)}</th>
                        <th scope="col">{move || lang.get().t(Msg::Value)}</th>
                        <th scope="col">{move || lang.get().t(Msg::Note)}</th>
                        <th scope="col">{move || lang.get().t(Msg::Source)}</th>
                    </tr>
                </thead>
                <tbody>
                    {values.into_iter().map(|o| {
                        let source = sources.get(&o.source).cloned();
                        let also: Vec<SourceKey> = o.also.clone();
                        let (mine, note, year) = (mine.clone(), o.note.clone(), o.year);
                        view! {
                            <tr data-testid="city-figure" data-year=year>
                                <th scope="row">{year}</th>
                                <td class="nowrap">{move || i18n::observation_text(lang.get(), &mine, &o)}</td>
                                <td class="note">{move || note.as_ref().map(|n| lang.get().pick(n).to_string())}</td>
                                <td>
                                    {source.map(|s| view! { <SourceEntry s/> })}
                                    {(!also.is_empty()).then(|| also.iter().filter_map(|k| sources.get(k).cloned()).map(|s| view! { "; " <SourceEntry s/> }).collect_view())}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// On an indicator's page: its figures for single places (newest of each
/// series), each leading to the place's page, and the comparison of all 14.
#[component]
pub fn Breakdown(ind: Indicator) -> impl IntoView {
    let lang = use_lang();
    let places = PLACES.iter().filter(|p| ind.series_of(p.code).next().is_some()).count();
    let compare = {
        let id = ind.id.clone();
        move || {
            let query = Query { indicator: Some(id.clone()), ..Query::default() };
            Route::new(lang.get(), Page::Cities).with_query(query).href()
        }
    };
    let items: Vec<(PlaceSeries, Option<Observation>)> = ind
        .breakdown
        .iter()
        .map(|s| {
            let newest =
                s.values.iter().filter(|o| o.alternative.is_none()).max_by_key(|o| (o.year, o.period.is_full_year()));
            (s.clone(), newest.cloned())
        })
        .collect();
    (places > 0).then(|| {
        view! {
            <section class="breakdown" aria-labelledby="breakdown-heading" data-testid="breakdown">
                <h2 id="breakdown-heading">{move || i18n::breakdown_heading(lang.get())}</h2>
                <p class="muted">{move || i18n::breakdown_intro(lang.get(), places)}</p>
                <ul>
                    {items.into_iter().map(|(s, newest)| {
                        let ind = ind.clone();
                        let code = s.place.clone();
                        let said = move || {
                            let lang = lang.get();
                            newest.as_ref().map(|o| i18n::latest_for_place(lang, &i18n::observation_text(lang, &ind, o), o.year))
                        };
                        view! {
                            <li data-testid="breakdown-series">
                                <a href=move || city_href(lang.get(), &code)>{move || i18n::series_name(lang.get(), &s)}</a>
                                {move || said().map(|t| view! { " " <span class="muted">{t}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p><a href=compare data-testid="compare-link">{move || i18n::compare_cities(lang.get())}</a></p>
            </section>
        }
    })
}

/// On the overview: every city and prefecture, each a link to its page.
#[component]
pub fn PlaceLinks() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="place-links" aria-labelledby="places-heading" data-testid="place-links">
            <h2 id="places-heading">{move || i18n::your_city(lang.get())}</h2>
            <p class="muted">{move || i18n::your_city_intro(lang.get())}</p>
            <ul class="chips">
                {PLACES.iter().map(|p| view! {
                    <li><a href=move || city_href(lang.get(), p.code)>{move || i18n::place_name(lang.get(), p)}</a></li>
                }).collect_view()}
            </ul>
            <p><a href=move || Route::new(lang.get(), Page::Cities).href()>{move || i18n::compare_cities(lang.get())}</a></p>
        </section>
    }
}
