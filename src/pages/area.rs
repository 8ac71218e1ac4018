//! One goal area: every indicator as a card, goals first, filterable by status
//! (the filter lives in the URL), then the context figures.

use crate::components::island::{self, island};
use crate::components::{await_resource, Breadcrumbs, DataProblems, IndicatorCard};
use crate::context::{use_lang, use_overview, use_route};
use crate::i18n::{self, Msg};
use crate::model::{Area, Indicator, Role};
use crate::present::Tally;
use crate::route::{Page, Query, Route};
use leptos::prelude::*;

#[component]
pub fn AreaPage(area: Area) -> impl IntoView {
    let lang = use_lang();
    let overview = use_overview();
    let trail = move || {
        let lang = lang.get();
        vec![
            (lang.t(Msg::Home).to_string(), Some(Route::new(lang, Page::Overview).href())),
            (i18n::area_name(lang, area).to_string(), None),
        ]
    };
    view! {
        {move || view! { <Breadcrumbs lang trail=trail()/> }}
        <h1>{move || i18n::area_name(lang.get(), area)}</h1>
        {await_resource(overview, lang, move |loaded| {
            let mine: Vec<Indicator> = loaded.data.indicators.into_iter().filter(|i| i.area == area).collect();
            view! {
                <DataProblems errors=loaded.errors lang/>
                <AreaBody area indicators=mine as_of=loaded.data.as_of/>
            }.into_any()
        })}
    }
}

#[component]
fn AreaBody(area: Area, indicators: Vec<Indicator>, as_of: String) -> impl IntoView {
    let lang = use_lang();
    let tally = Tally::of(&indicators, &as_of);
    let (goal_count, context_count) = (tally.goals, tally.context);
    let (goals, context): (Vec<Indicator>, Vec<Indicator>) = indicators.into_iter().partition(|i| i.role == Role::Goal);
    let none = goals.is_empty();
    let filter = FilterProps { area, tally };
    let cards = move |list: Vec<Indicator>| {
        let as_of = as_of.clone();
        list.into_iter().map(move |ind| view! { <IndicatorCard ind lang as_of=as_of.clone()/> }).collect_view()
    };
    view! {
        <p class="lead">{move || i18n::area_goals_line(lang.get(), goal_count, context_count)}</p>
        {island(island::FILTER, { let f = filter.clone(); move || f }, view! { <StatusFilter props=filter/> })}
        <section aria-labelledby="goals-heading">
            <h2 id="goals-heading">{move || lang.get().t(Msg::Goals)}</h2>
            {(!none).then(|| view! { <ul class="card-list" id=GOAL_LIST data-testid="goal-list">{cards(goals)}</ul> })}
            <p class="muted" id=NO_GOALS hidden=!none>{move || lang.get().t(Msg::NoGoalsWithStatus)}</p>
        </section>
        {(!context.is_empty()).then(|| view! {
            <section aria-labelledby="context-heading">
                <h2 id="context-heading">{move || lang.get().t(Msg::ContextFigures)}</h2>
                <p class="muted">{move || lang.get().t(Msg::ContextIntro)}</p>
                <ul class="card-list" data-testid="context-list">{cards(context)}</ul>
            </section>
        })}
    }
}

/// The list of goal cards the status filter narrows, and the line it shows when
/// it leaves none.
const GOAL_LIST: &str = "goal-list";
const NO_GOALS: &str = "no-goals";

/// What the status filter shows: the area's goals counted by group.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct FilterProps {
    pub area: Area,
    pub tally: Tally,
}

/// The area's goals by status, each a link to the page filtered to it (the
/// filter lives in the URL, `?status=`). The page holds every goal's card; the
/// filter hides the others (`narrow`), so a page read without script, or
/// before it wakes, shows them all. An island (`crate::islands`).
#[component]
pub fn StatusFilter(props: FilterProps) -> impl IntoView {
    let FilterProps { area, tally } = props;
    let lang = use_lang();
    let route = use_route();
    let selected = Memo::new(move |_| route.get().query.status);
    Effect::new(move |_| narrow(selected.get().as_deref()));
    let filter_href = move |key: Option<&str>| {
        Route::new(lang.get(), Page::Area(area))
            .with_query(Query { status: key.map(str::to_string), ..Query::default() })
            .href()
    };
    view! {
        <nav class="filter" aria-label=move || lang.get().t(Msg::FilterByStatus)>
            <ul>
                <li>
                    <a href=move || filter_href(None) data-noscroll="" aria-current=move || selected.get().is_none().then_some("true")>
                        {move || lang.get().t(Msg::AllStatuses)} " " <strong>{tally.goals}</strong>
                    </a>
                </li>
                {tally.counts.iter().map(|(group, n)| {
                    let (key, group, n) = (group.key(), *group, *n);
                    view! {
                        <li class=format!("status--{key}")>
                            <a href=move || filter_href(Some(key)) data-noscroll=""
                               aria-current=move || (selected.get().as_deref() == Some(key)).then_some("true")>
                                <span aria-hidden="true">{i18n::group_icon(group)}</span> " "
                                {move || i18n::group_name(lang.get(), group)} " " <strong>{n}</strong>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Shows only the goal cards of `group` (every card for none), and the line
/// saying so when none is left. The list says which group it shows (`data-status`).
fn narrow(group: Option<&str>) {
    use wasm_bindgen::JsCast;
    let doc = document();
    let by_id = |id: &str| doc.get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(list) = by_id(GOAL_LIST) else { return };
    let _ = match group {
        Some(g) => list.set_attribute("data-status", g),
        None => list.remove_attribute("data-status"),
    };
    let cards = list.children();
    let mut shown = 0;
    for card in (0..cards.length()).filter_map(|i| cards.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()) {
        let show = group.is_none_or(|g| card.get_attribute("data-group").as_deref() == Some(g));
        card.set_hidden(!show);
        shown += usize::from(show);
    }
    // An empty list would leave a gap where the cards were.
    list.set_hidden(shown == 0);
    if let Some(line) = by_id(NO_GOALS) {
        line.set_hidden(shown > 0);
    }
}
