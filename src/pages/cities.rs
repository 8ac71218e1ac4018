//! The cities and prefectures side by side (市州对比): for one indicator and
//! year, a tile grid placed roughly as on the map and a sortable table; a
//! place without a figure is shown as missing, never dropped. The page holds
//! every indicator's comparison in every year; its islands choose one and sort.

use super::places::{city_href, trail, with_breakdown};
use crate::components::island::{self, island};
use crate::components::{await_resource, Breadcrumbs, DataProblems};
use crate::context::{use_lang, use_overview, use_route};
use crate::i18n::{self, Lang, Msg};
use crate::model::place::{Place, PLACES};
use crate::model::{Direction, Indicator, IndicatorId, Observation, PlaceSeries, Text};
use crate::route::{Page, Query, Route};
use leptos::prelude::*;

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
        .zip(choices.iter().map(|c| c.years.clone()))
        .flat_map(|(ind, years)| {
            let first = first.clone();
            years.clone().into_iter().map(move |year| {
                let shown = first.as_ref() == Some(&(ind.id.clone(), year));
                view! { <ComparisonOf ind=ind.clone() years=years.clone() year shown lang/> }
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
fn ComparisonOf(
    ind: Indicator,
    /// Every year the indicator has a figure for a place (`years_of`).
    years: Vec<i32>,
    year: i32,
    shown: bool,
    lang: Lang,
) -> impl IntoView {
    let rows = rows_for(&ind, year);
    let with = PLACES.iter().filter(|p| rows.iter().any(|r| r.place == *p && r.figure().is_some())).count();
    let years = years
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
