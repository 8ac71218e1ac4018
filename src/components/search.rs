//! Find any indicator by name (either language) or id, as you type.

use crate::i18n::{self, Lang, Msg};
use crate::model::Indicator;
use crate::route::{Page, Route};
use leptos::prelude::*;

/// Whether `ind` matches `query` (case-insensitive, in either language or by id).
pub fn matches(ind: &Indicator, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty()
        || ind.id.as_str().to_lowercase().contains(&q)
        || ind.name.zh.to_lowercase().contains(&q)
        || ind.name.en.to_lowercase().contains(&q)
}

#[component]
pub fn IndicatorSearch(indicators: Vec<Indicator>, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let (query, set_query) = signal(String::new());
    let indicators = StoredValue::new(indicators);
    let hits = move || {
        indicators.with_value(|all| all.iter().filter(|i| matches(i, &query.get())).cloned().collect::<Vec<_>>())
    };
    view! {
        <section class="search" aria-labelledby="search-heading">
            <h2 id="search-heading">{move || lang.get().t(Msg::AllIndicators)}</h2>
            <label class="search__label" for="indicator-search">{move || lang.get().t(Msg::SearchLabel)}</label>
            <input
                id="indicator-search"
                class="search__input"
                type="search"
                autocomplete="off"
                placeholder=move || lang.get().t(Msg::SearchPlaceholder)
                on:input=move |ev| set_query.set(event_target_value(&ev))
                prop:value=query
            />
            <ul class="search__results" data-testid="search-results" aria-live="polite">
                {move || {
                    let hits = hits();
                    if hits.is_empty() {
                        return view! { <li class="muted">{lang.get().t(Msg::NoMatches)}</li> }.into_any();
                    }
                    hits.into_iter().map(|ind| {
                        let href = Route::new(lang.get(), Page::Indicator(ind.id.clone())).href();
                        view! {
                            <li>
                                <a href=href>{lang.get().pick(&ind.name).to_string()}</a>
                                " " <span class="muted">{ind.id.to_string()} " · " {i18n::area_name(lang.get(), ind.area)}</span>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
        </section>
    }
}
