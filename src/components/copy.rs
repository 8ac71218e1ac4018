//! Buttons that copy text to the clipboard (or share a link) and say, in a
//! status line a screen reader announces, whether it worked.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the last copy did.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

/// Copies `text`, then records whether it worked.
fn copy(text: &str, set_outcome: WriteSignal<Outcome>) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        set_outcome.set(if copied { Outcome::Copied } else { Outcome::Failed });
    });
}

/// The button and its status line.
fn button_with_status(
    label: Msg,
    lang: Signal<Lang>,
    testid: &'static str,
    outcome: ReadSignal<Outcome>,
    on_press: impl Fn() + 'static,
) -> impl IntoView {
    let said = move || match outcome.get() {
        Outcome::Idle => "",
        Outcome::Copied => lang.get().t(Msg::Copied),
        Outcome::Failed => lang.get().t(Msg::CopyFailed),
    };
    view! {
        <button type="button" class="button" data-testid=testid on:click=move |_| on_press()>{move || lang.get().t(label)}</button>
        " " <span class="copy-status" role="status">{said}</span>
    }
}

#[component]
pub fn CopyButton(
    /// The text to copy, read when the button is pressed.
    #[prop(into)]
    text: Signal<String>,
    /// The button's words.
    label: Msg,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let (outcome, set_outcome) = signal(Outcome::Idle);
    button_with_status(label, lang, testid, outcome, move || copy(&text.get_untracked(), set_outcome))
}

/// Opens the device's share sheet (Web Share API) with the page's title and
/// address where there is one (phones); elsewhere copies "title — address".
#[component]
pub fn ShareButton(title: String, url: String, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let (outcome, set_outcome) = signal(Outcome::Idle);
    let share = move || {
        let navigator = window().navigator();
        if js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false) {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            let shared = wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data));
            // Closing the sheet without sharing is not an error worth saying.
            leptos::task::spawn_local(async move { drop(shared.await) });
        } else {
            copy(&format!("{title} — {url}"), set_outcome);
        }
    };
    button_with_status(Msg::ShareLink, lang, "share-link", outcome, share)
}
