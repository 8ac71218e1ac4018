//! The published releases as a history (native only).
//!
//! `sitegen publish` reads the release before the one it writes and marks each
//! figure that differs from it (`diff::revise`), then rewrites `releases.json`
//! with every release's differences from the release before it (`diff::diff`),
//! computed again from the release directories — which never change, so neither
//! do the differences. `check` tells when the files on disk no longer say what
//! the releases give.

use super::dataset::{self, load_release, Dataset};
use super::diff;
use super::files::*;
use super::layout;
use super::types::Indicator;
use super::validate::{DataError, Report};
use std::path::Path;

/// The releases `releases.json` in `public_data` lists; none before the first
/// release is published.
pub fn listed(public_data: &Path) -> Result<Vec<ReleaseInfo>, DataError> {
    let path = public_data.join(layout::RELEASES);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(dataset::parse_json::<ReleasesFile>(&path, &text)?.releases),
        Err(_) => Ok(Vec::new()),
    }
}

/// The newest release in `list` before `release` (release ids are dates, so
/// they sort as text).
pub fn previous<'a>(list: &'a [ReleaseInfo], release: &str) -> Option<&'a ReleaseInfo> {
    list.iter().filter(|r| r.release.as_str() < release).max_by(|a, b| a.release.cmp(&b.release))
}

/// `ds` as it is published into `public_data`: its public form, each figure that
/// differs from the previous release's marked `revised`.
pub fn with_history(public_data: &Path, ds: &Dataset) -> Result<Dataset, Vec<DataError>> {
    let list = listed(public_data).map_err(|e| vec![e])?;
    let previous = previous(&list, &ds.release.release).map(|info| load_release(public_data, info)).transpose()?;
    Ok(diff::revise(previous.as_ref(), &ds.public()))
}

/// The release list after publishing `ds` into `public_data`: older releases
/// kept with their notes, `ds` the current one, and every release's `changes`
/// computed from it and the release before it.
pub fn releases_file(public_data: &Path, ds: &Dataset) -> Result<String, Vec<DataError>> {
    let mut releases = listed(public_data).map_err(|e| vec![e])?;
    releases.retain(|r| r.release != ds.release.release);
    releases.push(ds.release.clone());
    releases.sort_by(|a, b| b.release.cmp(&a.release));
    let mut errors = Vec::new();
    let mut data = Vec::new();
    for info in &releases {
        if info.release == ds.release.release {
            data.push(ds.clone());
        } else {
            match load_release(public_data, info) {
                Ok(d) => data.push(d),
                Err(e) => errors.extend(e),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (i, info) in releases.iter_mut().enumerate() {
        info.changes = data.get(i + 1).map(|previous| diff::diff(previous, &data[i])).unwrap_or_default();
    }
    Ok(dataset::to_json(&ReleasesFile {
        schema_version: SCHEMA_VERSION,
        as_of: ds.release.as_of.clone(),
        current: ds.release.release.clone(),
        releases,
    }))
}

fn revision_marks(ind: &Indicator) -> Vec<(String, Option<&str>)> {
    let baseline = ind.baseline.iter().map(|o| ("baseline".to_string(), o.revised.as_deref()));
    baseline.chain(ind.values.iter().enumerate().map(|(i, o)| (format!("values[{i}]"), o.revised.as_deref()))).collect()
}

fn show(mark: Option<&str>) -> String {
    mark.map_or("absent".to_string(), |r| format!("\"{r}\""))
}

/// Checks what publishing derived from the history against the files on disk.
/// `releases` are the releases read back from `public_data`, in the order
/// `releases.json` lists them, which must be newest first; each one's `revised`
/// marks and `changes` must be what it and the release before it give.
pub fn check(public_data: &Path, releases: &[Dataset]) -> Vec<DataError> {
    let list_file = public_data.join(layout::RELEASES).display().to_string();
    let mut list = Report::new(&list_file);
    let mut errors = Vec::new();
    for pair in releases.windows(2) {
        if pair[0].release.release <= pair[1].release.release {
            let (a, b) = (&pair[0].release.release, &pair[1].release.release);
            list.push(None, "releases", format!("not newest first: {a} is listed before {b}"));
        }
    }
    if !list.errors.is_empty() {
        return list.errors;
    }
    for (i, current) in releases.iter().enumerate() {
        let previous = releases.get(i + 1);
        let r = &current.release.release;
        let expected = diff::revise(previous, current);
        for (want, have) in expected.indicators.iter().zip(&current.indicators) {
            let file = public_data.join(layout::indicator(r, &have.id)).display().to_string();
            let mut report = Report::new(&file);
            for ((at, want), (_, have_mark)) in revision_marks(want).into_iter().zip(revision_marks(have)) {
                if want != have_mark {
                    let message = format!("should be {}, is {}: republish the release", show(want), show(have_mark));
                    report.push(Some(&format!("indicator {}", have.id)), format!("{at}.revised"), message);
                }
            }
            errors.extend(report.errors);
        }
        let changes = previous.map(|p| diff::diff(p, current)).unwrap_or_default();
        if changes != current.release.changes {
            let recorded = current.release.changes.len();
            let message = match previous {
                Some(p) => format!(
                    "differ from what releases {} and {r} give ({} expected, {recorded} recorded): run `sitegen publish`",
                    p.release.release,
                    changes.len()
                ),
                None => format!("{recorded} recorded, but the first release has none"),
            };
            list.push(Some(&format!("release {r}")), "changes", message);
        }
    }
    errors.extend(list.errors);
    errors
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
