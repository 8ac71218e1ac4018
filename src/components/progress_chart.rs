//! An indicator's progress chart on a page: the chart builder, its layout, and
//! its plain-language description as the chart's accessible name.

use crate::charts::{progress_chart, ChartOpts, Layout};
use crate::components::ChartHost;
use crate::i18n::{self, Lang};
use crate::model::Indicator;
use leptos::prelude::*;

#[component]
pub fn ProgressChart(
    ind: Indicator,
    #[prop(into)] lang: Signal<Lang>,
    /// CSS class of the container, which sets its size.
    #[prop(into)]
    class: String,
    #[prop(optional)] layout: Layout,
) -> impl IntoView {
    let describe = {
        let ind = ind.clone();
        Callback::new(move |lang| i18n::chart_description(lang, &ind))
    };
    let against = {
        let ind = ind.clone();
        Callback::new(move |(lang, v): (Lang, f64)| i18n::against_target(lang, &ind, v))
    };
    let make = Callback::new(move |opts: ChartOpts| progress_chart(&ind, &ChartOpts { layout, ..opts }));
    // A full chart is read point by point from the keyboard; the overview's
    // small one is part of a card that links to it.
    let keyboard = layout == Layout::Page;
    view! { <ChartHost make lang class describe keyboard against/> }
}
