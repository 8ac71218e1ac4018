//! The page for an address that has no page, with a way back. One such page
//! answers every address a host has no file for (`404.html`), whatever its
//! language, so it says so in both: the page's own language first.

use crate::context::use_lang;
use crate::i18n::Msg;
use crate::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    let other = move || lang.get().other();
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{move || lang.get().t(Msg::NotFoundTitle)}</h1>
            <p>{move || lang.get().t(Msg::NotFoundBody)}</p>
            <p><a href=move || Route::new(lang.get(), Page::Overview).href()>{move || lang.get().t(Msg::BackHome)}</a></p>
            <div lang=move || other().code()>
                <h2>{move || other().t(Msg::NotFoundTitle)}</h2>
                <p>{move || other().t(Msg::NotFoundBody)}</p>
                <p><a href=move || Route::new(other(), Page::Overview).href()>{move || other().t(Msg::BackHome)}</a></p>
            </div>
        </section>
    }
}
