//! The closed vocabularies of the data: areas, roles, units, directions, kinds of
//! target, periods, bounds, kinds of note and source tiers. Each is an enum, so an
//! unknown word in a data file is a located parse error, never a silent fallback.

use serde::{Deserialize, Serialize};

#[cfg(feature = "tools")]
use schemars::JsonSchema;

use super::types::Text;

/// The goal areas of the plan, in the order the site shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Air,
    Water,
    Soil,
    Waste,
    Carbon,
    Ecology,
    Governance,
}

impl Area {
    pub const ALL: [Area; 7] =
        [Area::Air, Area::Water, Area::Soil, Area::Waste, Area::Carbon, Area::Ecology, Area::Governance];

    /// The slug used in URLs and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Area::Air => "air",
            Area::Water => "water",
            Area::Soil => "soil",
            Area::Waste => "waste",
            Area::Carbon => "carbon",
            Area::Ecology => "ecology",
            Area::Governance => "governance",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// Whether an indicator is a goal of the plan or a figure shown for context
/// (13th-plan results, effort counts, related statistics).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Goal,
    Context,
}

/// Units used by the data. Display strings live in `i18n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Percent (also percentage points when a change is shown).
    Percent,
    /// Micrograms per cubic metre.
    UgM3,
    Tonnes,
    /// A count of events (e.g. heavy-pollution episodes).
    Count,
    Years,
    /// 万千瓦, ten thousand kilowatts.
    WanKw,
    /// 亿千瓦时, hundred million kilowatt-hours.
    YiKwh,
    /// 万亩, ten thousand mu (1 mu ≈ 667 m²).
    WanMu,
    /// 亿立方米, hundred million cubic metres.
    YiM3,
    /// 亿元, hundred million yuan.
    YiYuan,
    Villages,
    Parks,
    Tasks,
    Cases,
    /// Administrative control units (三线一单).
    Units,
    /// A dimensionless index.
    Index,
    /// No unit: qualitative indicators and grades.
    None,
}

impl Unit {
    /// Percent-valued indicators must stay within 0–100 (checked by the validator).
    pub fn is_percent(self) -> bool {
        matches!(self, Unit::Percent)
    }
}

/// Which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherBetter,
    LowerBetter,
    /// Neither direction is clearly better (e.g. counts of enforcement cases).
    Neutral,
}

impl Direction {
    /// Signed so that positive is good: +1 unless lower is better.
    pub fn sign(self) -> f64 {
        match self {
            Direction::LowerBetter => -1.0,
            _ => 1.0,
        }
    }
}

/// The kind of commitment a target makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Reach or keep at least `value` (达到 / 以上 / 不低于).
    AtLeast,
    /// Stay at or below the ceiling `value` (控制在 / 以内 / 不高于).
    AtMost,
    /// Cut the level by `value` percent from the level of `reference_year`.
    /// Observed values are cumulative percent reductions since then.
    ReduceByPercent,
    /// Sum of yearly amounts over the plan period reaches `value`
    /// (e.g. 五年累计减排量). Observed values are single-year amounts.
    CumulativeTotal,
    /// A commitment in words only (基本淘汰, 完成国家下达目标). Has no `value`.
    Qualitative,
}

/// Where a target is written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetOrigin {
    /// The plan's own text.
    Plan,
    /// The official briefing that presented the plan's indicator table.
    PlanBriefing,
    /// A related provincial plan (carbon peaking, forestry, rural pollution…).
    RelatedPlan,
}

/// What period an observed value covers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Period {
    /// The whole calendar year (the default).
    #[default]
    FullYear,
    /// Part of the year, e.g. 1—11月. Shown, never used to judge a status.
    Partial { label: Text },
    /// A reading at one date within the year, e.g. end of June.
    PointInTime { label: Text },
    /// A figure covering several years, e.g. the whole plan period so far.
    MultiYear { label: Text },
}

impl Period {
    pub fn is_full_year(&self) -> bool {
        matches!(self, Period::FullYear)
    }

    /// The label of anything but a full year ("1—11月", "年底").
    pub fn label(&self) -> Option<&Text> {
        match self {
            Period::FullYear => None,
            Period::Partial { label } | Period::PointInTime { label } | Period::MultiYear { label } => Some(label),
        }
    }
}

/// How exact a published figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "91%以上", "超过", ">": the true value is at least this.
    AtLeast,
    /// "以内", "≤": the true value is at most this.
    AtMost,
    /// "约", "近": an approximate figure.
    About,
}

/// What a note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Two sources disagree.
    Conflict,
    /// Something is known to be missing.
    Gap,
    /// How a figure is defined or should be read.
    Method,
}

/// How far a source can be trusted as a copy of what was officially said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The document itself on a government or legislature site.
    OfficialDocument,
    /// State or provincial media reporting an official release.
    OfficialMedia,
    /// A copy found on a mirror, aggregator or unofficial site.
    Reprint,
}

/// Where an indicator's yearly figure normally appears, and so roughly when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublicationKind {
    /// 甘肃省生态环境状况公报, released around World Environment Day (5 June).
    ProvincialBulletin,
    /// 甘肃省国民经济和社会发展统计公报, around March.
    StatisticalCommunique,
    /// The provincial People's Congress standing committee's yearly environment report.
    NpcReport,
    /// The provincial government work report, around January.
    GovernmentWorkReport,
    /// A department's yearly press conference.
    PressConference,
    /// No yearly rhythm: figures appear now and then, if at all.
    Irregular,
}

/// What a published government statement says of a goal set in words, as a
/// whole: the government's own report, never an independent measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reported {
    /// The statement says the whole commitment is done.
    Done,
    /// The statement reports work under way or part of the commitment done.
    InProgress,
}
