//! A button that copies text to the clipboard and says, in a status line a
//! screen reader announces, whether it worked.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// What the last copy did.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
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
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&text.get_untracked());
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            set_outcome.set(if copied { Outcome::Copied } else { Outcome::Failed });
        });
    };
    let said = move || match outcome.get() {
        Outcome::Idle => "",
        Outcome::Copied => lang.get().t(Msg::Copied),
        Outcome::Failed => lang.get().t(Msg::CopyFailed),
    };
    view! {
        <button type="button" class="button" data-testid=testid on:click=copy>{move || lang.get().t(label)}</button>
        " " <span class="copy-status" role="status">{said}</span>
    }
}
