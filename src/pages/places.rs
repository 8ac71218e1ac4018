//! The cities and prefectures (市州). `CitiesPage` puts the 14 side by side for
//! one indicator and year: a tile grid placed roughly as on the map, and a
//! sortable table; a place without a figure is shown as missing, never dropped.
//! `CityPage` shows one place: every figure the data holds for it, each series
//! charted beside the province, and what is missing for it.
//!
//! Both are drawn from the overview file, whose indicators carry their city
//! breakdowns; the city page also from each series' own file, for the figures'
//! notes and sources. The build renders them; in the browser only their
//! islands wake (the comparison's choice and sort buttons, each series' chart
//! and embed code), and the places' full build (`places_app`) draws them only
//! for an address they were not rendered for. That build rebuilds a page when
//! the language changes (`PlacePage`), so their words are plain text, not
//! reactive closures.

use super::indicator_parts::SourceEntry;
use crate::components::island::{self, island};
use crate::components::{await_found, await_resource, Breadcrumbs, CopyButton, DataProblems, ProgressChart};
use crate::context::{use_lang, use_overview, use_route, use_site, use_site_url};
use crate::fetch;
use crate::i18n::{self, Lang, Msg};
use crate::model::place::{self, in_year_order, Place, PLACES};
use crate::model::{layout, Direction, Indicator, IndicatorId, Observation, PlaceSeries, Text};
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

/// Where each of these figures stands in `order` (0 first): by value either
/// way, those without a figure last, ties and the missing in the places' order.
/// The build writes each row's place in both orders into the page, so the sort
/// buttons only move rows (`sort_rows`).
fn positions(values: &[Option<f64>], order: Order) -> Vec<usize> {
    let mut by: Vec<usize> = (0..values.len()).collect();
    by.sort_by(|a, b| match (values[*a], values[*b]) {
        (Some(x), Some(y)) if order == Order::ValueUp => x.total_cmp(&y),
        (Some(x), Some(y)) if order == Order::ValueDown => y.total_cmp(&x),
        (x, y) if order != Order::Place => x.is_none().cmp(&y.is_none()),
        _ => std::cmp::Ordering::Equal,
    });
    let mut at = vec![0; values.len()];
    for (position, row) in by.into_iter().enumerate() {
        at[row] = position;
    }
    at
}

/// The attribute a table row carries its place in `order` in.
fn position_attribute(order: Order) -> &'static str {
    match order {
        Order::Place => "data-rank",
        Order::ValueUp => "data-up",
        Order::ValueDown => "data-down",
    }
}

/// One indicator the comparison can show, with the years it can show it for.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub id: IndicatorId,
    /// Its name in the page's language.
    pub name: String,
    /// Oldest first.
    pub years: Vec<i32>,
}

/// The comparison the address asks for (`?indicator=`, `?year=`): that
/// indicator, else the first; that year if it has figures, else its newest.
fn chosen_in(choices: &[Choice], query: &Query) -> Option<(IndicatorId, i32)> {
    let pick = query.indicator.as_ref().and_then(|id| choices.iter().find(|c| &c.id == id)).or(choices.first())?;
    let year = query.year.filter(|y| pick.years.contains(y)).or(pick.years.last().copied())?;
    Some((pick.id.clone(), year))
}

/// Every indicator's comparison for every year is in the page, each its own
/// section; the indicator chips (`ComparisonChoice`, an island) show the one
/// the address asks for and hide the others. A page read without script shows
/// them all (style/noscript.css), each under its own heading.
#[component]
fn Comparison(indicators: Vec<Indicator>, lang: Lang) -> impl IntoView {
    if indicators.is_empty() {
        return view! { <p class="muted">{i18n::no_city_figures(lang)}</p> }.into_any();
    }
    let choices: Vec<Choice> = indicators
        .iter()
        .map(|ind| Choice { id: ind.id.clone(), name: lang.pick(&ind.name).to_string(), years: years_of(ind) })
        .collect();
    // As the build renders it: the address without its query.
    let first = chosen_in(&choices, &Query::default());
    let sections = indicators
        .into_iter()
        .flat_map(|ind| {
            let first = first.clone();
            years_of(&ind).into_iter().map(move |year| {
                let shown = first.as_ref() == Some(&(ind.id.clone(), year));
                view! { <ComparisonOf ind=ind.clone() year shown lang/> }
            })
        })
        .collect_view();
    view! {
        {island(island::COMPARE, { let c = choices.clone(); move || c }, view! { <ComparisonChoice choices/> })}
        {sections}
    }
    .into_any()
}

/// A link to the comparison of `id` (in its newest year, or `year`).
fn comparison_href(lang: Lang, id: &IndicatorId, year: Option<i32>) -> String {
    let query = Query { indicator: Some(id.clone()), year, ..Query::default() };
    Route::new(lang, Page::Cities).with_query(query).href()
}

/// The indicators to compare, each a link to its comparison (the choice lives
/// in the address, so a comparison can be shared); shows the section the
/// address asks for and hides the others (`show_comparison`). An island.
#[component]
pub fn ComparisonChoice(choices: Vec<Choice>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let route = use_route();
    let chosen = Memo::new({
        let choices = choices.clone();
        move |_| chosen_in(&choices, &route.get().query)
    });
    Effect::new(move |_| {
        if let Some((id, year)) = chosen.get() {
            show_comparison(&id, year);
        }
    });
    let chips = choices
        .into_iter()
        .map(|c| {
            let id = c.id.clone();
            let current = move || chosen.with(|x| x.as_ref().is_some_and(|(i, _)| *i == id)).then_some("true");
            view! {
                <li><a href=comparison_href(lang, &c.id, None) data-noscroll="" aria-current=current>{c.name}</a></li>
            }
        })
        .collect_view();
    view! { <nav class="filter" aria-label=i18n::pick_indicator(lang)><ul>{chips}</ul></nav> }
}

/// The class of each comparison's section, which names its indicator and year.
const COMPARISON: &str = "comparison";

/// Shows the comparison of `id` in `year` and hides every other.
fn show_comparison(id: &IndicatorId, year: i32) {
    use wasm_bindgen::JsCast;
    let Ok(sections) = document().query_selector_all(&format!("section.{COMPARISON}")) else { return };
    let (id, year) = (id.to_string(), year.to_string());
    for el in (0..sections.length()).filter_map(|i| sections.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()) {
        let this = el.get_attribute("data-indicator").as_deref() == Some(&id)
            && el.get_attribute("data-year").as_deref() == Some(&year);
        el.set_hidden(!this);
    }
}

/// One indicator's comparison in one year: its years, the tile grid and the table.
#[component]
fn ComparisonOf(ind: Indicator, year: i32, shown: bool, lang: Lang) -> impl IntoView {
    let rows = rows_for(&ind, year);
    let with = PLACES.iter().filter(|p| rows.iter().any(|r| r.place == *p && r.figure().is_some())).count();
    let years = years_of(&ind)
        .into_iter()
        .map(|y| {
            view! {
                <li><a href=comparison_href(lang, &ind.id, Some(y)) data-noscroll="" aria-current=(y == year).then_some("true")>{y}</a></li>
            }
        })
        .collect_view();
    // Ids unique in the page, which holds every comparison.
    let tag = format!("{}-{year}", ind.id);
    let heading_id = format!("comparison-{tag}");
    let heading = format!("{} · {year}", lang.pick(&ind.name));
    let (id, labelled_by) = (ind.id.to_string(), heading_id.clone());
    view! {
        <section class=COMPARISON data-indicator=id data-year=year hidden=!shown aria-labelledby=labelled_by>
            <nav class="filter filter--years" aria-label=i18n::pick_year(lang)><ul>{years}</ul></nav>
            <h2 id=heading_id data-testid="comparison-heading">{heading}</h2>
            <p data-testid="coverage">{i18n::coverage_line(lang, with, year)}</p>
            <TileGrid ind=ind.clone() year rows=rows.clone() tag=tag.clone() lang/>
            <ComparisonTable ind rows year tag lang/>
        </section>
    }
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
fn TileGrid(ind: Indicator, year: i32, rows: Vec<Row>, tag: String, lang: Lang) -> impl IntoView {
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
        <section aria-labelledby=format!("grid-{tag}")>
            <h3 id=format!("grid-{tag}")>{i18n::grid_heading(lang)}</h3>
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
fn ComparisonTable(ind: Indicator, rows: Vec<Row>, year: i32, tag: String, lang: Lang) -> impl IntoView {
    let headline = ind.headline_basis.as_ref();
    let province = ind
        .values
        .iter()
        .chain(&ind.baseline)
        .find(|o| o.year == year && o.is_headline_full_year() && o.basis_or(headline) == headline)
        .map(|o| i18n::observation_text(lang, &ind, o));
    let unit = ind.unit;
    let sort = SortProps { lower_better: ind.direction == Direction::LowerBetter };
    // In the places' order, each row with its place in the others: the sort buttons move them.
    let values: Vec<Option<f64>> = rows.iter().map(|r| r.figure().and_then(|o| o.value)).collect();
    let (up, down) = (positions(&values, Order::ValueUp), positions(&values, Order::ValueDown));
    let body = rows
        .iter()
        .enumerate()
        .map(|(rank, r)| {
            let figure = r.figure().and_then(|o| {
                Some(format!("{}{}", i18n::bound_prefix(lang, o.bound), i18n::with_unit(lang, unit, o.value?)))
            });
            let value = r.figure().and_then(|o| o.value).map(|v| v.to_string());
            let missing = figure.is_none();
            view! {
                <tr data-testid="comparison-row" data-place=r.place.code data-missing=missing.then_some("") data-value=value data-rank=rank data-up=up[rank] data-down=down[rank]>
                    <th scope="row"><a href=city_href(lang, r.place.code)>{i18n::place_name(lang, r.place)}</a></th>
                    <td class="nowrap" class:muted=missing>{figure.unwrap_or_else(|| i18n::no_figure(lang).to_string())}</td>
                    <td>{qualifiers(lang, r)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=format!("table-{tag}")>
            <h3 id=format!("table-{tag}")>{i18n::table_heading(lang)}</h3>
            {island(island::SORT, move || sort, view! { <SortButtons props=sort/> })}
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

/// What the sort buttons of a comparison's table need: which end is better.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct SortProps {
    pub lower_better: bool,
}

/// Orders the rows of the table beside them: by place, or by value either way
/// (the better end first), places without a figure last. An island: the rows
/// are the page's, moved in place (`sort_rows`).
#[component]
pub fn SortButtons(props: SortProps) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (order, set_order) = signal(Order::Place);
    let group = NodeRef::<leptos::html::Div>::new();
    let button = move |o: Order, text: &'static str| {
        let pick = move |_| {
            set_order.set(o);
            if let Some(el) = group.get_untracked() {
                sort_rows(&el, o);
            }
        };
        view! {
            <button type="button" class="button" aria-pressed=move || (order.get() == o).to_string()
                data-testid="sort" on:click=pick>{text}</button>
        }
    };
    // The better end first is what a reader usually wants; both are offered.
    let (first, second) = match props.lower_better {
        true => ((Order::ValueUp, true), (Order::ValueDown, false)),
        false => ((Order::ValueDown, false), (Order::ValueUp, true)),
    };
    view! {
        <div class="sort-buttons" role="group" aria-label=i18n::table_heading(lang) node_ref=group>
            {button(Order::Place, i18n::sort_by_place(lang))}
            {button(first.0, i18n::sort_by_value(lang, first.1))}
            {button(second.0, i18n::sort_by_value(lang, second.1))}
        </div>
    }
}

/// Puts the rows of the table in the section of `buttons` in `order`, each at
/// the place the build wrote into it (`positions`).
fn sort_rows(buttons: &web_sys::Element, order: Order) {
    let body = buttons.closest("section").ok().flatten().and_then(|s| s.query_selector("tbody").ok().flatten());
    let Some(body) = body else { return };
    let cells = body.children();
    let mut slots = vec![None; cells.length() as usize];
    for row in (0..cells.length()).filter_map(|i| cells.item(i)) {
        let at = row.get_attribute(position_attribute(order)).and_then(|p| p.parse::<usize>().ok());
        if let Some(slot) = at.and_then(|at| slots.get_mut(at)) {
            *slot = Some(row);
        }
    }
    for row in slots.into_iter().flatten() {
        let _ = body.append_child(&row);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        let choice = |id: &str, years: &[i32]| Choice { id: id.into(), name: id.into(), years: years.to_vec() };
        vec![choice("AIR-01", &[2020, 2024, 2025]), choice("WAT-01", &[2022, 2023])]
    }

    #[test]
    fn rows_are_placed_by_value_either_way_with_the_missing_last_and_ties_in_the_places_order() {
        let values = [Some(3.0), None, Some(1.0), Some(3.0), None];
        assert_eq!(positions(&values, Order::ValueUp), vec![1, 3, 0, 2, 4]);
        assert_eq!(positions(&values, Order::ValueDown), vec![0, 3, 2, 1, 4]);
        assert_eq!(positions(&values, Order::Place), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn the_address_picks_the_comparison_else_the_first_indicator_in_its_newest_year() {
        let query = |indicator: Option<&str>, year: Option<i32>| Query {
            indicator: indicator.map(IndicatorId::from),
            year,
            ..Query::default()
        };
        let pick = |q: Query| chosen_in(&choices(), &q).map(|(id, y)| (id.to_string(), y));
        assert_eq!(pick(query(None, None)), Some(("AIR-01".into(), 2025)));
        assert_eq!(pick(query(Some("WAT-01"), None)), Some(("WAT-01".into(), 2023)));
        assert_eq!(pick(query(Some("WAT-01"), Some(2022))), Some(("WAT-01".into(), 2022)));
        // A year the indicator has no figure for is its newest; an unknown indicator the first.
        assert_eq!(pick(query(Some("WAT-01"), Some(2025))), Some(("WAT-01".into(), 2023)));
        assert_eq!(pick(query(Some("XXX-99"), Some(2020))), Some(("AIR-01".into(), 2020)));
        assert_eq!(chosen_in(&[], &Query::default()), None);
    }
}
