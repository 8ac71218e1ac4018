//! Islands: the interactive parts of a page the build rendered, each woken on
//! its own by the islands build (`crate::islands`, src/bin/islands.rs), which
//! carries none of the pages, the data parser or the chart builders.
//!
//! An island is its view inside `<div class="island" data-island="…"
//! data-props="…">`: its name, and as JSON the props the islands build
//! hydrates it from. The full app renders the same wrapper, so one view tree
//! serves both; only the build writes the props, and only into the pages the
//! islands build wakes (`WriteProps`). The wrapper is `display: contents`: it
//! takes no part in the layout.

use leptos::prelude::*;
use serde::Serialize;

/// The islands, by the name their wrapper carries (`crate::islands::wake`).
pub const DISPLAY: &str = "display";
pub const CHART: &str = "chart";
pub const SEARCH: &str = "search";
pub const CITATION: &str = "citation";
pub const FILTER: &str = "filter";
pub const VIEWS: &str = "views";
pub const SHARE: &str = "share";
pub const ADDRESS: &str = "address";
pub const REPORT: &str = "report";
pub const COMPARE: &str = "compare";
pub const SORT: &str = "sort";
pub const SERIES_EMBED: &str = "series-embed";

/// Provided by the build while it renders a page (`sitegen pages`): its islands
/// carry their props, which the site's wasm wakes them from. A page the embed's
/// build draws in the browser needs none.
#[derive(Clone, Copy, Debug)]
pub struct WriteProps;

/// `inner`, marked as the island `name` with its props (made only when written).
pub fn island<P: Serialize>(name: &'static str, props: impl FnOnce() -> P, inner: impl IntoView) -> impl IntoView {
    let props = use_context::<WriteProps>().map(|_| serde_json::to_string(&props()).unwrap_or_default());
    view! { <div class="island" data-island=name data-props=props>{inner}</div> }
}
