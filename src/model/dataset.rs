//! The dataset on disk (native only): the authoring files people edit in `data/`,
//! and the published snapshot files the site serves from `public/data/`.
//!
//! `data/` holds `release.json`, `sources.json` and one file per area. Publishing
//! turns it into an immutable release directory `public/data/<release>/` with
//! `overview.json` (every indicator, notes left out), `sources.json` and
//! `indicators/<ID>.json` (one indicator in full with the sources it cites), and
//! lists every release in `public/data/releases.json`. Old release directories
//! are kept, so a page pinned to a release never changes.

use super::csv;
use super::files::*;
use super::history;
use super::layout;
use super::types::*;
use super::validate::{check_curator_words, public_source_texts, public_texts, DataError, Report};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// `gansu-eco-indicators.json`: every indicator in full with every source, for
/// downloading the whole dataset in one file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WholeDataset {
    pub schema_version: u32,
    pub release: String,
    pub as_of: String,
    pub indicators: Vec<Indicator>,
    pub sources: BTreeMap<SourceKey, Source>,
}

/// The whole authoring dataset, validated.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub release: ReleaseInfo,
    pub sources: BTreeMap<SourceKey, Source>,
    pub indicators: Vec<Indicator>,
}

pub(super) fn read(path: &Path) -> Result<String, DataError> {
    fs::read_to_string(path).map_err(|e| DataError {
        file: path.display().to_string(),
        item: None,
        field: String::new(),
        message: format!("cannot read: {e}"),
    })
}

pub(super) fn parse_json<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, DataError> {
    serde_json::from_str(text).map_err(|e| DataError {
        file: path.display().to_string(),
        item: None,
        field: String::new(),
        message: e.to_string(),
    })
}

/// Loads and checks `data/`: every file, every cross-file rule. All problems are
/// returned together.
pub fn load_authoring(dir: &Path) -> Result<Dataset, Vec<DataError>> {
    load_authoring_with(dir, &BTreeMap::new())
}

/// Loads and checks `data/` as if the files named in `changed` (file name, e.g.
/// `air.json`, to its new text) held that text: the check `sitegen import` runs
/// on what it would write, before writing anything.
pub fn load_authoring_with(dir: &Path, changed: &BTreeMap<String, String>) -> Result<Dataset, Vec<DataError>> {
    let read = |path: &Path| match path.file_name().and_then(|n| changed.get(&*n.to_string_lossy())) {
        Some(text) => Ok(text.clone()),
        None => read(path),
    };
    let mut errors = Vec::new();
    let release_path = dir.join("release.json");
    let release: Option<ReleaseInfo> =
        read(&release_path).and_then(|t| parse_json(&release_path, &t)).map_err(|e| errors.push(e)).ok();

    let sources_path = dir.join("sources.json");
    let sources = match read(&sources_path) {
        Ok(text) => match parse_sources(&sources_path.display().to_string(), &text) {
            Ok(loaded) => {
                errors.extend(loaded.errors);
                loaded.data.sources
            }
            Err(e) => {
                errors.extend(e);
                BTreeMap::new()
            }
        },
        Err(e) => {
            errors.push(e);
            BTreeMap::new()
        }
    };

    let mut indicators: Vec<Indicator> = Vec::new();
    let mut seen = HashSet::new();
    for area in Area::ALL {
        let path = dir.join(format!("{}.json", area.slug()));
        let name = path.display().to_string();
        let text = match read(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match parse_area_file(&name, &text, &sources) {
            Ok(loaded) => {
                errors.extend(loaded.errors);
                for ind in loaded.data.indicators {
                    if !seen.insert(ind.id.clone()) {
                        let mut r = Report::new(&name);
                        r.push(Some(&format!("indicator {}", ind.id)), "id", "duplicate id: another area file has it");
                        errors.extend(r.errors);
                    }
                    indicators.push(ind);
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    // Curators' working words never reach a public field of a new release.
    let mut words = Report::new("data/");
    for (key, s) in &sources {
        check_curator_words(&format!("source {key}"), public_source_texts(s), &mut words);
    }
    for ind in &indicators {
        check_curator_words(&format!("indicator {}", ind.id), public_texts(ind), &mut words);
    }
    errors.extend(words.errors);
    if release.as_ref().is_some_and(|r| !r.changes.is_empty()) {
        let file = release_path.display().to_string();
        let mut r = Report::new(&file);
        r.push(None, "changes", "is computed by `sitegen publish` from the previous release, never written in data/");
        errors.extend(r.errors);
    }
    match release {
        Some(release) if errors.is_empty() => Ok(Dataset { release, sources, indicators }),
        _ => Err(errors),
    }
}

pub(super) fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising plain data types to a string cannot fail.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

impl Dataset {
    /// What is published: every indicator and source in its public form, with no
    /// maintainers' notes and no address of a site flagged unsafe.
    pub fn public(&self) -> Dataset {
        Dataset {
            release: self.release.clone(),
            sources: self.sources.iter().map(|(k, s)| (k.clone(), s.public())).collect(),
            indicators: self.indicators.iter().map(Indicator::public).collect(),
        }
    }
}

/// The files of one release, as (path relative to `public/data/`, contents).
/// `status_words` names each status in the CSV as the site's badges do.
pub fn release_files(ds: &Dataset, status_words: csv::StatusWords) -> Vec<(PathBuf, String)> {
    let ds = &ds.public();
    let rel = &ds.release;
    let r = rel.release.as_str();
    let mut files = Vec::new();
    let overview = OverviewFile {
        schema_version: SCHEMA_VERSION,
        release: rel.release.clone(),
        as_of: rel.as_of.clone(),
        indicators: ds.indicators.iter().map(Indicator::summary).collect(),
    };
    files.push((layout::overview(r).into(), to_json(&overview)));
    let sources = SourcesFile {
        schema_version: SCHEMA_VERSION,
        release: Some(rel.release.clone()),
        as_of: rel.as_of.clone(),
        sources: ds.sources.clone(),
    };
    files.push((layout::sources(r).into(), to_json(&sources)));
    // Downloads: every indicator as CSV, and the whole dataset as CSV and JSON.
    let whole = WholeDataset {
        schema_version: SCHEMA_VERSION,
        release: rel.release.clone(),
        as_of: rel.as_of.clone(),
        indicators: ds.indicators.clone(),
        sources: ds.sources.clone(),
    };
    files.push((layout::whole_dataset(r, "json").into(), to_json(&whole)));
    files.push((
        layout::whole_dataset(r, "csv").into(),
        csv::file(&ds.indicators, &ds.sources, status_words, &rel.as_of),
    ));
    // An indicator's own files hold the province's figures; each city series
    // has files of its own (below); the whole dataset holds everything.
    for ind in ds.indicators.iter().map(Indicator::province) {
        files
            .push((layout::indicator_csv(r, &ind.id).into(), csv::file([&ind], &ds.sources, status_words, &rel.as_of)));
    }
    for ind in &ds.indicators {
        let province = ind.province();
        let cited =
            province.source_keys().into_iter().filter_map(|k| ds.sources.get(k).map(|s| (k.clone(), s.clone())));
        let sources = cited.collect();
        let file = IndicatorFile {
            schema_version: SCHEMA_VERSION,
            release: rel.release.clone(),
            as_of: rel.as_of.clone(),
            indicator: province,
            sources,
        };
        files.push((layout::indicator(r, &ind.id).into(), to_json(&file)));
        // Each city's series, as an indicator of its own and as CSV.
        for series in &ind.breakdown {
            let key = series.key();
            let Some(mine) = ind.for_place(&key) else { continue };
            let cited =
                mine.source_keys().into_iter().filter_map(|k| ds.sources.get(k).map(|s| (k.clone(), s.clone())));
            let sources = cited.collect();
            let file = IndicatorFile { indicator: mine, sources, ..file.clone() };
            files.push((layout::place_series(r, &ind.id, &key).into(), to_json(&file)));
            let alone = ind.only_series(series);
            files.push((
                layout::place_series_csv(r, &ind.id, &key).into(),
                csv::file([&alone], &ds.sources, status_words, &rel.as_of),
            ));
        }
    }
    files
}

/// What a check of the published files found.
#[derive(Clone, Debug, Default)]
pub struct PublishedSummary {
    pub releases: Vec<String>,
    pub files: usize,
}

/// Reads one published release back in full from `public_data`: its source
/// registry, and every indicator of its overview from the indicator's own file,
/// which must agree with the overview. All problems are returned together.
pub fn load_release(public_data: &Path, info: &ReleaseInfo) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let r = info.release.as_str();
    let name = |p: &Path| p.display().to_string();
    let sources_path = public_data.join(layout::sources(r));
    let sources = read(&sources_path)
        .map_err(|e| vec![e])
        .and_then(|t| parse_sources(&name(&sources_path), &t))
        .map(|l| {
            errors.extend(l.errors);
            l.data.sources
        })
        .unwrap_or_else(|e| {
            errors.extend(e);
            BTreeMap::new()
        });
    let overview_path = public_data.join(layout::overview(r));
    let overview = read(&overview_path)
        .map_err(|e| vec![e])
        .and_then(|t| parse_overview_with(&name(&overview_path), &t, Some(&sources)));
    let overview = match overview {
        Ok(l) => {
            errors.extend(l.errors);
            l.data
        }
        Err(e) => {
            errors.extend(e);
            return Err(errors);
        }
    };
    let mut indicators = Vec::new();
    for ind in &overview.indicators {
        let path = public_data.join(layout::indicator(r, &ind.id));
        let file = read(&path).map_err(|e| vec![e]).and_then(|t| parse_indicator_file(&name(&path), &t));
        match file {
            Ok(f) if f.indicator.summary() != ind.province() || f.release != info.release => {
                let file = name(&path);
                let mut r = Report::new(&file);
                r.push(Some(&format!("indicator {}", ind.id)), "", "differs from overview.json: republish the release");
                errors.extend(r.errors);
            }
            Ok(f) => {
                // The city series are the overview's, in full in their own files.
                let (ind, series) = check_place_series(public_data, r, f.indicator, &ind.breakdown);
                errors.extend(series);
                indicators.push(ind);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(Dataset { release: info.clone(), sources, indicators })
    } else {
        Err(errors)
    }
}

/// Reads each city series file of an indicator (`breakdown`, as the overview
/// summarises it): it parses, validates and is the series the overview lists,
/// beside the province's figures of the indicator's own file. Returns the
/// indicator with its series in full, and the problems found.
fn check_place_series(
    public_data: &Path,
    release: &str,
    province: Indicator,
    breakdown: &[PlaceSeries],
) -> (Indicator, Vec<DataError>) {
    let mut errors = Vec::new();
    let mut full = Vec::new();
    for series in breakdown {
        let key = series.key();
        let path = public_data.join(layout::place_series(release, &province.id, &key));
        let name = path.display().to_string();
        let file = read(&path).map_err(|e| vec![e]).and_then(|t| parse_indicator_file(&name, &t));
        match file {
            Ok(f) => {
                let mine = f.indicator.series_back(series);
                let with_it = Indicator { breakdown: vec![mine.clone()], ..province.clone() };
                let same_file = with_it.for_place(&key).as_ref() == Some(&f.indicator);
                let same_summary = with_it.summary().breakdown.first() == Some(series);
                if same_file && same_summary {
                    full.push(mine);
                } else {
                    let mut r = Report::new(&name);
                    let what = "differs from overview.json or the indicator's file: republish the release";
                    r.push(Some(&format!("indicator {}", province.id)), "", what);
                    errors.extend(r.errors);
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    (Indicator { breakdown: full, ..province }, errors)
}

/// Checks every file in `public/data/`: each release's overview, sources and
/// indicator files parse and validate, and agree with each other; and what
/// publishing derived from the releases before (`history::check`) still holds.
pub fn check_published(public_data: &Path) -> Result<PublishedSummary, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut summary = PublishedSummary::default();
    let list_path = public_data.join(layout::RELEASES);
    let list: ReleasesFile = read(&list_path).and_then(|t| parse_json(&list_path, &t)).map_err(|e| vec![e])?;
    summary.files += 1;
    let mut loaded = Vec::new();
    for rel in &list.releases {
        match load_release(public_data, rel) {
            Ok(ds) => {
                summary.files += 2 + ds.indicators.len();
                summary.releases.push(rel.release.clone());
                loaded.push(ds);
            }
            Err(e) => errors.extend(e),
        }
    }
    // Each release is compared with the one before it: only when all were read.
    if errors.is_empty() {
        errors.extend(history::check(public_data, &loaded));
    }
    if errors.is_empty() {
        Ok(summary)
    } else {
        Err(errors)
    }
}
