//! Find any indicator as you type: by name in either language, by id, by area
//! or by a common synonym (`present::search`). The query is kept in the address
//! (`?q=`), so a search can be shared; Enter opens the first result; a status
//! line, not the whole list, tells a screen reader how many were found.

use crate::context::use_route;
use crate::i18n::{self, Lang, Msg};
use crate::model::place::Place;
use crate::model::Area;
use crate::present::search::{search, search_places, SearchEntry};
use crate::route::{Page, Query, Route};
use leptos::prelude::*;

#[component]
pub fn IndicatorSearch(indicators: Vec<SearchEntry>, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let route = use_route();
    let (query, set_query) = signal(route.get_untracked().query.q.unwrap_or_default());
    // A page woken from its rendered HTML learns its address's query after its first render.
    Effect::new(move |_| {
        if let Some(q) = route.with(|r| r.query.q.clone()) {
            set_query.set(q);
        }
    });
    let indicators = StoredValue::new(indicators);
    let hits = Memo::new(move |_| {
        indicators.with_value(|all| search(all, &query.get()).into_iter().cloned().collect::<Vec<_>>())
    });
    // A place named in the query comes first: its page holds every figure for it.
    let places = Memo::new(move |_| search_places(&query.get()));
    let href_of = move |ind: &SearchEntry| Route::new(lang.get(), Page::Indicator(ind.id.clone())).href();
    let place_href = move |p: &Place| Route::new(lang.get(), Page::City(p.code.to_string())).href();
    // Keep the query in the address without a navigation (the page stays as it is).
    let remember = move |text: &str| {
        let q = Some(text.to_string()).filter(|t| !t.trim().is_empty());
        let here = route.get_untracked().with_query(Query { q, ..Query::default() }).href();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            let first = match places.get_untracked().first() {
                Some(p) => Some(place_href(p)),
                None => hits.get_untracked().first().map(href_of),
            };
            if let Some(href) = first {
                ev.prevent_default();
                crate::navigation::navigate(&href);
            }
        }
    };
    let status = move || {
        let n = hits.get().len();
        if query.get().trim().is_empty() {
            String::new()
        } else {
            i18n::search_found(lang.get(), n)
        }
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
                enterkeyhint="go"
                placeholder=move || lang.get().t(Msg::SearchPlaceholder)
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    remember(&text);
                    set_query.set(text);
                }
                on:keydown=on_key
                prop:value=query
            />
            <p id="search-status" class="search__status muted" role="status" data-testid="search-status">{status}</p>
            <ul class="search__results" data-testid="search-results">
                {move || places.get().into_iter().map(|p| view! {
                    <li data-testid="place-result">
                        <a href=place_href(p)>{i18n::place_full_name(lang.get(), p)}</a>
                        " " <span class="muted">{i18n::place_column(lang.get())}</span>
                    </li>
                }).collect_view()}
                {move || {
                    let hits = hits.get();
                    if hits.is_empty() && places.get().is_empty() {
                        return view! { <li class="muted"><NoMatches lang/></li> }.into_any();
                    }
                    hits.into_iter().map(|ind| {
                        let href = href_of(&ind);
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

/// "No indicator matches." with a way on: every area's page.
#[component]
fn NoMatches(#[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    view! {
        {move || lang.get().t(Msg::NoMatches)} " " {move || lang.get().t(Msg::BrowseAreas)}
        {Area::ALL.into_iter().map(|area| view! {
            " " <a href=move || Route::new(lang.get(), Page::Area(area)).href()>{move || i18n::area_name(lang.get(), area)}</a>
        }).collect_view()}
    }
}
