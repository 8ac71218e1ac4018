//! The status badge: symbol, words and colour together, so the status is never
//! told by colour alone.

use crate::i18n::{self, Lang};
use crate::model::Status;
use leptos::prelude::*;

/// `year`: the year the status is based on, said on the badge for a judged
/// status ("进展落后（据2024年）"), so nobody takes a 2021 verdict for today's.
/// `provisional`: the target year is over and its figure not found, so the
/// status rests on an earlier year: "暂定：已达标（据2024年）".
#[component]
pub fn StatusBadge(
    status: Status,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional_no_strip)] year: Option<i32>,
    #[prop(optional)] provisional: bool,
) -> impl IntoView {
    let year = year.filter(|_| status.is_judged());
    let class = format!("status status--{}{}", status.key(), if provisional { " status--provisional" } else { "" });
    view! {
        <span class=class data-testid="status">
            <span class="status__icon" aria-hidden="true">{i18n::status_icon(status)}</span>
            {provisional.then(|| view! { <span class="status__provisional">{move || i18n::provisional_prefix(lang.get())}</span> })}
            <span data-testid="status-name">{move || i18n::status_name(lang.get(), status)}</span>
            {move || year.map(|y| view! { <span class="status__year">{i18n::status_year(lang.get(), y)}</span> })}
        </span>
    }
}
