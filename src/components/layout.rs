//! The frame around every page: header with the language switch, and footer.

use crate::i18n::{self, Lang, Msg};
use crate::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn Header(route: Memo<Route>) -> impl IntoView {
    let lang = Signal::derive(move || route.get().lang);
    let home = move || Route::new(lang.get(), Page::Overview).href();
    let other = move || route.get().in_lang(lang.get().other());
    view! {
        <header class="site-header">
            <a class="site-header__title" href=home>{move || lang.get().t(Msg::SiteShortTitle)}</a>
            <a
                class="site-header__lang"
                href=move || other().href()
                hreflang=move || other().lang.code()
                lang=move || other().lang.code()
                data-testid="lang-switch"
            >
                {move || lang.get().t(Msg::SwitchLanguage)}
            </a>
        </header>
    }
}

#[component]
pub fn Footer(#[prop(into)] lang: Signal<Lang>, #[prop(into)] as_of: Signal<Option<String>>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            {move || as_of.get().map(|d| view! {
                <p data-testid="as-of">{lang.get().t(Msg::DataAsOf)} " " {i18n::date(lang.get(), &d)}</p>
            })}
            <p>{move || lang.get().t(Msg::FooterData)}</p>
            <p>{move || lang.get().t(Msg::FooterSource)}</p>
        </footer>
    }
}
