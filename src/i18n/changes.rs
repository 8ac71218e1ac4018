//! What changed between releases, in words: the changes page, the Atom feed and
//! an indicator page's "revised in release …" say it the same way.

use super::labels::{bound_prefix, with_unit};
use super::{paren, value, Lang};
use crate::model::changes::*;
use crate::model::Indicator;

/// A release's heading: "数据更新 2026-12-04", "Data release 2026-12-04".
pub fn release_title(lang: Lang, release: &str) -> String {
    format!("{} {release}", lang.of("数据更新", "Data release"))
}

/// The title of the list of releases (the Atom feed's).
pub fn releases_title(lang: Lang) -> &'static str {
    lang.of("甘肃生态环境目标进展：数据更新", "Gansu eco-environment goals: data releases")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The changes page's heading and document title.
pub fn changes_page_title(lang: Lang) -> &'static str {
    lang.of("数据更新记录", "Data releases")
}

/// The changes page's meta description and lead.
pub fn changes_page_description(lang: Lang) -> &'static str {
    lang.of(
        "每次数据更新都作为一个固定版本保留，旧版本永不改动。这里列出每个版本新增、更正和更换来源的数值，以及未采用的资料。",
        "Every data release is kept as a fixed version that never changes. Here is what each one added, corrected or sourced differently, and what it did not take.",
    )
}

/// The link to a language's Atom feed of releases.
pub fn feed_link(lang: Lang) -> &'static str {
    lang.of("订阅更新（Atom）", "Follow releases (Atom feed)")
}

/// A release's download, named on the changes page.
pub fn release_download(lang: Lang) -> &'static str {
    lang.of("下载此版本全部数据（ZIP）", "Download this release (ZIP)")
}

/// The as-of date of a release, before the date.
pub fn published_on(lang: Lang) -> &'static str {
    lang.of("发布于", "Published")
}

/// The summary of a release's list of changes.
pub fn show_changes(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("逐条变化（{n}条）"),
        (Lang::En, 1) => "The change, item by item".to_string(),
        (Lang::En, n) => format!("All {n} changes, item by item"),
    }
}

/// How many changes of one kind: "更正数值2个", "2 values corrected".
pub fn change_count(lang: Lang, kind: ChangeKind, n: usize) -> String {
    use ChangeKind as K;
    match (lang, kind) {
        (Lang::Zh, K::IndicatorAdded) => format!("新增指标{n}项"),
        (Lang::Zh, K::IndicatorRemoved) => format!("删除指标{n}项"),
        (Lang::Zh, K::ValueAdded) => format!("新增数值{n}个"),
        (Lang::Zh, K::ValueRemoved) => format!("删除数值{n}个"),
        (Lang::Zh, K::ValueChanged) => format!("改用其他来源的数值{n}个"),
        (Lang::Zh, K::ValueCorrected) => format!("更正数值{n}个"),
        (Lang::Zh, K::SourceReplaced) => format!("改注来源的数值{n}个"),
        (Lang::Zh, K::TargetChanged) => format!("目标变化{n}项"),
        (Lang::Zh, K::DetailsChanged) => format!("{n}项指标的说明有更新"),
        (Lang::Zh, K::SourceChanged) => format!("{n}条来源信息有更新"),
        (Lang::En, K::IndicatorAdded) => plural(n, "new indicator", "new indicators"),
        (Lang::En, K::IndicatorRemoved) => plural(n, "indicator removed", "indicators removed"),
        (Lang::En, K::ValueAdded) => plural(n, "value added", "values added"),
        (Lang::En, K::ValueRemoved) => plural(n, "value removed", "values removed"),
        (Lang::En, K::ValueChanged) => {
            plural(n, "value replaced by another source's", "values replaced by another source's")
        }
        (Lang::En, K::ValueCorrected) => plural(n, "value corrected", "values corrected"),
        (Lang::En, K::SourceReplaced) => {
            plural(n, "value credited to another source", "values credited to another source")
        }
        (Lang::En, K::TargetChanged) => plural(n, "target changed", "targets changed"),
        (Lang::En, K::DetailsChanged) => plural(n, "indicator with updated details", "indicators with updated details"),
        (Lang::En, K::SourceChanged) => plural(n, "source entry updated", "source entries updated"),
    }
}

/// The changes of a release counted by kind, in one line. `first` says the
/// release is the first one, which has nothing to differ from.
pub fn changes_summary(lang: Lang, changes: &[Change], first: bool) -> String {
    if first {
        return lang.of("首次发布", "First release").to_string();
    }
    let counts = count_by_kind(changes);
    if counts.is_empty() {
        return lang.of("与上一版相比没有变化", "No difference from the previous release").to_string();
    }
    let parts: Vec<String> = counts.into_iter().map(|(k, n)| change_count(lang, k, n)).collect();
    parts.join(lang.of("；", "; "))
}

fn indicator_field(lang: Lang, f: IndicatorField) -> &'static str {
    use IndicatorField as F;
    match f {
        F::Name => lang.of("名称", "name"),
        F::Area => lang.of("领域", "area"),
        F::Role => lang.of("类别", "role"),
        F::Headline => lang.of("领域代表指标", "headline indicator"),
        F::Unit => lang.of("单位", "unit"),
        F::Direction => lang.of("好坏方向", "direction"),
        F::PlanRef => lang.of("规划条目", "plan section"),
        F::Bases => lang.of("口径", "bases"),
        F::HeadlineBasis => lang.of("主口径", "main basis"),
        F::Target => lang.of("目标说明", "target note"),
        F::OtherTargets => lang.of("其他目标", "other targets"),
        F::Baseline => lang.of("基准值说明", "baseline note"),
        F::Values => lang.of("数值说明", "value notes"),
        F::Notes => lang.of("注释", "notes"),
        F::Publication => lang.of("公布时间", "publication schedule"),
        F::Evidence => lang.of("政府报告的进展", "government's reports"),
    }
}

fn source_field(lang: Lang, f: SourceField) -> &'static str {
    use SourceField as F;
    match f {
        F::Publisher => lang.of("发布者", "publisher"),
        F::Title => lang.of("标题", "title"),
        F::Date => lang.of("日期", "date"),
        F::Url => lang.of("网址", "address"),
        F::Tier => lang.of("来源类型", "tier"),
        F::ReprintedBy => lang.of("转载网站", "reprint site"),
        F::UnsafeSite => lang.of("不予链接的标记", "link withheld"),
        F::Note => lang.of("说明", "note"),
    }
}

/// A figure as written, with the indicator's unit when it is known.
pub fn figure_text(lang: Lang, ind: Option<&Indicator>, f: &Figure) -> String {
    match (f.value, &f.text) {
        (Some(v), _) => {
            let number = ind.map_or_else(|| value(v), |ind| with_unit(lang, ind.unit, v));
            format!("{}{number}", bound_prefix(lang, f.bound))
        }
        (None, Some(t)) => lang.pick(t).to_string(),
        (None, None) => String::new(),
    }
}

/// Where a figure is: "2024年（1—11月，扣除沙尘）", "2024 (Jan–Nov, dust removed)".
/// The basis is named only when the indicator has several.
fn place(lang: Lang, ind: Option<&Indicator>, at: &FigureAt) -> String {
    let year = match lang {
        Lang::Zh => format!("{}年", at.year),
        Lang::En => at.year.to_string(),
    };
    let mut parts: Vec<&str> = Vec::new();
    if at.baseline {
        parts.push(lang.of("基准值", "baseline"));
    }
    if let Some(label) = at.period.label() {
        parts.push(lang.pick(label));
    }
    let basis = ind.filter(|i| i.bases.len() > 1).and_then(|i| i.basis(at.basis.as_ref()?));
    if let Some(b) = basis {
        parts.push(lang.pick(&b.label));
    }
    if at.alternative {
        parts.push(lang.of("备选数值", "alternative figure"));
    }
    if parts.is_empty() {
        year
    } else {
        paren(lang, &year, &parts.join(lang.of("，", ", ")))
    }
}

/// One change in one line. `ind` is the indicator the change is about, as the
/// release has it (for its name, unit and bases); without it, its id is shown.
pub fn change_line(lang: Lang, change: &Change, ind: Option<&Indicator>) -> String {
    let name = match (ind, change.indicator()) {
        (Some(ind), _) => lang.pick(&ind.name).to_string(),
        (None, Some(id)) => id.to_string(),
        (None, None) => String::new(),
    };
    let fig = |c: &Option<Cited>| c.as_ref().map(|c| figure_text(lang, ind, &c.figure)).unwrap_or_default();
    let target = |t: &Option<crate::model::Target>| {
        t.as_ref().map_or_else(String::new, |t| match ind {
            Some(ind) => super::target_phrase(lang, ind, t),
            None => lang.pick(&t.wording).to_string(),
        })
    };
    let head = |v: &ValueChange| match lang {
        Lang::Zh => format!("{name} {}：", place(lang, ind, &v.at)),
        Lang::En => format!("{name}, {}: ", place(lang, ind, &v.at)),
    };
    match (lang, change) {
        (Lang::Zh, Change::IndicatorAdded { name, .. }) => format!("新增指标：{}", lang.pick(name)),
        (Lang::En, Change::IndicatorAdded { name, .. }) => format!("New indicator: {}", lang.pick(name)),
        (Lang::Zh, Change::IndicatorRemoved { name, .. }) => format!("删除指标：{}", lang.pick(name)),
        (Lang::En, Change::IndicatorRemoved { name, .. }) => format!("Indicator removed: {}", lang.pick(name)),
        (Lang::Zh, Change::ValueAdded(v)) => format!("{}新增 {}", head(v), fig(&v.to)),
        (Lang::En, Change::ValueAdded(v)) => format!("{}added {}", head(v), fig(&v.to)),
        (Lang::Zh, Change::ValueRemoved(v)) => format!("{}删除 {}", head(v), fig(&v.from)),
        (Lang::En, Change::ValueRemoved(v)) => format!("{}removed {}", head(v), fig(&v.from)),
        (Lang::Zh, Change::ValueChanged(v)) => {
            format!("{}{} → {}（改用其他来源的数值）", head(v), fig(&v.from), fig(&v.to))
        }
        (Lang::En, Change::ValueChanged(v)) => {
            format!("{}{} → {} (another source's figure)", head(v), fig(&v.from), fig(&v.to))
        }
        (Lang::Zh, Change::ValueCorrected(v)) => format!("{}{} → {}（更正）", head(v), fig(&v.from), fig(&v.to)),
        (Lang::En, Change::ValueCorrected(v)) => format!("{}{} → {} (corrected)", head(v), fig(&v.from), fig(&v.to)),
        (Lang::Zh, Change::SourceReplaced(v)) => format!("{}{}，改注其他来源", head(v), fig(&v.to)),
        (Lang::En, Change::SourceReplaced(v)) => format!("{}{}, now credited to another source", head(v), fig(&v.to)),
        (Lang::Zh, Change::TargetChanged { from, to, .. }) => match (from, to) {
            (Some(_), Some(_)) => format!("{name}：目标由 {} 改为 {}", target(from), target(to)),
            (None, _) => format!("{name}：新设目标 {}", target(to)),
            (Some(_), None) => format!("{name}：取消目标 {}", target(from)),
        },
        (Lang::En, Change::TargetChanged { from, to, .. }) => match (from, to) {
            (Some(_), Some(_)) => format!("{name}: target changed from {} to {}", target(from), target(to)),
            (None, _) => format!("{name}: target set: {}", target(to)),
            (Some(_), None) => format!("{name}: target {} dropped", target(from)),
        },
        (_, Change::DetailsChanged { fields, .. }) => {
            let fields: Vec<&str> = fields.iter().map(|f| indicator_field(lang, *f)).collect();
            match lang {
                Lang::Zh => format!("{name}：{}有更新", fields.join("、")),
                Lang::En => format!("{name}: {} updated", fields.join(", ")),
            }
        }
        (_, Change::SourceChanged { title, fields, .. }) => {
            let fields: Vec<&str> = fields.iter().map(|f| source_field(lang, *f)).collect();
            match lang {
                Lang::Zh => format!("来源“{}”：{}有更新", lang.pick(title), fields.join("、")),
                Lang::En => format!("Source “{}”: {} updated", lang.pick(title), fields.join(", ")),
            }
        }
    }
}

/// Beside a figure marked `revised` (with the release's id): "于2026-12-20版修订",
/// "revised in release 2026-12-20". What it was is on the changes page.
pub fn revised_in(lang: Lang, release: &str) -> String {
    match lang {
        Lang::Zh => format!("于{release}版修订"),
        Lang::En => format!("revised in release {release}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IndicatorId, Period, Text};
    use serde_json::json;

    fn pm25() -> Indicator {
        serde_json::from_value(json!({
            "id": "AIR-02", "area": "air", "role": "goal", "name": { "zh": "细颗粒物", "en": "PM2.5" },
            "unit": "ug_m3", "direction": "lower_better",
            "bases": [
                { "id": "all", "label": { "zh": "全部", "en": "all days" } },
                { "id": "excl-dust", "label": { "zh": "扣除沙尘", "en": "dust removed" } }
            ],
            "headline_basis": "excl-dust", "values": []
        }))
        .unwrap()
    }

    fn corrected() -> Change {
        let cited = |v: f64| Cited { figure: Figure { value: Some(v), bound: None, text: None }, source: "r".into() };
        Change::ValueCorrected(ValueChange {
            indicator: IndicatorId::from("AIR-02"),
            at: FigureAt {
                year: 2024,
                basis: Some("excl-dust".into()),
                period: Period::Partial { label: Text { zh: "1—11月".into(), en: "Jan–Nov".into() } },
                baseline: false,
                alternative: false,
            },
            from: Some(cited(24.0)),
            to: Some(cited(23.5)),
        })
    }

    #[test]
    fn a_change_says_what_where_and_from_what_to_what() {
        let ind = pm25();
        assert_eq!(
            change_line(Lang::Zh, &corrected(), Some(&ind)),
            "细颗粒物 2024年（1—11月，扣除沙尘）：24 μg/m³ → 23.5 μg/m³（更正）"
        );
        assert_eq!(
            change_line(Lang::En, &corrected(), Some(&ind)),
            "PM2.5, 2024 (Jan–Nov, dust removed): 24 μg/m³ → 23.5 μg/m³ (corrected)"
        );
        // Without the indicator: its id and bare numbers.
        assert_eq!(change_line(Lang::En, &corrected(), None), "AIR-02, 2024 (Jan–Nov): 24 → 23.5 (corrected)");
        let details = Change::DetailsChanged {
            indicator: "AIR-02".into(),
            fields: vec![IndicatorField::Name, IndicatorField::Notes],
        };
        assert_eq!(change_line(Lang::Zh, &details, Some(&ind)), "细颗粒物：名称、注释有更新");
        assert_eq!(change_line(Lang::En, &details, Some(&ind)), "PM2.5: name, notes updated");
    }

    #[test]
    fn counts_are_summed_up_per_kind_in_both_languages() {
        let changes = [corrected(), corrected()];
        assert_eq!(changes_summary(Lang::Zh, &changes, false), "更正数值2个");
        assert_eq!(changes_summary(Lang::En, &changes, false), "2 values corrected");
        assert_eq!(changes_summary(Lang::En, &[], false), "No difference from the previous release");
        assert_eq!(changes_summary(Lang::Zh, &[], true), "首次发布");
        for kind in ChangeKind::ALL {
            assert!(change_count(Lang::En, kind, 1).starts_with("1 "), "{kind:?}");
            assert!(change_count(Lang::Zh, kind, 3).contains('3'), "{kind:?}");
        }
    }

    #[test]
    fn a_figure_with_its_bound_and_a_revised_one_with_its_release() {
        let mut ind = pm25();
        ind.unit = crate::model::Unit::Percent;
        let f = Figure { value: Some(91.0), bound: Some(crate::model::Bound::AtLeast), text: None };
        assert_eq!(figure_text(Lang::Zh, Some(&ind), &f), "≥91%");
        assert_eq!(figure_text(Lang::En, None, &f), "≥91");
        assert_eq!(revised_in(Lang::Zh, "2026-12-20"), "于2026-12-20版修订");
        assert_eq!(revised_in(Lang::En, "2026-12-20"), "revised in release 2026-12-20");
    }
}
