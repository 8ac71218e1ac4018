//! What changed from one release to the next, as published: the `changes` of a
//! release's entry in `releases.json`, and the `revised` mark on a figure that
//! differs from the previous release's (`Observation::revised`: the id of the
//! release that changed it; what it was is in that release's `changes`).
//!
//! Both are written by `sitegen publish` (computed in `diff`, native only) and
//! never by hand: `data/` rejects them. Only public forms are compared, so a
//! maintainers' note never shows up as a change.
//!
//! A figure is matched across releases by where it sits in its indicator
//! (`FigureAt`): year, basis, period, whether it is the baseline, and whether it
//! is an alternative. Then:
//! - **added** / **removed**: only one release has a figure there;
//! - **corrected**: the figure reads differently and is credited to the same
//!   source (a figure taken down wrongly, now set right);
//! - **changed**: the figure reads differently and comes from another source
//!   (e.g. a preliminary figure replaced by a later publication's);
//! - **source replaced**: the same figure, now credited to another source.

use super::types::{BasisId, IndicatorId, SourceKey, Target, Text};
use super::vocab::{Bound, Period};
use serde::{Deserialize, Serialize};

#[cfg(feature = "tools")]
use schemars::JsonSchema;

/// A published figure as the reader sees it: a number with its qualifier, or
/// a statement in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Figure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

/// A figure with the source it is credited to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Cited {
    #[serde(flatten)]
    pub figure: Figure,
    pub source: SourceKey,
}

/// Where a figure sits in its indicator: what matches it across releases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct FigureAt {
    pub year: i32,
    /// The basis the figure is on (the indicator's headline basis when the
    /// figure names none); absent when the indicator declares no bases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<BasisId>,
    #[serde(default, skip_serializing_if = "Period::is_full_year")]
    pub period: Period,
    /// The indicator's baseline rather than one of its yearly values.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub baseline: bool,
    /// A figure kept beside the preferred one (it has `alternative`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alternative: bool,
}

/// A change to one figure: `from` is absent for an added figure, `to` for a
/// removed one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct ValueChange {
    pub indicator: IndicatorId,
    pub at: FigureAt,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Cited>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Cited>,
}

/// A public field of an indicator, named as in the data files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorField {
    Name,
    Area,
    Role,
    Headline,
    Unit,
    Direction,
    PlanRef,
    Bases,
    HeadlineBasis,
    /// The target's note or corroborating sources (its terms are `target_changed`).
    Target,
    OtherTargets,
    /// The baseline's note, corroborating sources or alternative wording.
    Baseline,
    /// A kept figure's note, corroborating sources or alternative wording.
    Values,
    Notes,
    /// When and where the yearly figure usually appears.
    Publication,
    /// The government's statements about a goal set in words.
    Evidence,
}

/// A public field of a source entry, named as in `sources.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceField {
    Publisher,
    Title,
    Date,
    Url,
    Tier,
    ReprintedBy,
    UnsafeSite,
    Note,
}

/// One difference between a release and the release before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    IndicatorAdded {
        indicator: IndicatorId,
        name: Text,
    },
    /// The name is kept: the release no longer has the indicator to look it up.
    IndicatorRemoved {
        indicator: IndicatorId,
        name: Text,
    },
    ValueAdded(ValueChange),
    ValueRemoved(ValueChange),
    /// The figure reads differently and comes from another source.
    ValueChanged(ValueChange),
    /// The figure reads differently, credited to the same source.
    ValueCorrected(ValueChange),
    /// The same figure, credited to another source.
    SourceReplaced(ValueChange),
    /// The target's terms (kind, value, year, basis, wording, origin or source);
    /// `from` is absent when a target was set, `to` when it was dropped.
    TargetChanged {
        indicator: IndicatorId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<Target>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Target>,
    },
    /// Public details no other change covers: names, notes, bases, a figure's note…
    DetailsChanged {
        indicator: IndicatorId,
        fields: Vec<IndicatorField>,
    },
    /// An entry of the source registry that both releases have, with its new title.
    SourceChanged {
        source: SourceKey,
        title: Text,
        fields: Vec<SourceField>,
    },
}

/// The kinds of change, for counting them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    IndicatorAdded,
    IndicatorRemoved,
    ValueAdded,
    ValueRemoved,
    ValueChanged,
    ValueCorrected,
    SourceReplaced,
    TargetChanged,
    DetailsChanged,
    SourceChanged,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 10] = [
        ChangeKind::IndicatorAdded,
        ChangeKind::IndicatorRemoved,
        ChangeKind::ValueAdded,
        ChangeKind::ValueRemoved,
        ChangeKind::ValueChanged,
        ChangeKind::ValueCorrected,
        ChangeKind::SourceReplaced,
        ChangeKind::TargetChanged,
        ChangeKind::DetailsChanged,
        ChangeKind::SourceChanged,
    ];
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::IndicatorAdded { .. } => ChangeKind::IndicatorAdded,
            Change::IndicatorRemoved { .. } => ChangeKind::IndicatorRemoved,
            Change::ValueAdded(_) => ChangeKind::ValueAdded,
            Change::ValueRemoved(_) => ChangeKind::ValueRemoved,
            Change::ValueChanged(_) => ChangeKind::ValueChanged,
            Change::ValueCorrected(_) => ChangeKind::ValueCorrected,
            Change::SourceReplaced(_) => ChangeKind::SourceReplaced,
            Change::TargetChanged { .. } => ChangeKind::TargetChanged,
            Change::DetailsChanged { .. } => ChangeKind::DetailsChanged,
            Change::SourceChanged { .. } => ChangeKind::SourceChanged,
        }
    }

    /// The indicator the change is about (none for a source entry).
    pub fn indicator(&self) -> Option<&IndicatorId> {
        match self {
            Change::IndicatorAdded { indicator, .. }
            | Change::IndicatorRemoved { indicator, .. }
            | Change::TargetChanged { indicator, .. }
            | Change::DetailsChanged { indicator, .. } => Some(indicator),
            Change::ValueAdded(v)
            | Change::ValueRemoved(v)
            | Change::ValueChanged(v)
            | Change::ValueCorrected(v)
            | Change::SourceReplaced(v) => Some(&v.indicator),
            Change::SourceChanged { .. } => None,
        }
    }
}

/// How many changes of each kind, in the order of `ChangeKind::ALL`, leaving
/// out kinds with none.
/// `changes.json` (written into the built site by `sitegen pages`, beside
/// `releases.json`): every release, newest first, with its changes already in
/// words, the same words as the Atom feeds. The changes page reads this rather
/// than `releases.json`, so no browser carries the code that words a change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangesFile {
    pub releases: Vec<ReleaseWords>,
}

/// One release in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseWords {
    pub release: String,
    pub as_of: String,
    /// What the release did, and what it did not take, in the curators' words.
    pub note: Text,
    /// Its changes counted by kind ("新增数值5个…"), or "first release".
    pub summary: Text,
    /// Every change, one line each.
    pub lines: Vec<Text>,
}

pub fn count_by_kind(changes: &[Change]) -> Vec<(ChangeKind, usize)> {
    ChangeKind::ALL
        .into_iter()
        .map(|k| (k, changes.iter().filter(|c| c.kind() == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_change_reads_as_flat_tagged_json_and_back() {
        let change = Change::ValueCorrected(ValueChange {
            indicator: "AIR-02".into(),
            at: FigureAt {
                year: 2024,
                basis: Some("excl-dust".into()),
                period: Period::FullYear,
                baseline: false,
                alternative: false,
            },
            from: Some(Cited { figure: Figure { value: Some(24.0), bound: None, text: None }, source: "r24".into() }),
            to: Some(Cited {
                figure: Figure { value: Some(23.0), bound: Some(Bound::About), text: None },
                source: "r24".into(),
            }),
        });
        let v = serde_json::to_value(&change).unwrap();
        assert_eq!(
            v,
            json!({
                "kind": "value_corrected", "indicator": "AIR-02",
                "at": { "year": 2024, "basis": "excl-dust" },
                "from": { "value": 24.0, "source": "r24" },
                "to": { "value": 23.0, "bound": "about", "source": "r24" }
            })
        );
        assert_eq!(serde_json::from_value::<Change>(v).unwrap(), change);
        let details = Change::DetailsChanged { indicator: "WAT-01".into(), fields: vec![IndicatorField::PlanRef] };
        let v = serde_json::to_value(&details).unwrap();
        assert_eq!(v, json!({ "kind": "details_changed", "indicator": "WAT-01", "fields": ["plan_ref"] }));
        assert_eq!(serde_json::from_value::<Change>(v).unwrap(), details);
    }

    #[test]
    fn counts_follow_the_kinds_order_and_skip_empty_kinds() {
        let details = |id: &str| Change::DetailsChanged { indicator: id.into(), fields: vec![IndicatorField::Notes] };
        let added = Change::IndicatorAdded { indicator: "X-01".into(), name: Text::default() };
        let counts = count_by_kind(&[details("A-01"), added, details("B-01")]);
        assert_eq!(counts, vec![(ChangeKind::IndicatorAdded, 1), (ChangeKind::DetailsChanged, 2)]);
        assert_eq!(details("A-01").indicator(), Some(&IndicatorId::from("A-01")));
    }
}
