//! The status badge: symbol, words and colour together, so the status is never
//! told by colour alone.

use crate::i18n::{self, Lang};
use crate::model::Status;
use crate::present::status_key;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(status: Status, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    view! {
        <span class=format!("status status--{}", status_key(status)) data-testid="status">
            <span class="status__icon" aria-hidden="true">{i18n::status_icon(status)}</span>
            {move || i18n::status_name(lang.get(), status)}
        </span>
    }
}
