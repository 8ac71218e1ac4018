//! The reference sections of an indicator page: the data table, the plan's
//! words, notes and conflicts, and the sources.

use crate::components::InPageLink;
use crate::context::use_lang;
use crate::i18n::{self, Lang, Msg};
use crate::model::{Indicator, NoteKind, Observation, Source, SourceKey, Target, TargetOrigin, Tier};
use crate::route::{release_fragment, Page, Route};
use leptos::prelude::*;
use std::collections::BTreeMap;

type Sources = BTreeMap<SourceKey, Source>;

/// The position of a source in the page's source list, for "[3]"-style references.
fn source_number(ind: &Indicator, key: &SourceKey) -> usize {
    ind.source_keys().iter().position(|k| *k == key).map_or(0, |i| i + 1)
}

/// The id of a source's entry in the page's source list.
pub fn source_anchor(n: usize) -> String {
    format!("source-{n}")
}

/// "[3] 甘肃省人民政府": a numbered reference to the source list. On the
/// indicator page it moves to the entry; elsewhere (`elsewhere` is the indicator
/// page's address) it opens the entry on the indicator page.
#[component]
pub(super) fn SourceRef(
    ind: Indicator,
    sources: Sources,
    key: SourceKey,
    elsewhere: Option<String>,
    #[prop(optional)] unnumbered: bool,
) -> impl IntoView {
    let lang = use_lang();
    let n = source_number(&ind, &key);
    let name = move || sources.get(&key).map_or_else(|| key.to_string(), |s| lang.get().pick(&s.publisher).to_string());
    if unnumbered {
        // The link leads to the page that cites the figure in place.
        return match elsewhere {
            Some(page) => view! { <a href=page target="_blank" rel="noopener">{name}</a> }.into_any(),
            None => view! { {name} }.into_any(),
        };
    }
    let number = format!("[{n}]");
    match elsewhere {
        Some(page) => view! {
            <a href=format!("{page}#{}", source_anchor(n)) target="_blank" rel="noopener">{number}</a> " " {name}
        }
        .into_any(),
        None => view! { <InPageLink target=source_anchor(n)>{number}</InPageLink> " " {name} }.into_any(),
    }
}

/// Every value in one table, the baseline marked, alternatives and part years said.
#[component]
pub fn DataTable(
    ind: Indicator,
    sources: Sources,
    /// Where the source list is, when it is not on this page (an embed).
    #[prop(optional)]
    source_page: Option<String>,
    /// Sources by name only, without the "[n]" of a numbered list (a city's
    /// series: its page cites each figure in place).
    #[prop(optional)]
    unnumbered: bool,
) -> impl IntoView {
    let lang = use_lang();
    let mut rows: Vec<(bool, Observation)> = ind.baseline.iter().map(|b| (true, b.clone())).collect();
    rows.extend(ind.values.iter().map(|o| (false, o.clone())));
    rows.sort_by_key(|(_, o)| o.year);
    let has_bases = !ind.bases.is_empty();
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="data-table">
                <caption>{move || lang.get().t(Msg::DataTable)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().t(Msg::Year)}</th>
                        <th scope="col">{move || lang.get().t(Msg::Value)}</th>
                        {has_bases.then(|| view! { <th scope="col">{move || lang.get().t(Msg::Basis)}</th> })}
                        <th scope="col">{move || lang.get().t(Msg::Source)}</th>
                        <th scope="col">{move || lang.get().t(Msg::Note)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(is_baseline, o)| {
                        let (ind, sources, source_page) = (ind.clone(), sources.clone(), source_page.clone());
                        view! { <Row ind sources o is_baseline has_bases source_page unnumbered/> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(
    ind: Indicator,
    sources: Sources,
    o: Observation,
    is_baseline: bool,
    has_bases: bool,
    source_page: Option<String>,
    unnumbered: bool,
) -> impl IntoView {
    let lang = use_lang();
    let basis = o.basis_or(ind.headline_basis.as_ref()).and_then(|b| ind.basis(b)).map(|b| b.label.clone());
    let value = {
        let (ind, o) = (ind.clone(), o.clone());
        move || i18n::observation_text(lang.get(), &ind, &o)
    };
    let source = {
        let keys: Vec<SourceKey> = std::iter::once(&o.source).chain(&o.also).cloned().collect();
        let ind = ind.clone();
        keys.into_iter()
            .enumerate()
            .map(|(i, key)| {
                let (ind, sources, elsewhere) = (ind.clone(), sources.clone(), source_page.clone());
                view! { {(i > 0).then_some("; ")} <SourceRef ind sources key elsewhere unnumbered/> }
            })
            .collect_view()
    };
    let is_alternative = o.alternative.is_some();
    let year = o.year;
    let note = move || {
        let lang = lang.get();
        let mut parts = Vec::new();
        if let Some(why) = &o.alternative {
            parts.push(format!("{}{}{}", lang.t(Msg::Alternative), i18n::colon(lang), lang.pick(why)));
        }
        if let Some(n) = &o.note {
            parts.push(lang.pick(n).to_string());
        }
        parts.join(" ")
    };
    // A figure that reads differently from an earlier release's says so, with a
    // link to that release's list of changes (where the old figure is).
    let revised = o.revised.clone().map(|release| {
        let fragment = release_fragment(&release);
        let href = move || format!("{}#{fragment}", Route::new(lang.get(), Page::Changes).href());
        view! { " " <a class="revised" href=href data-testid="revised">{move || i18n::revised_in(lang.get(), &release)}</a> }
    });
    view! {
        <tr class:alternative=is_alternative>
            <th scope="row" class="nowrap">
                {year}
                {is_baseline.then(|| view! { " " <small>{move || lang.get().t(Msg::Baseline)}</small> })}
            </th>
            <td class="nowrap">{value}{revised}</td>
            {has_bases.then(|| view! { <td>{move || basis.as_ref().map(|b| lang.get().pick(b).to_string())}</td> })}
            <td>{source}</td>
            <td class="note">{note}</td>
        </tr>
    }
}

fn origin_name(lang: Lang, origin: TargetOrigin) -> &'static str {
    match origin {
        TargetOrigin::Plan => lang.t(Msg::OriginPlan),
        TargetOrigin::PlanBriefing => lang.t(Msg::OriginBriefing),
        TargetOrigin::RelatedPlan => lang.t(Msg::OriginRelated),
    }
}

/// One target: the plan's words in Chinese with an English gloss, where from.
#[component]
fn TargetWords(target: Target) -> impl IntoView {
    let lang = use_lang();
    let origin = target.origin;
    view! {
        <blockquote lang="zh-CN" class="wording">{target.wording.zh.clone()}</blockquote>
        {move || (lang.get() == Lang::En).then(|| view! { <p class="gloss">{target.wording.en.clone()}</p> })}
        <p class="muted">
            {move || format!("{}{}{}", lang.get().t(Msg::Source), i18n::colon(lang.get()), origin_name(lang.get(), origin))}
            {target.note.clone().map(|n| view! { " — " {move || lang.get().pick(&n).to_string()} })}
        </p>
    }
}

#[component]
pub fn PlanWording(ind: Indicator) -> impl IntoView {
    let lang = use_lang();
    let section = ind.plan_ref.clone();
    (ind.target.is_some() || section.is_some()).then(|| view! {
        <section class="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{move || lang.get().t(Msg::PlanWording)}</h2>
            {ind.target.clone().map(|target| view! { <TargetWords target/> })}
            {section.map(|r| view! {
                <p>
                    {move || lang.get().t(Msg::PlanSection)} {move || i18n::colon(lang.get())}
                    {let section = r.section.clone(); move || i18n::plan_section(lang.get(), &section)}
                    {r.title.clone().map(|t| view! { " " {move || lang.get().pick(&t).to_string()} })}
                </p>
            })}
            {(!ind.other_targets.is_empty()).then(|| view! {
                <h3>{move || lang.get().t(Msg::OtherTargets)}</h3>
                <ul>
                    {ind.other_targets.iter().map(|t| {
                        let phrase = { let (ind, t) = (ind.clone(), t.clone()); move || i18n::target_phrase(lang.get(), &ind, &t) };
                        view! { <li><strong>{phrase}</strong> <TargetWords target=t.clone()/></li> }
                    }).collect_view()}
                </ul>
            })}
        </section>
    })
}

fn note_kind(lang: Lang, kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Conflict => lang.t(Msg::NoteConflict),
        NoteKind::Gap => lang.t(Msg::NoteGap),
        NoteKind::Method => lang.t(Msg::NoteMethod),
    }
}

#[component]
pub fn NoteList(ind: Indicator) -> impl IntoView {
    let lang = use_lang();
    (!ind.notes.is_empty()).then(|| view! {
        <section class="notes" aria-labelledby="notes-heading" data-testid="notes">
            <h2 id="notes-heading">{move || lang.get().t(Msg::Notes)}</h2>
            <ul>
                {ind.notes.into_iter().map(|n| view! {
                    <li class=format!("note note--{}", match n.kind { NoteKind::Conflict => "conflict", NoteKind::Gap => "gap", NoteKind::Method => "method" })>
                        <strong>{move || note_kind(lang.get(), n.kind)}</strong>
                        {move || i18n::colon(lang.get())}
                        {move || lang.get().pick(&n.text).to_string()}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    })
}

#[component]
pub fn SourceList(ind: Indicator, sources: Sources) -> impl IntoView {
    let lang = use_lang();
    let cited: Vec<Source> = ind.source_keys().into_iter().filter_map(|k| sources.get(k).cloned()).collect();
    view! {
        <section class="sources" aria-labelledby="sources-heading" data-testid="sources">
            <h2 id="sources-heading">{move || lang.get().t(Msg::Sources)}</h2>
            <ol>
                {cited.into_iter().enumerate().map(|(i, s)| view! {
                    <li id=source_anchor(i + 1) data-testid="source"><SourceEntry s/></li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// One source as the public sees it. An official source: "publisher: title ·
/// date · tier". A reprint: "title · date · 非官方转载 · 原发布者：publisher ·
/// 转载网站：site". The title is the link, so every link has its own name; a
/// site flagged unsafe gets no link, and the entry says why.
#[component]
pub(super) fn SourceEntry(s: Source) -> impl IntoView {
    let lang = use_lang();
    let tier = s.tier;
    let reprint = tier == Tier::Reprint;
    let publisher = s.publisher.clone();
    let publisher = move || lang.get().pick(&publisher).to_string();
    let title = s.title.clone();
    let title = move || lang.get().pick(&title).to_string();
    // Two sources may share a title (two copies of one plan): the link's name
    // also says who published it, where and when, so each name is distinct.
    let link_name = {
        let s = s.clone();
        move || {
            let lang = lang.get();
            let parts = [
                Some(lang.pick(&s.title)),
                Some(lang.pick(&s.publisher)),
                s.reprinted_by.as_deref(),
                s.date.as_deref(),
            ];
            parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
        }
    };
    let cite = match s.link().map(str::to_string) {
        Some(url) => view! {
            <a href=url rel="external noopener noreferrer" target="_blank" aria-label=link_name><cite>{title}</cite></a>
        }
        .into_any(),
        None => view! { <cite>{title}</cite> }.into_any(),
    };
    let tier_class = format!("tier tier--{}", tier_key(tier));
    view! {
        {(!reprint).then(|| view! { <span class="source__publisher">{publisher.clone()}</span> {move || i18n::colon(lang.get())} })}
        {cite}
        {s.date.clone().map(|d| view! { " · " {move || i18n::date(lang.get(), &d)} })}
        " · " <span class=tier_class>{move || i18n::tier_name(lang.get(), tier)}</span>
        {reprint.then(|| view! {
            " · " {move || lang.get().t(Msg::OriginallyBy)} {move || i18n::colon(lang.get())}
            <span class="source__publisher">{publisher.clone()}</span>
        })}
        {s.reprinted_by.clone().map(|r| view! { " · " {move || lang.get().t(Msg::ReprintedBy)} {move || i18n::colon(lang.get())} {r.clone()} })}
        {s.unsafe_site.then(|| view! { <br/><small class="muted" data-testid="no-link">{move || lang.get().t(Msg::NoLinkUnsafe)}</small> })}
        {s.note.clone().map(|n| view! { <br/><small class="muted">{move || lang.get().pick(&n).to_string()}</small> })}
    }
}

/// The CSS modifier of a tier.
fn tier_key(tier: Tier) -> &'static str {
    match tier {
        Tier::OfficialDocument => "official-document",
        Tier::OfficialMedia => "official-media",
        Tier::Reprint => "reprint",
    }
}
