//! The overview: what the plan is, and every goal with its latest value,
//! target and status.

use crate::charts::progress_chart;
use crate::components::{ChartHost, ErrorPanel, Loading, StatusBadge};
use crate::i18n::{self, Msg};
use crate::model::{assess, Indicator};
use crate::route::{Page, Route};
use crate::{use_lang, use_overview};
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = use_lang();
    let overview = use_overview();
    view! {
        <h1>{move || lang.get().t(Msg::SiteTitle)}</h1>
        <p class="lead">{move || lang.get().t(Msg::SiteTagline)}</p>
        {move || match overview.get() {
            None => view! { <Loading lang/> }.into_any(),
            Some(Err(error)) => view! {
                <ErrorPanel error lang retry=Callback::new(move |_| overview.refetch())/>
            }.into_any(),
            Some(Ok(loaded)) => {
                let featured = loaded.data.indicators.first().cloned();
                view! {
                    {featured.map(|ind| view! { <FeaturedChart ind/> })}
                    <ul class="card-list">
                        {loaded.data.indicators.into_iter().map(|ind| view! { <IndicatorCard ind/> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

#[component]
fn FeaturedChart(ind: Indicator) -> impl IntoView {
    let lang = use_lang();
    let name = ind.name.clone();
    let make = Callback::new(move |opts| progress_chart(&ind, &opts));
    view! {
        <figure class="featured">
            <figcaption>{move || lang.get().pick(&name).to_string()}</figcaption>
            <ChartHost make lang class="chart--large"/>
        </figure>
    }
}

#[component]
fn IndicatorCard(ind: Indicator) -> impl IntoView {
    let lang = use_lang();
    let assessment = assess(&ind);
    let href = {
        let id = ind.id.clone();
        move || Route::new(lang.get(), Page::Indicator(id.clone())).href()
    };
    let latest = assessment.judged;
    let view_ind = ind.clone();
    view! {
        <li class="card" data-testid="indicator-card" data-id=ind.id.to_string()>
            <a class="card__title" href=href>{move || lang.get().pick(&view_ind.name).to_string()}</a>
            <StatusBadge status=assessment.status lang/>
            <dl class="card__figures">
                {latest.map(|p| {
                    let unit = ind.unit;
                    view! {
                        <dt>{move || lang.get().t(Msg::Latest)}</dt>
                        <dd>{move || format!("{} ({})", i18n::with_unit(lang.get(), unit, p.value), p.year)}</dd>
                    }
                })}
                {ind.target.clone().map(|t| {
                    let ind = ind.clone();
                    view! {
                        <dt>{move || lang.get().t(Msg::Target)}</dt>
                        <dd>{move || i18n::target_phrase(lang.get(), &ind, &t)}</dd>
                    }
                })}
            </dl>
        </li>
    }
}
