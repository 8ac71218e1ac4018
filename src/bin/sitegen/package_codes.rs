//! The closed vocabularies of the CSV's coded columns (area, unit, row, period,
//! basis, bound, target kind, source tier, status, publication, report, claim,
//! place):
//! every code and what it means in both languages.
//!
//! The codes are listed from the Rust enums themselves — through their JSON
//! Schema, so a new variant appears here without anyone retyping a list — and
//! named in the site's own words (`i18n`) where it has them; a `match` over
//! each enum gives the rest, so a new variant does not compile without words.
//! Basis ids are declared per indicator, so their list comes from the release;
//! places are the province and its 14 cities and prefectures (`model::place`).

use gansu_eco_dashboard::i18n::{self, Lang, Msg};
use gansu_eco_dashboard::model::csv::PROVINCE_NAME;
use gansu_eco_dashboard::model::dataset::WholeDataset;
use gansu_eco_dashboard::model::place::{self, PLACES};
use gansu_eco_dashboard::model::scorecard::Report;
use gansu_eco_dashboard::model::{
    Area, Bound, Period, PublicationKind, Reason, Reported, Status, TargetKind, Text, Tier, Unit,
};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// A closed vocabulary of the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    Area,
    Unit,
    Row,
    Period,
    Basis,
    Bound,
    TargetKind,
    Tier,
    Status,
    /// Where an indicator's yearly figure usually appears.
    Publication,
    /// What the government reports of a goal set in words.
    Report,
    /// What one statement says of its goal.
    Claim,
    /// GB/T 2260 codes: the province, then its cities and prefectures.
    Place,
}

/// One code of a closed vocabulary, with what it means in both languages
/// (empty for basis ids, whose names are in `basis_zh`/`basis_en`).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub value: String,
    pub label: Text,
}

fn code(value: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Code {
    Code { value: value.into(), label: Text { zh: zh.into(), en: en.into() } }
}

/// The values an enum serialises to, read from its JSON Schema: a plain
/// `enum`, or a `oneOf` of `const`s (variants with doc comments) or of tagged
/// objects (`{"kind": …}`). Each comes with its JSON Schema description.
pub fn schema_values<T: JsonSchema>() -> Vec<(String, String)> {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default();
    let description = |v: &Value| v.get("description").and_then(Value::as_str).unwrap_or_default().to_string();
    let mut out = Vec::new();
    let mut take = |v: &Value, desc: String| {
        let kind = v.pointer("/properties/kind").unwrap_or(v);
        let consts = kind.get("const").into_iter();
        let enums = kind.get("enum").and_then(Value::as_array).into_iter().flatten();
        for s in consts.chain(enums).filter_map(Value::as_str) {
            out.push((s.to_string(), desc.clone()));
        }
    };
    take(&schema, String::new());
    for item in ["oneOf", "anyOf"].iter().filter_map(|k| schema.get(k)).filter_map(Value::as_array).flatten() {
        take(item, description(item));
    }
    out
}

/// Every variant of a fieldless enum, with its serialised name and description.
fn variants<T: JsonSchema + DeserializeOwned>() -> Vec<(String, String, T)> {
    schema_values::<T>()
        .into_iter()
        .filter_map(|(name, desc)| serde_json::from_value(json!(name)).ok().map(|v| (name, desc, v)))
        .collect()
}

fn sorted<T>(mut list: Vec<(String, String, T)>) -> Vec<(String, String, T)> {
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

/// Every status an indicator can have, one per CSV key.
const STATUSES: [Status; 8] = [
    Status::Achieved,
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::Missed,
    Status::NotAssessable(Reason::NoTarget),
    Status::NotAssessable(Reason::Qualitative),
    Status::NoData,
];

/// What a status means, in a phrase; the method itself is in the README.
fn status_meaning(status: Status) -> (String, String) {
    let (zh, en) = match status {
        Status::Achieved => ("最新一年的数值已在目标范围内", "the latest year's value is within the target"),
        Status::OnTrack => {
            ("尚未达标，实际速度达到所需速度的95%以上", "not met yet, moving at 95% or more of the pace needed")
        }
        Status::AtRisk => ("尚未达标，实际速度为所需速度的60%—95%", "not met yet, moving at 60–95% of the pace needed"),
        Status::OffTrack => (
            "尚未达标，实际速度不到所需速度的60%或方向相反",
            "not met yet, below 60% of the pace needed or moving the wrong way",
        ),
        Status::Missed => {
            ("目标年份（或之后）的数值未达到目标", "the target year's (or a later) value misses the target")
        }
        Status::NotAssessable(Reason::NoTarget) => {
            let [zh, en] =
                [Lang::Zh, Lang::En].map(|l| i18n::reason_text(l, Reason::NoTarget).trim_end_matches(['。', '.']));
            return (zh.to_string(), lower_first(en));
        }
        Status::NotAssessable(_) => (
            "有目标，但公开的数值不足以判断（原因见网站上该指标的页面）",
            "there is a target, but the published figures cannot settle it (the indicator's page on the site says why)",
        ),
        Status::NoData => ("规划期内还没有任何公开数值", "nothing has been published for the plan period yet"),
    };
    (zh.to_string(), en.to_string())
}

/// "The plan sets…" → "the plan sets…", to follow a colon.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn status_codes() -> Vec<Code> {
    STATUSES
        .into_iter()
        .map(|s| {
            let [key, zh, en] = i18n::status_columns(s);
            let (mzh, men) = status_meaning(s);
            code(key, format!("{zh}：{mzh}"), format!("{en}: {men}"))
        })
        .collect()
}

/// Every report a goal set in words can have, named as its badge names it, with
/// what it means. A new report does not compile in the `match` until it has
/// words; add it to the list there too.
fn report_codes() -> Vec<Code> {
    [Report::Done, Report::InProgress, Report::NoneFound]
        .into_iter()
        .map(|r| {
            let (zh, en) = match r {
                Report::Done => {
                    ("最新一份政府表述称整项目标已完成", "the newest government statement says it is all done")
                }
                Report::InProgress => (
                    "最新一份政府表述称在推进，或只完成了一部分",
                    "the newest government statement reports work under way, or part of it done",
                ),
                Report::NoneFound => ("没有找到关于该目标的政府表述", "no government statement on it was found"),
            };
            // The name already holds a colon ("Government reports: done"): the
            // meaning follows in brackets.
            let [zh, en] = [(Lang::Zh, zh), (Lang::En, en)].map(|(l, m)| i18n::paren(l, i18n::report_name(l, r), m));
            code(r.key(), zh, en)
        })
        .collect()
}

fn period_label(p: &Period) -> (&'static str, &'static str) {
    match p {
        Period::FullYear => ("全年", "the whole year"),
        Period::Partial { .. } => {
            ("一年中的部分时段（如1—11月），不用于判断", "part of the year (e.g. January–November), never judged")
        }
        Period::PointInTime { .. } => ("某一时点的读数（如年底）", "a reading at a date (e.g. the end of the year)"),
        Period::MultiYear { .. } => {
            ("覆盖多年的数值（如规划期以来累计）", "a figure covering several years (e.g. the plan period so far)")
        }
    }
}

fn bound_label(b: Bound) -> (&'static str, &'static str) {
    match b {
        Bound::AtLeast => ("不低于此数（原文“以上”“超过”）", "at least this (“以上”, “超过”)"),
        Bound::AtMost => ("不高于此数（原文“以内”）", "at most this (“以内”)"),
        Bound::About => ("约数（原文“约”“近”）", "about this (“约”, “近”)"),
    }
}

fn target_kind_label(k: TargetKind) -> (&'static str, &'static str) {
    match k {
        TargetKind::AtLeast => ("达到或保持不低于 value", "reach or keep at least `value`"),
        TargetKind::AtMost => ("控制在 value 以内", "stay at or below `value`"),
        TargetKind::ReduceByPercent => ("较参照年份下降 value%", "cut by `value` percent from a reference year"),
        TargetKind::CumulativeTotal => {
            ("规划期内各年数量累计达到 value", "yearly amounts over the plan period add up to `value`")
        }
        TargetKind::Qualitative => ("文字承诺，没有数值", "a commitment in words, with no number"),
    }
}

/// The rows the CSV writer produces (`model::csv::rows`).
fn row_codes() -> Vec<Code> {
    let [baseline, target, other] = [Msg::Baseline, Msg::Target, Msg::OtherTargets];
    vec![
        code(
            "baseline",
            format!("{}：规划据以衡量进展的数值（通常为2020年）", baseline.text(Lang::Zh)),
            format!("{}: the value the plan measures progress from (normally 2020)", baseline.text(Lang::En)),
        ),
        code("value", "公开发布的数值或文字表述", "a published figure or statement"),
        code(
            "target",
            format!("{}：规划的目标", target.text(Lang::Zh)),
            format!("{}: the plan's target", target.text(Lang::En)),
        ),
        code(
            "other_target",
            format!("{}：显示，不用于判断", other.text(Lang::Zh)),
            format!("{}: shown, never judged", other.text(Lang::En)),
        ),
        code(
            "statement",
            format!(
                "{}：政府公开表述中关于文字目标的原话，year 为发布年份",
                i18n::report_heading(Lang::Zh)
            ),
            format!(
                "{}: a published government statement on a goal set in words, quoted; `year` is the year it was published",
                i18n::report_heading(Lang::En)
            ),
        ),
    ]
}

/// The codes of a vocabulary. Basis ids are those the release's indicators declare.
pub fn codes(vocab: Vocab, data: &WholeDataset) -> Vec<Code> {
    let pair = |v: String, (zh, en): (&str, &str)| code(v, zh, en);
    match vocab {
        Vocab::Area => {
            Area::ALL.map(|a| code(a.slug(), i18n::area_name(Lang::Zh, a), i18n::area_name(Lang::En, a))).to_vec()
        }
        // Sorted: the schema lists documented variants apart from the others.
        Vocab::Unit => sorted(variants::<Unit>())
            .into_iter()
            .map(|(v, desc, u)| {
                let (zh, en) = (i18n::unit_symbol(Lang::Zh, u), i18n::unit_symbol(Lang::En, u));
                let en = if en.is_empty() { lower_first(desc.trim_end_matches('.')) } else { en.to_string() };
                code(v, if zh.is_empty() { "无单位" } else { zh }, en)
            })
            .collect(),
        Vocab::Row => row_codes(),
        Vocab::Period => schema_values::<Period>()
            .into_iter()
            .filter_map(|(v, _)| {
                let p: Period = serde_json::from_value(json!({"kind": v, "label": Text::default()})).ok()?;
                Some(pair(v, period_label(&p)))
            })
            .collect(),
        Vocab::Basis => {
            let mut ids: Vec<String> =
                data.indicators.iter().flat_map(|i| &i.bases).map(|b| b.id.to_string()).collect();
            ids.sort();
            ids.dedup();
            ids.into_iter().map(|id| code(id, "", "")).collect()
        }
        Vocab::Bound => variants::<Bound>().into_iter().map(|(v, _, b)| pair(v, bound_label(b))).collect(),
        Vocab::TargetKind => {
            variants::<TargetKind>().into_iter().map(|(v, _, k)| pair(v, target_kind_label(k))).collect()
        }
        Vocab::Tier => variants::<Tier>()
            .into_iter()
            .map(|(v, _, t)| code(v, i18n::tier_name(Lang::Zh, t), i18n::tier_name(Lang::En, t)))
            .collect(),
        Vocab::Status => status_codes(),
        Vocab::Publication => variants::<PublicationKind>()
            .into_iter()
            .map(|(v, _, k)| code(v, i18n::publication_name(Lang::Zh, k), i18n::publication_name(Lang::En, k)))
            .collect(),
        Vocab::Report => report_codes(),
        Vocab::Claim => variants::<Reported>()
            .into_iter()
            .map(|(v, _, r)| code(v, i18n::reported_name(Lang::Zh, r), i18n::reported_name(Lang::En, r)))
            .collect(),
        Vocab::Place => std::iter::once(code(place::PROVINCE, PROVINCE_NAME[0], PROVINCE_NAME[1]))
            .chain(PLACES.iter().map(|p| code(p.code, p.zh, p.en)))
            .collect(),
    }
}
