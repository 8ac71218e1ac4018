//! One goal area: every indicator as a card, goals first, filterable by status
//! (the filter lives in the URL), then the context figures.

use crate::components::{await_resource, Breadcrumbs, DataProblems, IndicatorCard};
use crate::context::{use_lang, use_overview, use_route};
use crate::i18n::{self, Msg};
use crate::model::{assess, Area, Indicator, Role};
use crate::present::{Group, Tally};
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
    let route = use_route();
    let selected = Memo::new(move |_| route.get().query.status);
    let tally = Tally::of(&indicators, &as_of);
    let as_of = StoredValue::new(as_of);
    let (goals, context): (Vec<Indicator>, Vec<Indicator>) = indicators.into_iter().partition(|i| i.role == Role::Goal);
    let goals = StoredValue::new(goals);
    let shown = move || {
        goals.with_value(|all| {
            all.iter()
                .filter(|i| {
                    selected.get().is_none_or(|key| as_of.with_value(|d| Group::of(i, &assess(i), d).key() == key))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let filter_href = move |key: Option<&str>| {
        Route::new(lang.get(), Page::Area(area))
            .with_query(Query { status: key.map(str::to_string), ..Query::default() })
            .href()
    };
    view! {
        <p class="lead">{move || i18n::area_goals_line(lang.get(), tally.goals, tally.context)}</p>
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
        <section aria-labelledby="goals-heading">
            <h2 id="goals-heading">{move || lang.get().t(Msg::Goals)}</h2>
            {move || {
                let shown = shown();
                if shown.is_empty() {
                    return view! { <p class="muted">{lang.get().t(Msg::NoGoalsWithStatus)}</p> }.into_any();
                }
                view! {
                    <ul class="card-list" data-testid="goal-list">
                        {shown.into_iter().map(|ind| view! { <IndicatorCard ind lang as_of=as_of.get_value()/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {(!context.is_empty()).then(|| view! {
            <section aria-labelledby="context-heading">
                <h2 id="context-heading">{move || lang.get().t(Msg::ContextFigures)}</h2>
                <p class="muted">{move || lang.get().t(Msg::ContextIntro)}</p>
                <ul class="card-list" data-testid="context-list">
                    {context.into_iter().map(|ind| view! { <IndicatorCard ind lang as_of=as_of.get_value()/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
