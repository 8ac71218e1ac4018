//! Every data release, newest first: its date and note (what was taken and what
//! was not), its changes counted by kind and then item by item, and its
//! download. The words come worded by the build (`changes.json`, the same words
//! as the Atom feeds), so this page only shows them.

use crate::components::{await_resource, Breadcrumbs};
use crate::context::use_lang;
use crate::fetch;
use crate::i18n::{self, Msg};
use crate::model::changes::{ChangesFile, ReleaseWords};
use crate::model::layout;
use crate::route::{release_fragment, Page, Route};
use crate::share::feed_path;
use leptos::prelude::*;

#[component]
pub fn ChangesPage() -> impl IntoView {
    let lang = use_lang();
    let ready = crate::start::use_preloaded().with_value(|p| p.changes.clone());
    let changes = crate::loadable::Loadable::new(ready, fetch::load_changes);
    let trail = move || {
        let lang = lang.get();
        vec![
            (lang.t(Msg::Home).to_string(), Some(Route::new(lang, Page::Overview).href())),
            (i18n::changes_page_title(lang).to_string(), None),
        ]
    };
    view! {
        {move || view! { <Breadcrumbs lang trail=trail()/> }}
        <h1>{move || i18n::changes_page_title(lang.get())}</h1>
        <p class="lead">{move || i18n::changes_page_description(lang.get())}</p>
        <p><a href=move || feed_path(lang.get()) data-testid="feed-link" type="application/atom+xml">
            {move || i18n::feed_link(lang.get())}
        </a></p>
        {await_resource(changes, lang, move |file: ChangesFile| {
            file.releases
                .into_iter()
                .enumerate()
                .map(|(i, release)| view! { <ReleaseEntry release newest=i == 0/> })
                .collect_view()
                .into_any()
        })}
    }
}

#[component]
fn ReleaseEntry(release: ReleaseWords, newest: bool) -> impl IntoView {
    let lang = use_lang();
    let id = release_fragment(&release.release);
    let zip = layout::on_site(&layout::package_zip(&release.release));
    let ReleaseWords { release: title, as_of, note, summary, lines } = release;
    let n = lines.len();
    let datetime = as_of.clone();
    view! {
        <section class="release" id=id.clone() aria-labelledby=format!("{id}-heading") data-testid="release">
            <h2 id=format!("{id}-heading")>{move || i18n::release_title(lang.get(), &title)}</h2>
            <p class="muted">
                {move || i18n::published_on(lang.get())} " "
                <time datetime=datetime>{move || i18n::date(lang.get(), &as_of)}</time>
            </p>
            <p data-testid="release-note">{move || lang.get().pick(&note).to_string()}</p>
            <p data-testid="release-summary"><strong>{move || lang.get().pick(&summary).to_string()}</strong></p>
            {(n > 0).then(|| view! {
                <details open=newest>
                    <summary>{move || i18n::show_changes(lang.get(), n)}</summary>
                    <ul class="changes" data-testid="change-list">
                        {lines.into_iter().map(|l| view! { <li>{move || lang.get().pick(&l).to_string()}</li> }).collect_view()}
                    </ul>
                </details>
            })}
            <p><a href=zip download="">{move || i18n::release_download(lang.get())}</a></p>
        </section>
    }
}
