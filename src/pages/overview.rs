//! The overview: the plan in one screen. Every area with its headline figure,
//! its goals counted by status and its most telling chart; the data date; and
//! a search over every indicator.

use crate::charts::Layout;
use crate::components::island::{self, island};
use crate::components::{await_resource, DataProblems, InPageLink, IndicatorSearch, ProgressChart, StatusBadge};
use crate::context::{use_lang, use_overview};
use crate::i18n::{self, Lang, Msg};
use crate::model::progress::PLAN_END;
use crate::model::scorecard::provisional;
use crate::model::{assess, Area, Indicator, OverviewFile, Reason, Role};
use crate::present::search::SearchEntry;
use crate::present::{not_assessable_by_reason, report_counts, AreaSummary, Card, Tally};
use crate::route::{Page, Query, Route};
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = use_lang();
    let overview = use_overview();
    view! {
        <h1>{move || lang.get().t(Msg::SiteTitle)}</h1>
        <p class="lead">{move || lang.get().t(Msg::PlanIntro)} " "
            <a href=move || Route::new(lang.get(), Page::About).href()>{move || lang.get().t(Msg::ReadThePlan)}</a>
        </p>
        {await_resource(overview, lang, move |loaded| view! {
            <DataProblems errors=loaded.errors lang/>
            <OverviewBody file=loaded.data/>
        }.into_any())}
    }
}

#[component]
fn OverviewBody(file: OverviewFile) -> impl IntoView {
    let lang = use_lang();
    let totals = Tally::of(&file.indicators, &file.as_of);
    let as_of = file.as_of.clone();
    let datetime = as_of.clone();
    let plan_ended = crate::model::validate::date_year(&file.as_of).is_some_and(|y| y > PLAN_END);
    view! {
        {plan_ended.then(|| view! { <p class="plan-ended" data-testid="plan-ended">{move || lang.get().t(Msg::PlanEnded)}</p> })}
        <p class="as-of" data-testid="overview-as-of">
            {move || lang.get().t(Msg::DataAsOf)} " " <time datetime=datetime>{move || i18n::date(lang.get(), &as_of)}</time>
            " · " <InPageLink target="places-heading">{move || i18n::your_city(lang.get())} " ↓"</InPageLink>
        </p>
        <section class="totals" aria-labelledby="totals-heading">
            <h2 id="totals-heading" class="visually-hidden">{move || lang.get().t(Msg::GoalStatusTotal)}</h2>
            <p class="totals__line">{move || i18n::goals_total(lang.get(), totals.goals)}</p>
            <StatusCounts tally=totals.clone() lang/>
            <NotAssessable indicators=file.indicators.clone()/>
            {let (done, in_progress, none) = report_counts(&file.indicators);
             (done + in_progress + none > 0).then(|| view! {
                <p class="reports-line" data-testid="reports-line">
                    {move || i18n::reports_line(lang.get(), done, in_progress, none)} " "
                    <span class="muted">{move || i18n::report_caveat(lang.get())}</span>
                </p>
            })}
        </section>
        <h2>{move || lang.get().t(Msg::Areas)}</h2>
        <div class="area-grid">
            {Area::ALL.into_iter().map(|area| {
                view! { <AreaCard summary=AreaSummary::new(area, &file.indicators, &file.as_of) as_of=file.as_of.clone()/> }
            }).collect_view()}
        </div>
        <super::PlaceLinks/>
        {let entries: Vec<SearchEntry> = file.indicators.iter().map(SearchEntry::from).collect();
         island(island::SEARCH, { let entries = entries.clone(); move || entries }, view! { <IndicatorSearch indicators=entries lang/> })}
    }
}

/// The goals of an area (or of all areas) counted by status, each count a link
/// to the area page filtered to that status.
#[component]
fn StatusCounts(tally: Tally, #[prop(into)] lang: Signal<Lang>, #[prop(optional)] area: Option<Area>) -> impl IntoView {
    view! {
        <ul class="counts">
            {tally.counts.into_iter().map(|(group, n)| {
                let key = group.key();
                let label = move || view! {
                    <span class="count__icon" aria-hidden="true">{i18n::group_icon(group)}</span>
                    {i18n::group_name(lang.get(), group)} " " <strong>{n}</strong>
                };
                let class = format!("count status--{key}");
                match area {
                    Some(area) => {
                        let href = move || Route::new(lang.get(), Page::Area(area))
                            .with_query(Query { status: Some(key.to_string()), ..Query::default() })
                            .href();
                        view! { <li class=class><a href=href>{label}</a></li> }.into_any()
                    }
                    None => view! { <li class=class>{label}</li> }.into_any(),
                }
            }).collect_view()}
        </ul>
    }
}

/// The goals that cannot be judged, by reason: the one sentence a reader needs
/// for each reason, and the goals it covers as links to their pages.
#[component]
fn NotAssessable(indicators: Vec<Indicator>) -> impl IntoView {
    let lang = use_lang();
    let groups: Vec<(Reason, usize, Vec<Indicator>)> = not_assessable_by_reason(&indicators)
        .into_iter()
        .map(|(reason, goals)| (reason, goals.len(), goals.into_iter().cloned().collect()))
        .collect();
    let n: usize = groups.iter().map(|(_, count, _)| count).sum();
    (n > 0).then(|| {
        view! {
            <details class="why-not" data-testid="not-assessable">
                <summary>{move || i18n::not_assessable_heading(lang.get(), n)}</summary>
                <ul>
                    {groups.into_iter().map(|(reason, count, goals)| view! {
                        <li data-testid="reason-group">
                            <p><strong>{move || i18n::goal_count_label(lang.get(), count)}</strong> " " {move || i18n::reason_text(lang.get(), reason)}</p>
                            <ul class="why-not__goals">
                                {goals.into_iter().map(|ind| {
                                    let href = {
                                        let id = ind.id.clone();
                                        move || Route::new(lang.get(), Page::Indicator(id.clone())).href()
                                    };
                                    view! { <li><a href=href>{move || lang.get().pick(&ind.name).to_string()}</a></li> }
                                }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

#[component]
fn AreaCard(summary: AreaSummary, as_of: String) -> impl IntoView {
    let lang = use_lang();
    let area = summary.area;
    let href = move || Route::new(lang.get(), Page::Area(area)).href();
    let headline = summary.headline.clone();
    let total = summary.tally.goals + summary.tally.context;
    view! {
        <section class="area-card" data-testid="area-card" data-area=area.slug()>
            <h3><a href=href>{move || i18n::area_name(lang.get(), area)}</a></h3>
            {headline.clone().map(|ind| view! { <Headline ind as_of/> })}
            <StatusCounts tally=summary.tally.clone() lang area/>
            {headline.map(|ind| view! { <ProgressChart ind lang class="chart--compact" layout=Layout::Compact/> })}
            <p class="area-card__more"><a href=href>{move || i18n::see_all(lang.get(), total)}</a></p>
        </section>
    }
}

/// The headline indicator's name, latest figure and status.
#[component]
fn Headline(ind: Indicator, as_of: String) -> impl IntoView {
    let lang = use_lang();
    let a = assess(&ind);
    let provisional = provisional(&ind, &a, &as_of).is_some();
    let (status, year) = (a.status, a.judged.map(|p| p.year));
    let card = Memo::new(move |_| Card::from_assessment(&ind, &a, lang.get()));
    view! {
        <div class="area-card__headline">
            <p>
                <span class="area-card__name">{move || card.get().name}</span>
                {move || card.get().latest.map(|(figure, year)| view! {
                    " " <strong class="area-card__figure">{figure}</strong>
                    " " <span class="muted">{i18n::paren(lang.get(), "", &year.to_string())}</span>
                })}
                {move || card.get().latest_note.map(|n| view! { " " <span class="note">{n}</span> })}
            </p>
            {(card.get_untracked().role == Role::Goal).then(|| view! { <StatusBadge status lang year provisional/> })}
        </div>
    }
}
