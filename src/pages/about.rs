//! How the site judges progress, what the source tiers mean, what is missing,
//! how to cite it, its licence and when the data was last updated.

use crate::components::island::{self, island};
use crate::components::{await_resource, focus_element, Breadcrumbs};
use crate::context::{use_lang, use_overview, use_site_url, use_today};
use crate::i18n::{self, Msg};
use crate::model::{assess, layout, OverviewFile, Role, Status};
use crate::route::{Page, Route};
use crate::share::whole_dataset;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = use_lang();
    let overview = use_overview();
    let trail = move || {
        let lang = lang.get();
        vec![
            (lang.t(Msg::Home).to_string(), Some(Route::new(lang, Page::Overview).href())),
            (lang.t(Msg::About).to_string(), None),
        ]
    };
    view! {
        {move || view! { <Breadcrumbs lang trail=trail()/> }}
        <h1>{move || lang.get().t(Msg::About)}</h1>
        {move || i18n::about_sections(lang.get()).into_iter().map(|s| view! {
            <section id=s.id aria-labelledby=format!("{}-heading", s.id)>
                <h2 id=format!("{}-heading", s.id)>{s.heading}</h2>
                {s.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </section>
        }).collect_view()}
        {await_resource(overview, lang, move |loaded| view! { <DataFacts file=loaded.data/> }.into_any())}
    }
}

/// The parts of the page that come from the data: gaps, citation, dates.
#[component]
fn DataFacts(file: OverviewFile) -> impl IntoView {
    let lang = use_lang();
    let missing: Vec<_> = file
        .indicators
        .iter()
        .filter(|i| i.role == Role::Goal && assess(i).status == Status::NoData)
        .cloned()
        .collect();
    let missing_count = missing.len();
    let (as_of, release) = (file.as_of.clone(), file.release.clone());
    let [all_csv, all_json] = whole_dataset(&release);
    // A link from another page to a section here (the header's "Downloads")
    // lands on it once the data-driven sections exist.
    let address = crate::navigation::use_address();
    Effect::new(move |_| {
        let hash = address.with(|a| a.hash.clone());
        if let Some(id) = hash.strip_prefix('#').filter(|h| !h.is_empty()) {
            focus_element(id);
        }
    });
    view! {
        <section id="missing" aria-labelledby="missing-heading">
            <h2 id="missing-heading">{move || i18n::missing_heading(lang.get(), missing_count)}</h2>
            <p>{move || lang.get().t(Msg::MissingIntro)}</p>
            <ul class="columns">
                {missing.into_iter().map(|ind| {
                    let id = ind.id.clone();
                    view! {
                        <li><a href=move || Route::new(lang.get(), Page::Indicator(id.clone())).href()>
                            {move || lang.get().pick(&ind.name).to_string()}
                        </a></li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section id="downloads" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{move || lang.get().t(Msg::Downloads)}</h2>
            <p>{move || lang.get().t(Msg::DownloadsIntro)}</p>
            <ul>
                <li><a href=all_csv download="" rel="external" data-testid="about-csv">{move || lang.get().t(Msg::WholeCsv)}</a></li>
                <li><a href=all_json download="" rel="external">{move || lang.get().t(Msg::WholeJson)}</a></li>
            </ul>
        </section>
        <section id="cite" aria-labelledby="cite-heading">
            <h2 id="cite-heading">{move || lang.get().t(Msg::HowToCite)}</h2>
            {let props = CitationProps { release: release.clone(), as_of: as_of.clone() };
             island(island::CITATION, { let props = props.clone(); move || props }, view! { <SiteCitation props/> })}
        </section>
        <section id="updated" aria-labelledby="updated-heading">
            <h2 id="updated-heading">{move || lang.get().t(Msg::LastUpdated)}</h2>
            <p data-testid="about-as-of">
                {move || lang.get().t(Msg::DataAsOf)} " " {move || i18n::date(lang.get(), &as_of)}
                " · " {move || lang.get().t(Msg::Release)} " " <code>{release.clone()}</code>
            </p>
            <p>{move || lang.get().t(Msg::DataFilesIntro)} " " <a href=layout::on_site(layout::RELEASES) rel="external">{layout::on_site(layout::RELEASES)}</a></p>
        </section>
    }
}

/// What the site's citation names: the release and its date. The address and
/// the day it was read are the reader's (`context::Reader`).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CitationProps {
    pub release: String,
    pub as_of: String,
}

/// How to cite the whole site (an island: the reader's address and date).
#[component]
pub fn SiteCitation(props: CitationProps) -> impl IntoView {
    let (lang, site_url, today) = (use_lang(), use_site_url(), use_today());
    let citation = move || i18n::site_citation(lang.get(), &site_url.get(), &props.release, &props.as_of, &today.get());
    view! { <p class="citation" data-testid="citation">{citation}</p> }
}
