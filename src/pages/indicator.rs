//! One indicator in full: the answer in one sentence, baseline → latest →
//! target, how the status was worked out, the chart or the same values as a
//! table, the plan's words, notes and conflicts, every source, and (when the
//! site has an address for it) a link to report a problem with a figure.

use super::indicator_parts::{DataTable, NoteList, PlanWording, SourceList};
use super::indicator_share::{SharePanel, ShareProps};
use super::indicator_status::{FreshnessNote, ReportedProgress};
use crate::components::island::{self, island};
use crate::components::{await_found, Breadcrumbs, ProgressChart, StatusBadge};
use crate::context::{absolute, use_lang, use_route, use_site, use_site_url};
use crate::fetch;
use crate::i18n::{self, Msg};
use crate::loadable::Loadable;
use crate::model::scorecard::provisional;
use crate::model::{assess, Assessment, Indicator, IndicatorFile, IndicatorId, Role};
use crate::pages::NotFoundPage;
use crate::present::Card;
use crate::route::{Page, Query, Route};
use crate::share;
use crate::site::ReportUrl;
use leptos::prelude::*;

#[component]
pub fn IndicatorPage(id: IndicatorId) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let ready = crate::start::use_preloaded().with_value(|p| p.indicator(&id, None));
    let detail = Loadable::new(ready, move || fetch::load_indicator_release(site.clone(), id.clone(), None, None));
    await_found(detail, lang, Some(|| NotFoundPage().into_any()), |file| view! { <IndicatorView file/> }.into_any())
}

#[component]
fn IndicatorView(file: IndicatorFile) -> impl IntoView {
    let lang = use_lang();
    let ind = file.indicator.clone();
    let a = assess(&ind);
    let provisional = provisional(&ind, &a, &file.as_of);
    let area = ind.area;
    let trail = {
        let name = ind.name.clone();
        move || {
            let lang = lang.get();
            vec![
                (lang.t(Msg::Home).to_string(), Some(Route::new(lang, Page::Overview).href())),
                (i18n::area_name(lang, area).to_string(), Some(Route::new(lang, Page::Area(area)).href())),
                (lang.pick(&name).to_string(), None),
            ]
        }
    };
    let name = ind.name.clone();
    let id = ind.id.to_string();
    let id_label = id.clone();
    let sentence = {
        let (ind, a) = (ind.clone(), a.clone());
        move || i18n::headline_sentence(lang.get(), &ind, &a)
    };
    let reason = {
        let a = a.clone();
        move || i18n::status_reason(lang.get(), &a)
    };
    // What the page's islands are drawn from (`crate::islands`), in its language.
    let page_lang = lang.get_untracked();
    let share = ShareProps::of(page_lang, &file);
    let address = AddressProps { id: ind.id.clone(), release: file.release.clone(), as_of: file.as_of.clone() };
    let ReportUrl(report_url) = expect_context::<ReportUrl>();
    let report = report_url.map(|to| ReportProps { to, about: share::ReportAbout::of(page_lang, &file) });
    view! {
        {move || view! { <Breadcrumbs lang trail=trail()/> }}
        <article class="indicator" data-testid="indicator" data-id=id>
            <h1>{move || lang.get().pick(&name).to_string()}</h1>
            <div class="indicator__status">
                <StatusBadge status=a.status lang year=a.judged.map(|p| p.year) provisional=provisional.is_some()/>
                <span class="muted">{id_label}</span>
            </div>
            {provisional.zip(a.judged).map(|(target_year, p)| view! {
                <p class="indicator__provisional" data-testid="provisional-note">
                    {move || i18n::provisional_note(lang.get(), target_year, p.year)}
                </p>
            })}
            <p class="indicator__sentence" data-testid="sentence">{sentence}</p>
            <p class="indicator__reason" data-testid="reason">{reason}</p>
            <ReportedProgress ind=ind.clone() sources=file.sources.clone()/>
            <Milestones ind=ind.clone() a=a.clone()/>
            <HowComputed ind=ind.clone() a=a.clone()/>
            <FreshnessNote ind=ind.clone() as_of=file.as_of.clone()/>
            <ChartOrTable ind=ind.clone() sources=file.sources.clone()/>
            <super::Breakdown id=ind.id.clone()/>
            {island(island::SHARE, { let props = share.clone(); move || props }, view! { <SharePanel props=share/> })}
            <PlanWording ind=ind.clone()/>
            <NoteList ind=ind.clone()/>
            <SourceList ind sources=file.sources.clone()/>
            {island(island::ADDRESS, { let props = address.clone(); move || props }, view! { <PrintedAddress props=address/> })}
            {report.map(|props| island(island::REPORT, { let props = props.clone(); move || props }, view! { <ReportProblem props/> }))}
        </article>
    }
}

/// What the printed address names: the page, its release and the data's date.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct AddressProps {
    pub id: IndicatorId,
    pub release: String,
    pub as_of: String,
}

/// On paper only (style/print.css): the page's permanent address and the data
/// release it shows, which a printed sheet cannot link to. An island: the
/// address is the reader's.
#[component]
pub fn PrintedAddress(props: AddressProps) -> impl IntoView {
    let lang = use_lang();
    let site_url = use_site_url();
    let AddressProps { id, release, as_of } = props;
    let line = move || {
        let lang = lang.get();
        let url = absolute(&site_url.get(), &Route::new(lang, Page::Indicator(id.clone())).href());
        i18n::printed_address(lang, &url, &release, &as_of)
    };
    view! { <p class="print-only" data-testid="printed-address">{line}</p> }
}

/// Where a problem report goes (`--report-url`) and what it names.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ReportProps {
    pub to: String,
    pub about: share::ReportAbout,
}

/// A link that opens a prefilled report of a problem with this indicator's
/// figures, when the site was built with an address for reports. An island:
/// the report names the page at the reader's address.
#[component]
pub fn ReportProblem(props: ReportProps) -> impl IntoView {
    let lang = use_lang();
    let site_url = use_site_url();
    let ReportProps { to, about } = props;
    let href = move || {
        let page = absolute(&site_url.get(), &Route::new(lang.get(), Page::Indicator(about.id.clone())).href());
        share::report_link(&to, lang.get(), &about, &page)
    };
    view! {
        <p class="report-problem">
            <a href=href data-testid="report-problem">{move || lang.get().t(Msg::ReportProblem)}</a>
        </p>
    }
}

/// Baseline (year) → latest (year) → target (year), and the distance left.
#[component]
fn Milestones(ind: Indicator, a: Assessment) -> impl IntoView {
    let lang = use_lang();
    let is_goal = ind.role == Role::Goal;
    let card = {
        let ind = ind.clone();
        Memo::new(move |_| Card::from_assessment(&ind, &a, lang.get()))
    };
    let step = move |label: Msg, value: Option<(String, i32)>, note: Option<String>, testid: &'static str| {
        view! {
            <li data-testid=testid>
                <span class="milestones__label">{move || lang.get().t(label)}</span>
                {match value {
                    Some((figure, year)) => view! {
                        <strong>{figure}</strong>
                        <span class="muted">{i18n::paren(lang.get(), "", &year.to_string())}</span>
                        {note.map(|n| view! { <span class="note">{n}</span> })}
                    }.into_any(),
                    None => view! { <span class="muted">{lang.get().t(Msg::NoValues)}</span> }.into_any(),
                }}
            </li>
        }
    };
    move || {
        let c = card.get();
        let target = c.target.clone().or(c.wording.clone());
        view! {
            <ol class="milestones" aria-label=lang.get().t(Msg::Progress)>
                {c.baseline.clone().map(|b| step(Msg::Baseline, Some(b), c.baseline_note.clone(), "milestone-baseline"))}
                {step(Msg::Latest, c.latest.clone(), c.latest_note.clone(), "milestone-latest")}
                {(is_goal).then(|| view! {
                    <li data-testid="milestone-target">
                        <span class="milestones__label">{lang.get().t(Msg::Target)}</span>
                        <strong>{target.clone().unwrap_or_default()}</strong>
                    </li>
                })}
            </ol>
            {c.within_target.then(|| view! {
                <p class="indicator__progress" data-testid="within-target">{lang.get().t(Msg::WithinTarget)}</p>
            })}
            {c.progress.map(|p| view! {
                <p class="indicator__progress" data-testid="progress">
                    <label>
                        {format!("{} {}%", lang.get().t(Msg::Progress), i18n::number(p * 100.0, 0))}
                        <span class="muted">{i18n::paren(lang.get(), "", lang.get().t(Msg::ProgressNote))}</span>
                        <progress max="1" value=p></progress>
                    </label>
                </p>
            })}
            {c.trend.map(|t| view! { <p class="muted">{lang.get().t(Msg::Trend)}{i18n::colon(lang.get())}{t}</p> })}
        }
    }
}

/// The arithmetic behind the status, one step per line.
#[component]
fn HowComputed(ind: Indicator, a: Assessment) -> impl IntoView {
    let lang = use_lang();
    let has_steps = a.arithmetic.is_some();
    let lines = move || i18n::arithmetic_lines(lang.get(), &ind, &a);
    has_steps.then(|| {
        view! {
            <details class="computed" data-testid="how-computed">
                <summary>{move || lang.get().t(Msg::HowComputed)}</summary>
                <ol>{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
                <p class="muted">
                    <a href=move || Route::new(lang.get(), Page::About).href()>{move || lang.get().t(Msg::About)}</a>
                </p>
            </details>
        }
    })
}

/// Chart and table as two views of the same values, both in the page: the
/// choice is in the URL (`?view=table`), and the tabs show the one it names.
#[component]
fn ChartOrTable(
    ind: Indicator,
    sources: std::collections::BTreeMap<crate::model::SourceKey, crate::model::Source>,
) -> impl IntoView {
    let lang = use_lang();
    let summary = {
        let ind = ind.clone();
        move || i18n::chart_summary(lang.get(), &ind)
    };
    view! {
        <section class="views" aria-label=move || lang.get().t(Msg::Views)>
            {island(island::VIEWS, || (), view! { <ViewTabs/> })}
            <p class="chart-summary" data-testid="chart-summary">{summary}</p>
            // Both views are in the page, the other one hidden: a page read
            // without script shows both (noscript.css), and a switch redraws nothing.
            <figure class="indicator__chart view" id=CHART_VIEW>
                <ProgressChart ind=ind.clone() lang class="chart--large"/>
            </figure>
            <div class="view" id=TABLE_VIEW hidden=true>
                <DataTable ind sources/>
            </div>
        </section>
    }
}

const CHART_VIEW: &str = "view-chart";
const TABLE_VIEW: &str = "view-table";

/// The tabs between the chart and the table: links to this page without and
/// with `?view=table`, and the view the address names shown (`show_view`). An
/// island (`crate::islands`).
#[component]
pub fn ViewTabs() -> impl IntoView {
    let lang = use_lang();
    let route = use_route();
    let table = Memo::new(move |_| route.get().query.table);
    Effect::new(move |_| show_view(table.get()));
    let href = move |table: bool| route.get().with_query(Query { table, ..Query::default() }).href();
    view! {
        <nav class="tabs">
            <a href=move || href(false) data-noscroll="" aria-current=move || (!table.get()).then_some("page") data-testid="tab-chart">
                {move || lang.get().t(Msg::Chart)}
            </a>
            <a href=move || href(true) data-noscroll="" aria-current=move || table.get().then_some("page") data-testid="tab-table">
                {move || lang.get().t(Msg::DataTable)}
            </a>
        </nav>
    }
}

/// Shows the table view, or the chart view, and hides the other.
fn show_view(table: bool) {
    use wasm_bindgen::JsCast;
    for (id, hidden) in [(CHART_VIEW, table), (TABLE_VIEW, !table)] {
        if let Some(view) = document().get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            view.set_hidden(hidden);
        }
    }
}
