//! What a card shows, for each status and each kind of gap.

use super::*;
use crate::model::Indicator;
use serde_json::json;

fn ind(v: serde_json::Value) -> Indicator {
    let mut base = json!({
        "id": "AIR-99", "area": "air", "role": "goal",
        "name": { "zh": "细颗粒物", "en": "PM2.5" },
        "unit": "ug_m3", "direction": "lower_better",
        "target": { "kind": "at_most", "value": 25, "year": 2025,
                    "wording": { "zh": "控制在25", "en": "at most 25" }, "origin": "plan", "source": "s" },
        "baseline": { "year": 2020, "value": 26, "source": "s" },
        "values": []
    });
    for (k, val) in v.as_object().unwrap() {
        base[k] = val.clone();
    }
    serde_json::from_value(base).unwrap()
}

#[test]
fn off_track_card_shows_latest_target_progress_and_trend() {
    let c = Card::new(
        &ind(json!({ "values": [
            { "year": 2023, "value": 25.8, "source": "s" },
            { "year": 2024, "value": 25.7, "source": "s" },
            { "year": 2024, "value": 25, "period": { "kind": "partial", "label": { "zh": "1—11月", "en": "Jan–Nov" } }, "source": "s" }
        ]})),
        Lang::Zh,
    );
    assert_eq!(c.status, Status::OffTrack);
    assert_eq!(c.latest, Some(("25.7 μg/m³".to_string(), 2024)));
    assert_eq!(c.latest_note, None);
    assert_eq!(c.baseline, Some(("26 μg/m³".to_string(), 2020)));
    assert_eq!(c.target.as_deref(), Some("2025年 ≤ 25 μg/m³"));
    assert_eq!(c.trend.as_deref(), Some("2020→2024：变化不大"));
    assert!(!c.within_target);
    assert!((c.progress.unwrap() - 0.3).abs() < 1e-9);
}

#[test]
fn achieved_card_says_within_the_target_instead_of_a_bar() {
    let c = Card::new(&ind(json!({ "values": [{ "year": 2024, "value": 24.5, "source": "s" }] })), Lang::En);
    assert_eq!(c.status, Status::Achieved);
    assert_eq!(c.progress, None, "a full bar misreads a keep-at target");
    assert!(c.within_target);
    assert_eq!(c.target.as_deref(), Some("≤ 25 μg/m³ by 2025"));
}

#[test]
fn no_data_card_shows_no_latest_even_with_old_history() {
    let c = Card::new(&ind(json!({ "values": [{ "year": 2015, "value": 40, "source": "s" }] })), Lang::En);
    assert_eq!(c.status, Status::NoData);
    assert_eq!(c.latest, None, "a 2015 figure is history, not the latest");
    assert_eq!(Card::empty_latest(Lang::En), "No published values yet");
    assert_eq!(c.progress, None);
}

#[test]
fn part_year_only_card_names_the_period() {
    let c = Card::new(
        &ind(json!({ "values": [
            { "year": 2024, "value": 25, "period": { "kind": "partial", "label": { "zh": "1—11月", "en": "Jan–Nov" } }, "source": "s" }
        ]})),
        Lang::En,
    );
    assert_eq!(c.status, Status::NotAssessable(Reason::OnlyPartialYear));
    assert_eq!(c.latest, Some(("25 μg/m³".to_string(), 2024)));
    assert_eq!(c.latest_note.as_deref(), Some("Jan–Nov"));
}

#[test]
fn proxy_card_names_the_proxy_basis() {
    let c = Card::new(
        &ind(json!({
            "unit": "percent", "direction": "higher_better", "baseline": null,
            "target": { "kind": "at_least", "value": 65, "year": 2025, "wording": { "zh": "达到65%", "en": "65%" }, "origin": "plan", "source": "s" },
            "bases": [
                { "id": "all", "label": { "zh": "全部非化石", "en": "all non-fossil" } },
                { "id": "ws", "label": { "zh": "风电+光伏（近似）", "en": "wind+solar (proxy)" }, "proxy": true }
            ],
            "headline_basis": "all",
            "values": [{ "year": 2024, "value": 63, "bound": "at_least", "basis": "ws",
                         "period": { "kind": "point_in_time", "label": { "zh": "9月底", "en": "end-Sept" } }, "source": "s" }]
        })),
        Lang::En,
    );
    assert_eq!(c.status, Status::NotAssessable(Reason::OnlyOtherBasis));
    assert_eq!(c.latest, Some(("≥63%".to_string(), 2024)));
    assert_eq!(c.latest_note.as_deref(), Some("end-Sept · wind+solar (proxy)"));
}

#[test]
fn qualitative_card_shows_the_plans_words_and_any_statement() {
    let c = Card::new(
        &ind(json!({
            "unit": "none", "direction": "higher_better", "baseline": null,
            "target": { "kind": "qualitative", "year": 2025, "wording": { "zh": "有效保障", "en": "effectively safeguarded" }, "origin": "plan", "source": "s" },
            "values": [{ "year": 2023, "text": { "zh": "得到有效保障", "en": "effectively safeguarded" }, "source": "s" }]
        })),
        Lang::Zh,
    );
    assert_eq!(c.status, Status::NotAssessable(Reason::Qualitative));
    assert_eq!(c.wording.as_deref(), Some("有效保障"));
    assert_eq!(c.target, None);
    assert_eq!(c.latest, Some(("得到有效保障".to_string(), 2023)));
}

#[test]
fn cumulative_card_shows_the_running_total() {
    let c = Card::new(
        &ind(json!({
            "unit": "tonnes", "direction": "higher_better", "baseline": null,
            "target": { "kind": "cumulative_total", "value": 18400, "year": 2025, "wording": { "zh": "五年累计", "en": "5-year total" }, "origin": "plan", "source": "s" },
            "values": [{ "year": 2021, "value": 6285.47, "source": "s" }]
        })),
        Lang::Zh,
    );
    assert_eq!(c.status, Status::NotAssessable(Reason::TooFewYears), "one year says too little");
    assert_eq!(c.latest, Some(("6,285.47 吨".to_string(), 2021)));
    assert_eq!(c.latest_note.as_deref(), Some("2021年累计"), "one year is named once");
    assert_eq!(c.target.as_deref(), Some("2021—2025年累计 18,400 吨"));
}

#[test]
fn context_card_has_no_target() {
    let c = Card::new(
        &ind(json!({ "role": "context", "target": null, "baseline": null,
        "values": [{ "year": 2022, "value": 33, "source": "s" }] })),
        Lang::En,
    );
    assert_eq!(c.status, Status::NotAssessable(Reason::NoTarget));
    assert_eq!(c.target, None);
    assert_eq!(c.latest, Some(("33 μg/m³".to_string(), 2022)));
}

#[test]
fn area_summary_counts_goals_by_status() {
    let goals = vec![
        ind(json!({ "id": "AIR-02", "values": [{ "year": 2024, "value": 25.7, "source": "s" }] })),
        ind(json!({ "id": "AIR-03", "headline": true, "values": [{ "year": 2024, "value": 20, "source": "s" }] })),
        ind(json!({ "id": "AIR-04" })),
        ind(json!({ "id": "AIR-05", "role": "context", "target": null })),
    ];
    let s = AreaSummary::new(Area::Air, &goals, "2025-06-30");
    assert_eq!((s.tally.goals, s.tally.context), (3, 1));
    let counts: Vec<(&str, usize)> = s.tally.counts.iter().map(|(g, n)| (g.key(), *n)).collect();
    assert_eq!(counts, vec![("achieved", 1), ("off-track", 1), ("no-data", 1)]);
    assert_eq!(s.headline.unwrap().id.as_str(), "AIR-03", "the one the data marks as headline");
    // Once 2025 is over, statuses resting on 2024 are provisional; a 2025 figure is final.
    let mut goals = goals;
    goals.push(ind(json!({ "id": "AIR-06", "values": [{ "year": 2025, "value": 26, "source": "s" }] })));
    let s = AreaSummary::new(Area::Air, &goals, "2026-12-04");
    let counts: Vec<(&str, usize)> = s.tally.counts.iter().map(|(g, n)| (g.key(), *n)).collect();
    assert_eq!(counts, vec![("missed", 1), ("provisional", 2), ("no-data", 1)]);
}

#[test]
fn the_headline_sentence_answers_the_question_in_both_languages() {
    let pm = ind(json!({ "values": [{ "year": 2024, "value": 25.7, "source": "s" }] }));
    let a = assess(&pm);
    assert_eq!(
        i18n::headline_sentence(Lang::En, &pm, &a),
        "In 2024, PM2.5 was 25.7 μg/m³. Meets the 2025 target (≤ 25 μg/m³)? No: 0.7 μg/m³ above it."
    );
    assert_eq!(
        i18n::headline_sentence(Lang::Zh, &pm, &a),
        "2024年细颗粒物为25.7 μg/m³。达到2025年目标（≤ 25 μg/m³）了吗？还没有：高出0.7 μg/m³。"
    );
    assert_eq!(
        i18n::status_reason(Lang::En, &a),
        "Since 2020, it has moved at 38% of the pace needed to reach the target in time (below 60%), so: Off track."
    );
}

#[test]
fn percentages_differ_by_points() {
    let good_air = ind(json!({
        "name": { "zh": "优良天数比率", "en": "Share of good-air days" }, "unit": "percent", "direction": "higher_better",
        "target": { "kind": "at_least", "value": 93.8, "year": 2025, "wording": { "zh": "达到93.8%", "en": "93.8%" }, "origin": "plan", "source": "s" },
        "baseline": { "year": 2020, "value": 94, "source": "s" },
        "values": [{ "year": 2024, "value": 92.7, "source": "s" }]
    }));
    let a = assess(&good_air);
    assert_eq!(
        i18n::headline_sentence(Lang::En, &good_air, &a),
        "In 2024, share of good-air days was 92.7%. Meets the 2025 target (≥ 93.8%)? No: 1.1 percentage points short."
    );
}

#[test]
fn sentences_without_a_judgement_say_what_is_known() {
    let none = ind(json!({}));
    assert_eq!(
        i18n::headline_sentence(Lang::En, &none, &assess(&none)),
        "Target: ≤ 25 μg/m³ by 2025. No value for the plan period has been published."
    );
    let words = ind(json!({
        "unit": "none", "direction": "higher_better", "baseline": null,
        "target": { "kind": "qualitative", "year": 2025, "wording": { "zh": "基本淘汰", "en": "largely phased out" }, "origin": "plan", "source": "s" }
    }));
    assert_eq!(
        i18n::headline_sentence(Lang::Zh, &words, &assess(&words)),
        "目标：基本淘汰。尚未找到规划期内的公开数值。能否达标无法判断：目标是文字承诺，没有可以比较的数字。"
    );
}

#[test]
fn a_goal_that_cannot_be_judged_gets_no_verdict_anywhere() {
    // The latest value falls short, but there is no baseline to measure the pace from.
    let short = ind(json!({ "baseline": null, "values": [{ "year": 2024, "value": 27, "source": "s" }] }));
    let a = assess(&short);
    assert_eq!(a.status, Status::NotAssessable(Reason::NoBaseline));
    let zh = i18n::headline_sentence(Lang::Zh, &short, &a);
    assert_eq!(
        zh,
        "目标：2025年 ≤ 25 μg/m³。最新公开数值：2024年细颗粒物为27 μg/m³。能否达标无法判断：没有2020年基准值，无法计算进度是否够快。"
    );
    for verdict in ["还没有", "达到了", "高出", "还差"] {
        assert!(!zh.contains(verdict), "no verdict in {zh}");
    }
    let panel = i18n::arithmetic_lines(Lang::Zh, &short, &a);
    assert_eq!(panel.last().unwrap(), "→ 无法判断：没有2020年基准值，无法计算进度是否够快。");
    assert!(panel.iter().all(|l| !l.contains("差距")), "no margin in the panel: {panel:?}");
    assert_eq!(Card::new(&short, Lang::Zh).progress, None);
}

#[test]
fn a_newer_part_year_figure_is_mentioned_as_not_counted() {
    let pm10 = ind(json!({ "values": [
        { "year": 2023, "value": 25.8, "source": "s" },
        { "year": 2024, "value": 25, "period": { "kind": "partial", "label": { "zh": "1—11月", "en": "Jan–Nov" } }, "source": "s" }
    ]}));
    let a = assess(&pm10);
    assert!(i18n::headline_sentence(Lang::Zh, &pm10, &a)
        .ends_with("另有2024年数值25 μg/m³（1—11月），不是全年数值，不计入判断。"));
    assert!(i18n::headline_sentence(Lang::En, &pm10, &a)
        .ends_with(" A 2024 figure of 25 μg/m³ (Jan–Nov) is not a full-year value and is not counted."));
}

#[test]
fn the_panel_ends_with_the_badge_status() {
    // A cumulative total reached within the period: the ratio is far above 95%,
    // and the panel's last word is the badge's "Target met", not a pace band.
    let total = ind(json!({
        "unit": "tonnes", "direction": "higher_better", "baseline": null,
        "target": { "kind": "cumulative_total", "value": 300, "year": 2025, "wording": { "zh": "累计300吨", "en": "300 t" }, "origin": "plan", "source": "s" },
        "values": [{ "year": 2021, "value": 200, "source": "s" }, { "year": 2022, "value": 150, "source": "s" }]
    }));
    let a = assess(&total);
    assert_eq!(a.status, Status::Achieved);
    let panel = i18n::arithmetic_lines(Lang::Zh, &total, &a);
    assert_eq!(panel.last().unwrap(), "→ 已达标");
    assert!(panel.iter().all(|l| !l.contains("进展顺利 ")), "{panel:?}");
}

#[test]
fn not_assessable_goals_are_grouped_by_reason_and_every_one_is_counted() {
    let published =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/2026-12-04/overview.json")).unwrap();
    let file = crate::model::parse_overview("overview.json", &published).unwrap().data;
    let groups = not_assessable_by_reason(&file.indicators);
    let tally = Tally::of(&file.indicators, &file.as_of);
    let not_assessable = tally.counts.iter().find(|(g, _)| g.key() == "not-assessable").map_or(0, |c| c.1);
    assert_eq!(groups.iter().map(|(_, g)| g.len()).sum::<usize>(), not_assessable);
    assert!(groups.iter().all(|(r, g)| *r != Reason::NoTarget && !g.is_empty()));
    // Every reason a goal can have is listed (NoTarget belongs to context figures only).
    assert_eq!(GOAL_REASONS.len(), 9);
    assert!(!GOAL_REASONS.contains(&Reason::NoTarget));
}

#[test]
fn a_group_is_written_as_its_key_and_read_back_from_it() {
    for group in GOAL_GROUPS {
        let written = serde_json::to_value(group).unwrap();
        assert_eq!(written, json!(group.key()));
        assert_eq!(serde_json::from_value::<Group>(written).unwrap(), group);
    }
    let tally = Tally { goals: 3, context: 1, counts: vec![(Group::Provisional, 2), (GOAL_GROUPS[0], 1)] };
    let read: Tally = serde_json::from_str(&serde_json::to_string(&tally).unwrap()).unwrap();
    assert_eq!(read, tally);
    let unknown = serde_json::from_value::<Group>(json!("sideways")).unwrap_err();
    assert!(unknown.to_string().contains("no group `sideways`"), "{unknown}");
}
