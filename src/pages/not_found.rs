//! The page for an address that has no page, with a way back.

use crate::context::use_lang;
use crate::i18n::Msg;
use crate::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{move || lang.get().t(Msg::NotFoundTitle)}</h1>
            <p>{move || lang.get().t(Msg::NotFoundBody)}</p>
            <p><a href=move || Route::new(lang.get(), Page::Overview).href()>{move || lang.get().t(Msg::BackHome)}</a></p>
        </section>
    }
}
