//! The frame around every page: header with the language switch, and footer.

use crate::i18n::{self, Lang, Msg};
use crate::route::{Page, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A link to an element of this page. Every page has `<base href>` at the site
/// root, so a bare `href="#id"` would resolve to the home page and leave this
/// one; the address names the page, and a click moves focus to the element
/// without a navigation (the address stays as it is).
#[component]
pub fn InPageLink(
    #[prop(into)] target: String,
    #[prop(into, optional)] class: Option<String>,
    #[prop(into, optional)] label: Option<String>,
    children: Children,
) -> impl IntoView {
    let route = crate::context::use_route();
    let href = {
        let target = target.clone();
        move || format!("{}#{target}", route.get().href())
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_element(&target);
    };
    view! { <a href=href class=class aria-label=label on:click=on_click>{children()}</a> }
}

/// Scrolls to and focuses the element with this id, making it focusable first.
pub fn focus_element(id: &str) {
    let Some(el) = document().get_element_by_id(id) else { return };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

#[component]
pub fn Header(route: Memo<Route>) -> impl IntoView {
    let lang = Signal::derive(move || route.get().lang);
    let home = move || Route::new(lang.get(), Page::Overview).href();
    // The same page in the other language; from the not-found page (one file for
    // every address, `404.html`), the other language's overview.
    let other = move || match route.get() {
        Route { page: Page::NotFound, .. } => Route::new(lang.get().other(), Page::Overview),
        here => here.in_lang(lang.get().other()),
    };
    let about = move |section: &str| format!("{}{section}", Route::new(lang.get(), Page::About).href());
    view! {
        <header class="site-header">
            <a class="site-header__title" href=home>{move || lang.get().t(Msg::SiteShortTitle)}</a>
            <nav class="site-header__nav" aria-label=move || lang.get().t(Msg::SiteNav)>
                <a href=move || about("")>{move || lang.get().t(Msg::About)}</a>
                <a href=move || about("#downloads") data-testid="nav-downloads">{move || lang.get().t(Msg::Downloads)}</a>
            </nav>
            {super::island::island(super::island::DISPLAY, || (), view! { <DisplayOptions lang/> })}
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

/// The reader's display choices, two toggle buttons: larger text and high
/// contrast (`context::Display`), kept in this browser for every page.
#[component]
pub fn DisplayOptions(lang: Signal<Lang>) -> impl IntoView {
    use crate::context::Display;
    let display = use_context::<RwSignal<Display>>()?;
    // One button per choice, given the choice's field.
    let button = move |label: Msg, testid: &'static str, choice: fn(&mut Display) -> &mut bool| {
        let pressed = move || {
            let mut d = display.get();
            choice(&mut d).to_string()
        };
        let flip = move |_| {
            display.update(|d| {
                let on = choice(d);
                *on = !*on;
                d.apply();
            })
        };
        view! {
            <button type="button" aria-pressed=pressed on:click=flip data-testid=testid>
                {move || lang.get().t(label)}
            </button>
        }
    };
    Some(view! {
        <div class="display-options" role="group" aria-label=move || lang.get().t(Msg::DisplayOptions)>
            {button(Msg::LargeText, "large-text", |d| &mut d.large_text)}
            {button(Msg::HighContrast, "high-contrast", |d| &mut d.high_contrast)}
        </div>
    })
}

#[component]
pub fn Footer(#[prop(into)] lang: Signal<Lang>, #[prop(into)] as_of: Signal<Option<String>>) -> impl IntoView {
    let about = move |section: &str| format!("{}{section}", Route::new(lang.get(), Page::About).href());
    view! {
        <footer class="site-footer">
            <nav class="site-footer__nav" aria-label=move || lang.get().t(Msg::FooterNav)>
                <a href=move || about("")>{move || lang.get().t(Msg::About)}</a>
                <a href=move || about("#downloads")>{move || lang.get().t(Msg::Downloads)}</a>
                <a href=move || Route::new(lang.get(), Page::Changes).href() data-testid="changes-link">
                    {move || i18n::changes_page_title(lang.get())}
                </a>
                <a href=move || about("#licence")>{move || lang.get().t(Msg::Licence)}</a>
                <a href=move || about("#plan")>{move || lang.get().t(Msg::ThePlanText)}</a>
            </nav>
            {move || as_of.get().map(|d| view! {
                <p data-testid="as-of">{lang.get().t(Msg::DataAsOf)} " " {i18n::date(lang.get(), &d)}</p>
            })}
            <p>{move || lang.get().t(Msg::FooterData)}</p>
            <p>{move || lang.get().t(Msg::FooterSource)}</p>
        </footer>
    }
}
