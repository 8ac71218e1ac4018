//! One assessment, one voice: for every real indicator of the current release,
//! in both languages, the status badge, the one-line answer, the "how it was
//! worked out" panel, the embed's status line and the CSV name the same status,
//! and nothing the public reads carries the curators' working words or links a
//! site flagged unsafe.

use gansu_eco_dashboard::i18n::{self, Lang};
use gansu_eco_dashboard::model::place;
use gansu_eco_dashboard::model::validate::{curator_word, public_source_texts, public_texts};
use gansu_eco_dashboard::model::{
    assess, layout, IndicatorFile, OverviewFile, Reason, ReleasesFile, SourcesFile, Status,
};
use std::path::{Path, PathBuf};

fn release_dir() -> PathBuf {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let releases: ReleasesFile =
        serde_json::from_str(&std::fs::read_to_string(data.join(layout::RELEASES)).unwrap()).unwrap();
    data.join(releases.current)
}

fn indicator_files() -> Vec<IndicatorFile> {
    let dir = release_dir();
    let overview: OverviewFile =
        serde_json::from_str(&std::fs::read_to_string(dir.join("overview.json")).unwrap()).unwrap();
    overview
        .indicators
        .iter()
        .map(|i| {
            let path = dir.join("indicators").join(format!("{}.json", i.id));
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect()
}

/// Words that state a verdict on a level target, in the sentence's own phrasing.
const VERDICTS: [&str; 8] = ["达到了", "还没有", "还差", "高出", "Yes,", "No:", " short.", "above it."];

#[test]
fn badge_sentence_panel_embed_and_csv_name_the_same_status() {
    let files = indicator_files();
    assert!(files.len() > 40, "the real release has every indicator");
    let csv = std::fs::read_to_string(release_dir().join("gansu-eco-indicators.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().trim_start_matches('\u{feff}').split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (id_col, zh_col, en_col, place_col) = (col("id"), col("status_zh"), col("status_en"), col("place"));
    for file in &files {
        let ind = &file.indicator;
        let a = assess(ind);
        for lang in [Lang::Zh, Lang::En] {
            let badge = i18n::status_name(lang, a.status);
            let sentence = i18n::headline_sentence(lang, ind, &a);
            let panel = i18n::arithmetic_lines(lang, ind, &a);
            let reason = i18n::status_reason(lang, &a);
            let at = format!("{} ({lang:?})", ind.id);

            // The panel always ends with the badge's own words.
            if let Some(last) = panel.last() {
                assert!(last.starts_with(&format!("→ {badge}")), "{at}: panel ends {last:?}, badge {badge:?}");
            }
            // No pace-band vocabulary of its own.
            for old in ["进展有限", "不进反退", "limited progress", "moving away from the target:"] {
                let all = format!("{sentence} {reason} {}", panel.join(" "));
                assert!(!all.contains(old), "{at}: a second vocabulary ({old}) in {all}");
            }
            match a.status {
                Status::NotAssessable(r) => {
                    for v in VERDICTS {
                        assert!(!sentence.contains(v), "{at}: verdict {v:?} in a not-assessable sentence: {sentence}");
                    }
                    if r != Reason::NoTarget {
                        assert!(
                            sentence.contains(i18n::reason_text(lang, r)),
                            "{at}: the sentence says why: {sentence}"
                        );
                    }
                    assert!(panel.iter().all(|l| !l.contains("差距") && !l.contains("Margin")), "{at}: {panel:?}");
                }
                Status::NoData => {
                    for v in VERDICTS {
                        assert!(!sentence.contains(v), "{at}: verdict {v:?} without data: {sentence}");
                    }
                }
                Status::Achieved => {
                    let no = ["还没有", "No:"];
                    assert!(no.iter().all(|v| !sentence.contains(v)), "{at}: badge met, sentence not: {sentence}");
                }
                Status::OnTrack | Status::AtRisk | Status::OffTrack | Status::Missed => {
                    let yes = ["达到了", "Yes,", "累计已达到", "cumulative target is reached"];
                    assert!(yes.iter().all(|v| !sentence.contains(v)), "{at}: badge not met, sentence met: {sentence}");
                    assert!(reason.contains(badge) || reason.is_empty() || !reason.contains("→"), "{at}: {reason}");
                }
            }
        }
        // The CSV names the badge's status on every province row of the indicator
        // (a city's rows have no status: the plan's targets are the province's).
        let rows: Vec<Vec<String>> =
            csv.lines().skip(1).map(split_csv).filter(|r| r[id_col] == ind.id.as_str()).collect();
        assert!(!rows.is_empty(), "{}: no CSV rows", ind.id);
        for r in &rows {
            if r[place_col] != place::PROVINCE {
                assert_eq!((r[zh_col].as_str(), r[en_col].as_str()), ("", ""), "{}: a city row has no status", ind.id);
            }
        }
        for r in rows.iter().filter(|r| r[place_col] == place::PROVINCE) {
            assert_eq!(r[zh_col], i18n::status_name(Lang::Zh, a.status), "{}: CSV status", ind.id);
            assert_eq!(r[en_col], i18n::status_name(Lang::En, a.status), "{}: CSV status", ind.id);
        }
    }
}

/// Splits one CSV line (RFC 4180 quoting; the published rows have no line breaks in fields).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn no_public_text_carries_curators_words_or_links_an_unsafe_source() {
    let dir = release_dir();
    let sources: SourcesFile =
        serde_json::from_str(&std::fs::read_to_string(dir.join("sources.json")).unwrap()).unwrap();
    let flagged: Vec<_> = sources.sources.values().filter(|s| s.unsafe_site).collect();
    assert!(!flagged.is_empty(), "the release flags the known spam mirrors");
    for s in &flagged {
        assert_eq!(s.url, None, "a flagged site's address is not published");
        assert_eq!(s.link(), None);
    }
    for (key, s) in &sources.sources {
        assert_eq!(s.curator_note, None, "{key}: a curator note was published");
        for (field, text) in public_source_texts(s) {
            assert_eq!(curator_word(text), None, "source {key}, {field}: {text}");
        }
    }
    for file in indicator_files() {
        let ind = &file.indicator;
        for (field, text) in public_texts(ind) {
            assert_eq!(curator_word(text), None, "{} {field}: {text}", ind.id);
        }
        let a = assess(ind);
        for lang in [Lang::Zh, Lang::En] {
            let said = [
                i18n::headline_sentence(lang, ind, &a),
                i18n::status_reason(lang, &a),
                i18n::arithmetic_lines(lang, ind, &a).join(" "),
                i18n::embed_source_line(lang, &file),
                i18n::chart_summary(lang, ind),
            ];
            for text in said {
                assert_eq!(curator_word(&text), None, "{} ({lang:?}): {text}", ind.id);
            }
        }
    }
    // The downloads: CSV and JSON of the whole release.
    for name in ["gansu-eco-indicators.csv", "gansu-eco-indicators.json", "overview.json", "sources.json"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(!text.contains("curator_note"), "{name} publishes curators' notes");
        for s in &flagged {
            if let Some(site) = &s.reprinted_by {
                assert!(!text.contains(&format!("://{site}")), "{name} carries an address on {site}");
            }
        }
    }
}

#[test]
fn credit_lines_name_the_plotted_values_sources_official_ones_first() {
    for file in indicator_files() {
        let publishers = i18n::credited_publishers(Lang::Zh, &file);
        let ind = &file.indicator;
        let Some(first) = publishers.first() else { continue };
        let value_sources: Vec<_> = ind
            .baseline
            .iter()
            .chain(&ind.values)
            .flat_map(|o| std::iter::once(&o.source).chain(&o.also))
            .filter_map(|k| file.sources.get(k))
            .collect();
        if value_sources.is_empty() {
            continue;
        }
        let best = value_sources.iter().map(|s| s.tier).min().unwrap();
        let first_tier = value_sources.iter().filter(|s| s.publisher.zh == *first).map(|s| s.tier).min();
        assert_eq!(first_tier, Some(best), "{}: credit starts with {first}", ind.id);
    }
}
