//! The status badge: symbol, words and colour together, so the status is never
//! told by colour alone.

use crate::i18n::{self, Lang};
use crate::model::{Reason, Status};
use leptos::prelude::*;

/// CSS modifier of a status, matching `style/status.css`.
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Achieved => "achieved",
        Status::OnTrack => "on-track",
        Status::AtRisk => "at-risk",
        Status::OffTrack => "off-track",
        Status::NotAssessable(Reason::NoTarget) => "context",
        Status::NotAssessable(_) => "not-assessable",
        Status::NoData => "no-data",
    }
}

#[component]
pub fn StatusBadge(status: Status, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    view! {
        <span class=format!("status status--{}", status_class(status)) data-testid="status">
            <span class="status__icon" aria-hidden="true">{i18n::status_icon(status)}</span>
            {move || i18n::status_name(lang.get(), status)}
        </span>
    }
}
