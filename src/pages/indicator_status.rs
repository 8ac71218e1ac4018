//! Where an indicator stands now that the plan period is over: when its figures
//! appear (and whether a newer one is overdue), and, for a goal set in words,
//! what the government's own statements report, quoted and sourced.

use super::indicator_parts::SourceRef;
use crate::context::use_lang;
use crate::i18n::{self, Lang};
use crate::model::scorecard::{freshness, report};
use crate::model::{Indicator, Source, SourceKey};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The usual publication, the newest full year, and an overdue notice.
#[component]
pub fn FreshnessNote(ind: Indicator, as_of: String) -> impl IntoView {
    let lang = use_lang();
    let publication = ind.publication.clone()?;
    let f = freshness(&ind, &as_of);
    let overdue = f.overdue.clone();
    Some(view! {
        <section class="freshness" aria-labelledby="freshness-heading" data-testid="freshness">
            <h2 id="freshness-heading">{move || i18n::freshness_heading(lang.get())}</h2>
            <p>
                {move || i18n::publication_sentence(lang.get(), &publication)} " "
                {move || i18n::newest_year_sentence(lang.get(), &f)}
            </p>
            {overdue.map(|o| view! {
                <p class="overdue" data-testid="overdue">{move || i18n::overdue_sentence(lang.get(), &o, &as_of)}</p>
            })}
        </section>
    })
}

/// A goal in words: the newest statement's status, whose word it is, and every
/// statement (newest first) quoted, dated and sourced.
#[component]
pub fn ReportedProgress(ind: Indicator, sources: BTreeMap<SourceKey, Source>) -> impl IntoView {
    let lang = use_lang();
    let now = report(&ind)?;
    let statements: Vec<_> = ind.evidence.iter().rev().cloned().collect();
    Some(view! {
        <section class="reported" aria-labelledby="reported-heading" data-testid="evidence">
            <h2 id="reported-heading">{move || i18n::report_heading(lang.get())}</h2>
            <p>
                <span class=format!("report report--{}", now.key()) data-testid="report-status">
                    {move || i18n::report_name(lang.get(), now)}
                </span>
            </p>
            <p class="muted">{move || i18n::report_caveat(lang.get())}</p>
            <ol class="statements">
                {statements.into_iter().map(|st| {
                    let (quote, note, source) = (st.quote.clone(), st.note.clone(), st.source.clone());
                    view! {
                        <li data-testid="statement">
                            <blockquote lang=move || lang.get().code()>{move || lang.get().pick(&quote).to_string()}</blockquote>
                            {move || (lang.get() == Lang::En).then(|| view! { <p class="statement__original" lang="zh-CN">{st.quote.zh.clone()}</p> })}
                            <p class="statement__meta muted">
                                {move || i18n::date(lang.get(), &st.date)} " · " {move || i18n::reported_name(lang.get(), st.reported)} " · "
                                <SourceRef ind=ind.clone() sources=sources.clone() key=source elsewhere=None/>
                            </p>
                            {note.map(|n| view! { <p class="statement__note">{move || lang.get().pick(&n).to_string()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    })
}
