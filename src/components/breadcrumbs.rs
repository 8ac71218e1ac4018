//! The trail from the overview to the current page.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// `trail`: (label, link); the last item is the current page and has no link.
#[component]
pub fn Breadcrumbs(#[prop(into)] lang: Signal<Lang>, trail: Vec<(String, Option<String>)>) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label=move || lang.get().t(Msg::Breadcrumbs)>
            <ol>
                {trail.into_iter().map(|(label, href)| match href {
                    Some(href) => view! { <li><a href=href>{label}</a></li> }.into_any(),
                    None => view! { <li aria-current="page">{label}</li> }.into_any(),
                }).collect_view()}
            </ol>
        </nav>
    }
}
