//! One indicator as a card: name, status, latest value, target, progress,
//! trend and a small trend line. Its words come from `present::Card`. A goal's
//! card carries its group (`data-group`), by which the area page's status
//! filter narrows the list.

use crate::charts::sparkline;
use crate::components::island::{self, island};
use crate::components::progress_chart::ChartProps;
use crate::components::{ChartHost, ChartSpec, StatusBadge};
use crate::i18n::{self, Lang, Msg};
use crate::model::scorecard::{freshness, provisional, report};
use crate::model::{assess, Indicator, Role};
use crate::present::{Card, Group};
use crate::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn IndicatorCard(ind: Indicator, #[prop(into)] lang: Signal<Lang>, as_of: String) -> impl IntoView {
    let assessment = assess(&ind);
    let provisional = provisional(&ind, &assessment, &as_of).is_some();
    let overdue = freshness(&ind, &as_of).overdue;
    let group = (ind.role == Role::Goal).then(|| Group::of(&ind, &assessment, &as_of).key());
    let reported = report(&ind);
    // One point still gets its slot: a lone dot says "one value so far".
    let has_line = !assessment.points.is_empty();
    let card = {
        let ind = ind.clone();
        let a = assessment.clone();
        Memo::new(move |_| Card::from_assessment(&ind, &a, lang.get()))
    };
    let id = ind.id.clone();
    let href = move || Route::new(lang.get(), Page::Indicator(id.clone())).href();
    // One option for both looks and every language (`sparkline`).
    let option = serde_json::to_value(sparkline(&ind)).unwrap_or_default();
    let spec = ChartSpec { light: option.clone(), dark: option, ..ChartSpec::default() };
    let spark = move || {
        let class = "chart--spark";
        let props = {
            let spec = spec.clone();
            move || ChartProps { spec, class: class.to_string() }
        };
        view! { <div class="card__spark" aria-hidden="true">{island(island::CHART, props, view! { <ChartHost spec lang class/> })}</div> }
    };
    view! {
        <li class="card" data-testid="indicator-card" data-id=move || card.get().id.to_string() data-group=group>
            <div class="card__head">
                <a class="card__title" href=href>{move || card.get().name}</a>
                <StatusBadge status=assessment.status lang year=assessment.judged.map(|p| p.year) provisional/>
            </div>
            <dl class="card__figures">
                <dt>{move || lang.get().t(Msg::Latest)}</dt>
                <dd data-testid="card-latest">{move || match card.get().latest {
                    Some((figure, year)) => view! {
                        <strong>{figure}</strong> " " <span class="muted">{i18n::paren(lang.get(), "", &year.to_string())}</span>
                        {card.get().latest_note.map(|n| view! { " " <span class="note">{n}</span> })}
                    }.into_any(),
                    None => view! { <span class="muted">{Card::empty_latest(lang.get())}</span> }.into_any(),
                }}</dd>
                {move || card.get().target.map(|t| view! {
                    <dt>{lang.get().t(Msg::Target)}</dt>
                    <dd data-testid="card-target">{t}</dd>
                })}
                {move || card.get().wording.map(|w| view! {
                    <dt>{lang.get().t(Msg::Target)}</dt>
                    <dd data-testid="card-target" class="wording">{w}</dd>
                })}
                {move || card.get().baseline.map(|(figure, year)| view! {
                    <dt>{lang.get().t(Msg::Baseline)}</dt>
                    <dd data-testid="card-baseline">
                        {figure} " " <span class="muted">{i18n::paren(lang.get(), "", &year.to_string())}</span>
                        {card.get().baseline_note.map(|n| view! { " " <span class="note">{n}</span> })}
                    </dd>
                })}
            </dl>
            {move || card.get().within_target.then(|| view! {
                <p class="card__within muted" data-testid="within-target">{lang.get().t(Msg::WithinTarget)}</p>
            })}
            {move || card.get().progress.map(|p| view! {
                <div class="card__progress">
                    <label>
                        <span class="visually-hidden">{lang.get().t(Msg::ProgressNote)}</span>
                        <progress max="1" value=p></progress>
                    </label>
                    <span class="muted" title=lang.get().t(Msg::ProgressNote)>
                        {format!("{} {}%", lang.get().t(Msg::Progress), i18n::number(p * 100.0, 0))}
                    </span>
                </div>
            })}
            {move || card.get().trend.map(|t| view! { <p class="card__trend muted">{t}</p> })}
            {reported.map(|r| view! {
                <p class="card__report" data-testid="card-report">
                    <span class=format!("report report--{}", r.key())>{move || i18n::report_name(lang.get(), r)}</span>
                </p>
            })}
            {overdue.map(|o| view! {
                <p class="card__overdue" data-testid="card-overdue">{move || i18n::overdue_short(lang.get(), &o)}</p>
            })}
            {has_line.then(spark)}
        </li>
    }
}
