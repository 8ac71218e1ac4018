//! What a page shows while data loads, and when it fails: which file, why, every
//! located data problem, and a way to try again. A page is never left blank or
//! spinning.

use crate::fetch::AppError;
use crate::i18n::{Lang, Msg};
use crate::loadable::Loadable;
use leptos::prelude::*;

#[component]
pub fn Loading(#[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="loading__spinner" aria-hidden="true"></span>
            {move || lang.get().t(Msg::Loading)}
        </p>
    }
}

#[component]
pub fn ErrorPanel(
    error: AppError,
    #[prop(into)] lang: Signal<Lang>,
    /// Called when the reader asks to try again.
    retry: Callback<()>,
) -> impl IntoView {
    let summary = {
        let error = error.clone();
        move || error.describe(lang.get())
    };
    let details: Vec<String> = error.data_errors().iter().map(ToString::to_string).collect();
    view! {
        <div class="error-panel" role="alert" data-testid="load-error">
            <h2>{move || lang.get().t(Msg::LoadFailed)}</h2>
            <p class="error-panel__summary">{summary}</p>
            {(!details.is_empty()).then(|| view! {
                <ul class="error-panel__details">
                    {details.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                </ul>
            })}
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {move || lang.get().t(Msg::Retry)}
            </button>
        </div>
    }
}

/// Indicators left out because their data broke a rule: named, with the field
/// and the problem, while the rest of the page shows normally.
#[component]
pub fn DataProblems(errors: Vec<crate::model::DataError>, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <aside class="data-problems" role="status" data-testid="data-problems">
                <p>{move || lang.get().t(Msg::SomeIndicatorsRejected)}</p>
                <ul>{errors.iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}</ul>
            </aside>
        }
    })
}

/// A resource's three states in one place: loading, failed (which file, why,
/// and a retry), or loaded and drawn by `loaded`.
///
/// Not Leptos' `<Transition>`/`<ErrorBoundary>`: the error is a typed
/// `AppError` (it names the file and the data errors, and a 404 can be a page
/// of its own), a retry refetches this one resource, and data the build
/// rendered the page with is there from the first render (`Loadable`).
pub fn await_resource<T: Clone + Send + Sync + 'static>(
    resource: Loadable<T>,
    lang: Signal<Lang>,
    loaded: impl Fn(T) -> AnyView + 'static,
) -> impl Fn() -> AnyView {
    await_found(resource, lang, None::<fn() -> AnyView>, loaded)
}

/// `await_resource`, with what to show when the file does not exist (HTTP 404):
/// an unknown indicator is "not found", not a loading error.
pub fn await_found<T: Clone + Send + Sync + 'static>(
    resource: Loadable<T>,
    lang: Signal<Lang>,
    not_found: Option<impl Fn() -> AnyView + 'static>,
    loaded: impl Fn(T) -> AnyView + 'static,
) -> impl Fn() -> AnyView {
    move || match (resource.get(), &not_found) {
        (None, _) => view! { <Loading lang/> }.into_any(),
        (Some(Err(AppError::Http { status: 404, .. })), Some(missing)) => missing(),
        (Some(Err(error)), _) => {
            view! { <ErrorPanel error lang retry=Callback::new(move |_| resource.refetch())/> }.into_any()
        }
        (Some(Ok(data)), _) => loaded(data),
    }
}
