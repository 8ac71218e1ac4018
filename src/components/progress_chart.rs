//! An indicator's progress chart on a page: the chart builder, its layout, and
//! its plain-language description as the chart's accessible name.

use crate::charts::{keys, progress_chart, ChartOpts, Layout};
use crate::components::island::{self, island};
use crate::components::{ChartHost, ChartSpec};
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
    let spec = Memo::new(move |_| progress_spec(&ind, lang.get(), layout));
    let props = {
        let class = class.clone();
        move || ChartProps { spec: spec.get_untracked(), class }
    };
    island(island::CHART, props, view! { <ChartHost spec lang class/> })
}

/// What the islands build draws a chart from (`crate::islands`): the chart's
/// spec in the page's language, and its box's CSS class.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ChartProps {
    pub spec: ChartSpec,
    pub class: String,
}

/// What an indicator's progress chart draws in `lang`. A full chart is read
/// point by point from the keyboard; the overview's small one is part of a
/// card that links to it.
pub fn progress_spec(ind: &Indicator, lang: Lang, layout: Layout) -> ChartSpec {
    let mut spec = ChartSpec::new(|dark| progress_chart(ind, &ChartOpts { lang, dark, layout }));
    spec.describe = Some(i18n::chart_description(lang, ind));
    spec.keyboard = layout == Layout::Page;
    if spec.keyboard {
        spec.against = keys::key_points(&spec.light, |item, _| item.to_string())
            .into_iter()
            .filter_map(|p| i18n::against_target(lang, ind, p.value).map(|words| (p.value, words)))
            .collect();
    }
    spec
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::progress::tests::pm25;

    #[test]
    fn a_page_chart_carries_the_words_of_every_point_the_keyboard_reaches() {
        let ind = pm25();
        for lang in [Lang::Zh, Lang::En] {
            let spec = progress_spec(&ind, lang, Layout::Page);
            assert!(spec.keyboard);
            assert_eq!(spec.describe, Some(i18n::chart_description(lang, &ind)));
            assert_ne!(spec.light, spec.dark, "the dark look has colours of its own");
            let points = keys::key_points(&spec.light, |item, _| item.to_string());
            assert!(points.iter().any(|p| p.value == 25.7), "the 2024 value is reachable");
            for p in &points {
                let carried = spec.against.iter().find(|(v, _)| *v == p.value).map(|(_, words)| words.clone());
                assert_eq!(carried, i18n::against_target(lang, &ind, p.value), "{lang:?} {}", p.value);
            }
        }
    }

    #[test]
    fn a_compact_chart_is_named_but_not_read_by_keyboard() {
        let ind = pm25();
        let spec = progress_spec(&ind, Lang::Zh, Layout::Compact);
        assert!(!spec.keyboard);
        assert!(spec.against.is_empty());
        assert_eq!(spec.describe, Some(i18n::chart_description(Lang::Zh, &ind)));
    }
}
