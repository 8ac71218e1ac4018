//! `sitegen stats`: what the dataset holds and how each goal is judged, for
//! release notes and reviews. Also times the validator over every published file.

use gansu_eco_dashboard::i18n::{self, Lang};
use gansu_eco_dashboard::model::scorecard::freshness;
use gansu_eco_dashboard::model::{assess, dataset, Area, NoteKind, Period, Role, Status};
use gansu_eco_dashboard::present::{report_counts, Tally};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

pub fn print() -> Result<(), String> {
    let ds = dataset::load_authoring(Path::new("data")).map_err(|e| format!("{} problem(s) in data/", e.len()))?;
    println!("## Indicators by area\n\n| area | goals | context | values |\n|---|---:|---:|---:|");
    for area in Area::ALL {
        let inds: Vec<_> = ds.indicators.iter().filter(|i| i.area == area).collect();
        let goals = inds.iter().filter(|i| i.role == Role::Goal).count();
        let values: usize = inds.iter().map(|i| i.values.len()).sum();
        println!("| {} | {goals} | {} | {values} |", area.slug(), inds.len() - goals);
    }
    let values: Vec<_> = ds.indicators.iter().flat_map(|i| &i.values).collect();
    let count = |f: &dyn Fn(&Period) -> bool| values.iter().filter(|o| f(&o.period)).count();
    println!(
        "\n{} indicators, {} values ({} full-year, {} part-year, {} at a date, {} multi-year; {} alternatives), {} baselines, {} targets, {} other targets.",
        ds.indicators.len(),
        values.len(),
        count(&|p| matches!(p, Period::FullYear)),
        count(&|p| matches!(p, Period::Partial { .. })),
        count(&|p| matches!(p, Period::PointInTime { .. })),
        count(&|p| matches!(p, Period::MultiYear { .. })),
        values.iter().filter(|o| o.alternative.is_some()).count(),
        ds.indicators.iter().filter(|i| i.baseline.is_some()).count(),
        ds.indicators.iter().filter(|i| i.target.is_some()).count(),
        ds.indicators.iter().map(|i| i.other_targets.len()).sum::<usize>(),
    );
    let mut tiers = BTreeMap::new();
    for s in ds.sources.values() {
        *tiers.entry(i18n::tier_name(Lang::En, s.tier)).or_insert(0) += 1;
    }
    println!("Sources: {} ({tiers:?}).", ds.sources.len());
    let no_values: Vec<_> = ds.indicators.iter().filter(|i| i.values.is_empty()).map(|i| i.id.to_string()).collect();
    let gap_notes = ds.indicators.iter().flat_map(|i| &i.notes).filter(|n| n.kind == NoteKind::Gap).count();
    println!(
        "Gaps: {} indicators with no published value since the baseline ({}); {gap_notes} gap notes.",
        no_values.len(),
        no_values.join(", ")
    );

    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    let mut not_assessable = Vec::new();
    let mut every = Vec::new();
    for ind in ds.indicators.iter().filter(|i| i.role == Role::Goal) {
        let a = assess(ind);
        let status = a.status;
        let judged = a
            .judged
            .map_or("–".to_string(), |p| format!("{} ({})", i18n::with_unit(Lang::En, ind.unit, p.value), p.year));
        let target = ind.target.as_ref().map_or(String::new(), |t| i18n::target_phrase(Lang::En, ind, t));
        every.push(format!("| {} | {} | {judged} | {target} |", ind.id, i18n::status_name(Lang::En, status)));
        *by_status.entry(i18n::status_name(Lang::En, status)).or_insert(0) += 1;
        if let Status::NotAssessable(reason) = status {
            not_assessable.push(format!("| {} | {} | {} |", ind.id, ind.name.en, i18n::reason_text(Lang::En, reason)));
        }
    }
    let goals: Vec<_> = ds.indicators.iter().filter(|i| i.role == Role::Goal).collect();
    let tally = Tally::of(goals.iter().copied(), &ds.release.as_of);
    let groups: Vec<String> =
        tally.counts.iter().map(|(g, n)| format!("{} {n}", i18n::group_name(Lang::En, *g))).collect();
    let (done, in_progress, none) = report_counts(&ds.indicators);
    let overdue: Vec<String> = ds
        .indicators
        .iter()
        .filter_map(|i| {
            freshness(i, &ds.release.as_of).overdue.map(|o| format!("{} ({} due {})", i.id, o.year, o.since))
        })
        .collect();
    println!("\n## Goals by status\n\n{by_status:?}");
    println!("\nAs of {}: {}.", ds.release.as_of, groups.join(", "));
    println!(
        "Goals in words, by the government's reports: done {done}, in progress {in_progress}, no report found {none}."
    );
    println!("Overdue figures: {} ({}).", overdue.len(), overdue.join(", "));
    println!("\n## Not assessable\n\n| id | indicator | why |\n|---|---|---|");
    for row in not_assessable {
        println!("{row}");
    }
    println!("\n## Every goal\n\n| id | status | judged value | target |\n|---|---|---|---|");
    for row in every {
        println!("{row}");
    }

    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        dataset::check_published(Path::new("public/data"))
            .map_err(|e| format!("{} problem(s) in public/data/", e.len()))?;
    }
    let per_run = start.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
    println!("\nValidator over every file in public/data/: {per_run:.1} ms per run (mean of {runs}).");
    Ok(())
}
