//! The plan as a finished plan: once a target's year is over, the final word on
//! each goal; how fresh each indicator's figures are; and what the government
//! reports of the goals set in words.
//!
//! * **Final or provisional.** When the data's as-of date is past the target
//!   year, a goal judged on the target year's figure is *met* or *missed* (the
//!   statuses `Achieved` and `Missed`); one judged on an earlier year, because
//!   the target year's figure has not been found, is *provisional*.
//! * **Freshness.** From an indicator's usual publication day (`publication`),
//!   the newest full year it has, and whether the next year's figure is overdue:
//!   its usual day has passed by the as-of date without the figure being found.
//! * **Reported.** A goal set in words takes the status of the newest published
//!   statement about it (done / in progress), or "no report found". The
//!   government's own word, never counted with the measured statuses.

use super::progress::{Assessment, Status, PLAN_START};
use super::types::*;
use super::validate::date_year;

/// Whether a judged status is provisional: `as_of` is past the target year but
/// the status rests on an earlier year, because the target year's figure has not
/// been found. Then the status is said as "provisional" with the year it rests
/// on. `None` before the target year is over, for a status judged on the target
/// year (met or missed: final), for a five-year total already reached (it cannot
/// be undone), and for goals that are not judged. Returns the target year.
pub fn provisional(ind: &Indicator, a: &Assessment, as_of: &str) -> Option<i32> {
    let target = ind.target.as_ref()?;
    let judged = a.judged.filter(|_| a.status.is_judged())?;
    let total_reached = ind.is_cumulative() && a.status == Status::Achieved;
    let over = date_year(as_of)? > target.year;
    (over && judged.year < target.year && !total_reached).then_some(target.year)
}

/// How fresh an indicator's figures are, as of a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Freshness {
    /// The newest year with a full-year figure (or statement), on any basis.
    pub newest_year: Option<i32>,
    /// The first year whose figure was due by the as-of date and is missing.
    pub overdue: Option<Overdue>,
}

/// A figure whose usual publication day has passed without it being found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    /// The figure's year (the first one missing; later ones may be missing too).
    pub year: i32,
    /// The day it usually appears, `YYYY-MM-DD`: the overdue date.
    pub since: String,
}

/// The freshness of `ind` as of `as_of` (`YYYY-MM-DD`).
pub fn freshness(ind: &Indicator, as_of: &str) -> Freshness {
    let newest_year =
        ind.values.iter().filter(|o| o.alternative.is_none() && o.period.is_full_year()).map(|o| o.year).max();
    let overdue = ind.publication.as_ref().and_then(|p| p.usual.as_deref()).and_then(|usual| {
        // The figure after the newest one, or, with none, the plan's first year.
        let year = newest_year.map_or(PLAN_START, |y| y + 1);
        let since = format!("{}-{usual}", year + 1);
        (as_of >= since.as_str()).then_some(Overdue { year, since })
    });
    Freshness { newest_year, overdue }
}

/// What the government reports of a goal set in words: what its newest
/// statement says, or that none was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    Done,
    InProgress,
    NoneFound,
}

impl Report {
    /// The key in CSS classes and the CSV.
    pub fn key(self) -> &'static str {
        match self {
            Report::Done => "reported-done",
            Report::InProgress => "reported-in-progress",
            Report::NoneFound => "no-report",
        }
    }
}

/// The report on a goal set in words; `None` for any other indicator.
pub fn report(ind: &Indicator) -> Option<Report> {
    let in_words = ind.role == Role::Goal && ind.is_set_in_words();
    in_words.then(|| match ind.evidence.last().map(|s| s.reported) {
        Some(Reported::Done) => Report::Done,
        Some(Reported::InProgress) => Report::InProgress,
        None => Report::NoneFound,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assess;

    fn indicator(json: &str) -> Indicator {
        serde_json::from_str(json).expect("fixture parses")
    }

    const LEVEL: &str = r#"{"id":"AIR-02","area":"air","role":"goal","name":{"zh":"PM2.5","en":"PM2.5"},
        "unit":"ug_m3","direction":"lower_better",
        "target":{"kind":"at_most","value":25,"year":2025,"wording":{"zh":"w","en":"w"},"origin":"plan","source":"s"},
        "baseline":{"year":2020,"value":28,"source":"s"},
        "publication":{"kind":"provincial_bulletin","usual":"06-05"},
        "values":[VALUES]}"#;

    fn level(values: &str) -> Indicator {
        indicator(&LEVEL.replace("VALUES", values))
    }

    #[test]
    fn nothing_is_provisional_before_the_target_year_is_over() {
        let ind = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        assert_eq!(provisional(&ind, &assess(&ind), "2025-12-31"), None);
    }

    #[test]
    fn the_target_years_figure_is_final_met_or_missed() {
        let met = level(r#"{"year":2025,"value":24,"source":"s"}"#);
        assert_eq!((assess(&met).status, provisional(&met, &assess(&met), "2026-12-04")), (Status::Achieved, None));
        let missed = level(r#"{"year":2025,"value":26,"source":"s"}"#);
        assert_eq!(
            (assess(&missed).status, provisional(&missed, &assess(&missed), "2026-12-04")),
            (Status::Missed, None)
        );
    }

    #[test]
    fn without_the_target_years_figure_the_status_is_provisional() {
        let ind = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        assert_eq!(provisional(&ind, &assess(&ind), "2026-12-04"), Some(2025));
    }

    #[test]
    fn a_goal_that_cannot_be_judged_is_not_provisional() {
        let ind = level("");
        assert_eq!(provisional(&ind, &assess(&ind), "2026-12-04"), None);
    }

    #[test]
    fn overdue_once_the_usual_day_after_the_newest_year_has_passed() {
        let ind = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        assert_eq!(freshness(&ind, "2026-06-04"), Freshness { newest_year: Some(2024), overdue: None });
        let late = freshness(&ind, "2026-06-05");
        assert_eq!(late.overdue, Some(Overdue { year: 2025, since: "2026-06-05".into() }));
    }

    #[test]
    fn a_part_year_figure_does_not_make_the_year_fresh() {
        let ind = level(
            r#"{"year":2024,"value":24,"source":"s"},
               {"year":2025,"value":23,"period":{"kind":"partial","label":{"zh":"1—9月","en":"Jan–Sep"}},"source":"s"}"#,
        );
        let f = freshness(&ind, "2026-12-04");
        assert_eq!(f.newest_year, Some(2024));
        assert_eq!(f.overdue.map(|o| o.year), Some(2025));
    }

    #[test]
    fn no_figure_at_all_is_overdue_from_the_plans_first_year_and_irregular_never() {
        let none = level("");
        assert_eq!(freshness(&none, "2026-12-04").overdue, Some(Overdue { year: 2021, since: "2022-06-05".into() }));
        let mut irregular = none.clone();
        irregular.publication = Some(Publication { kind: PublicationKind::Irregular, usual: None, note: None });
        assert_eq!(freshness(&irregular, "2026-12-04").overdue, None);
    }

    #[test]
    fn a_goal_in_words_takes_its_newest_statement_or_no_report() {
        let words = r#"{"id":"AIR-09","area":"air","role":"goal","name":{"zh":"n","en":"n"},"unit":"percent",
            "direction":"higher_better",
            "target":{"kind":"qualitative","year":2025,"wording":{"zh":"w","en":"w"},"origin":"plan","source":"s"}
            EVIDENCE}"#;
        let none = indicator(&words.replace("EVIDENCE", ""));
        assert_eq!(report(&none).map(Report::key), Some("no-report"));
        let two = indicator(&words.replace(
            "EVIDENCE",
            r#","evidence":[
                {"date":"2023-06","reported":"in_progress","quote":{"zh":"q","en":"q"},"source":"s"},
                {"date":"2025-12","reported":"done","quote":{"zh":"q2","en":"q2"},"source":"s"}]"#,
        ));
        assert_eq!(report(&two).map(Report::key), Some("reported-done"));
        assert_eq!(report(&level("")), None, "a goal with a figure is judged by its values");
    }
}
