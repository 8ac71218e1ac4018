//! One indicator in full: status, chart, the same values as a table, and every
//! source with its trust tier.

use crate::charts::progress_chart;
use crate::components::{ChartHost, ErrorPanel, Loading, StatusBadge};
use crate::fetch::{self, AppError};
use crate::i18n::{self, Lang, Msg};
use crate::model::{assess, Indicator, IndicatorFile, IndicatorId, Observation, Source, SourceKey};
use crate::pages::NotFoundPage;
use crate::{use_lang, use_site};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn IndicatorPage(id: IndicatorId) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let detail = LocalResource::new(move || fetch::load_indicator(site.clone(), id.clone()));
    move || match detail.get() {
        None => view! { <Loading lang/> }.into_any(),
        Some(Err(AppError::Http { status: 404, .. })) => NotFoundPage().into_any(),
        Some(Err(error)) => view! {
            <ErrorPanel error lang retry=Callback::new(move |_| detail.refetch())/>
        }
        .into_any(),
        Some(Ok(file)) => view! { <IndicatorView file/> }.into_any(),
    }
}

#[component]
fn IndicatorView(file: IndicatorFile) -> impl IntoView {
    let lang = use_lang();
    let ind = file.indicator;
    let assessment = assess(&ind);
    let name = ind.name.clone();
    let chart_ind = ind.clone();
    let make = Callback::new(move |opts| progress_chart(&chart_ind, &opts));
    let summary_ind = ind.clone();
    let id = ind.id.to_string();
    view! {
        <article class="indicator" data-testid="indicator" data-id=id>
            <h1>{move || lang.get().pick(&name).to_string()}</h1>
            <StatusBadge status=assessment.status lang/>
            <p class="indicator__summary" data-testid="latest">
                {move || latest_line(lang.get(), &summary_ind)}
            </p>
            <figure class="indicator__chart">
                <ChartHost make lang class="chart--large"/>
            </figure>
            <DataTable ind=ind.clone() sources=file.sources.clone()/>
            <SourceList ind sources=file.sources/>
        </article>
    }
}

/// "Latest: 25.7 μg/m³ (2024) · Target: ≤ 25 μg/m³ by 2025".
fn latest_line(lang: Lang, ind: &Indicator) -> String {
    let latest = assess(ind)
        .judged
        .map(|p| format!("{} ({})", i18n::with_unit(lang, ind.unit, p.value), p.year));
    let target = ind
        .target
        .as_ref()
        .map(|t| i18n::target_phrase(lang, ind, t));
    let mut parts = Vec::new();
    if let Some(l) = latest {
        parts.push(format!("{}{}{l}", lang.t(Msg::Latest), i18n::colon(lang)));
    }
    if let Some(t) = target {
        parts.push(format!("{}{}{t}", lang.t(Msg::Target), i18n::colon(lang)));
    }
    parts.join(" · ")
}

fn source_name(lang: Lang, sources: &BTreeMap<SourceKey, Source>, key: &SourceKey) -> String {
    sources
        .get(key)
        .map_or_else(|| key.to_string(), |s| lang.pick(&s.publisher).to_string())
}

#[component]
fn DataTable(ind: Indicator, sources: BTreeMap<SourceKey, Source>) -> impl IntoView {
    let lang = use_lang();
    let mut rows: Vec<(bool, Observation)> =
        ind.baseline.iter().map(|b| (true, b.clone())).collect();
    rows.extend(ind.values.iter().map(|o| (false, o.clone())));
    rows.sort_by_key(|(_, o)| o.year);
    view! {
        <table class="data-table" data-testid="data-table">
            <caption>{move || lang.get().t(Msg::DataTable)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || lang.get().t(Msg::Year)}</th>
                    <th scope="col">{move || lang.get().t(Msg::Value)}</th>
                    <th scope="col">{move || lang.get().t(Msg::Source)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(is_baseline, o)| {
                    let ind = ind.clone();
                    let sources = sources.clone();
                    let value = o.clone();
                    view! {
                        <tr>
                            <th scope="row">
                                {o.year}
                                {is_baseline.then(|| view! { " " <small>{move || lang.get().t(Msg::Baseline)}</small> })}
                            </th>
                            <td>{move || i18n::observation_text(lang.get(), &ind, &value)}</td>
                            <td>{move || source_name(lang.get(), &sources, &o.source)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn SourceList(ind: Indicator, sources: BTreeMap<SourceKey, Source>) -> impl IntoView {
    let lang = use_lang();
    let cited: Vec<(SourceKey, Source)> = ind
        .source_keys()
        .into_iter()
        .filter_map(|k| sources.get(k).map(|s| (k.clone(), s.clone())))
        .collect();
    view! {
        <section class="sources" data-testid="sources">
            <h2>{move || lang.get().t(Msg::Sources)}</h2>
            <ol>
                {cited.into_iter().map(|(_, s)| {
                    let link = s.link().map(str::to_string);
                    let s2 = s.clone();
                    view! {
                        <li>
                            <span class="source__publisher">{move || lang.get().pick(&s.publisher).to_string()}</span>
                            {move || i18n::colon(lang.get())} <cite>{move || lang.get().pick(&s2.title).to_string()}</cite>
                            {s.date.clone().map(|d| view! { " · " {move || i18n::date(lang.get(), &d)} })}
                            " · " <span class="tier">{move || i18n::tier_name(lang.get(), s.tier)}</span>
                            {link.map(|url| view! {
                                " · " <a href=url.clone() rel="external noopener noreferrer" target="_blank">{move || lang.get().t(Msg::Link)}</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
