//! The status badge: symbol, words and colour together, so the status is never
//! told by colour alone.

use crate::i18n::{self, Lang};
use crate::model::Status;
use leptos::prelude::*;

/// `year`: the year the status is based on, said on the badge for a judged
/// status ("进展落后（据2024年）"), so nobody takes a 2021 verdict for today's.
#[component]
pub fn StatusBadge(
    status: Status,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional_no_strip)] year: Option<i32>,
) -> impl IntoView {
    let year = year.filter(|_| status.is_judged());
    view! {
        <span class=format!("status status--{}", status.key()) data-testid="status">
            <span class="status__icon" aria-hidden="true">{i18n::status_icon(status)}</span>
            <span data-testid="status-name">{move || i18n::status_name(lang.get(), status)}</span>
            {move || year.map(|y| view! { <span class="status__year">{i18n::status_year(lang.get(), y)}</span> })}
        </span>
    }
}
