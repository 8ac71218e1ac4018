//! `sitegen package DIST`: every data release as a self-describing download.
//!
//! For each release in `DIST/data/releases.json`, beside its whole-dataset CSV
//! and JSON: the CSV's CSV on the Web metadata (W3C CSVW), a Frictionless Data
//! Package (v2) of both files, and one ZIP holding all four with a README in
//! Chinese and English. Tools such as `frictionless validate` or a CSVW reader
//! then know every column's meaning, type and codes without reading this code.
//!
//! The metadata declares only what the data holds: the CSV is read back and
//! every cell checked against its column's type, codes and "never empty" before
//! anything is written, and a mismatch names the release, line and column. There
//! is no primary key (see `package_meta::no_key`). Nothing comes from the
//! clock — the ZIP's timestamps are the release's date — so packaging a release
//! again gives the same bytes.

use super::package_columns::{self as columns, Column, Kind};
use super::{package_meta, package_readme};
use gansu_eco_dashboard::model::csv::BOM;
use gansu_eco_dashboard::model::dataset::WholeDataset;
use gansu_eco_dashboard::model::{layout, ReleaseInfo, ReleasesFile};
use std::io::{Cursor, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// One published release, read back from the built site.
pub struct Release {
    pub info: ReleaseInfo,
    /// The CSV as published, byte for byte (it starts with a byte-order mark).
    pub csv: String,
    pub json: String,
    pub data: WholeDataset,
    pub header: Vec<String>,
    pub records: Vec<Record>,
}

/// A CSV record and the line it starts on (the header is line 1).
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The names the ZIP stores its files under, in its order: the README first, as
/// a reader opening the archive should meet it first.
pub fn zip_names() -> [String; 5] {
    let name = |path: String| layout::file_name(&path).to_string();
    [
        package_readme::README.to_string(),
        name(layout::whole_dataset("", "csv")),
        name(layout::whole_dataset("", "json")),
        name(layout::data_package("")),
        name(layout::csvw_metadata("")),
    ]
}

pub fn write(dist: &Path) -> Result<(), String> {
    let root = dist.join("data");
    let list_path = root.join(layout::RELEASES);
    let text = std::fs::read_to_string(&list_path).map_err(|e| format!("{}: {e}", list_path.display()))?;
    let list: ReleasesFile = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", list_path.display()))?;
    for info in &list.releases {
        let release = Release::load(&root, info)?;
        let files = release.files()?;
        for (path, bytes) in &files {
            let path = root.join(path);
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let zip = files.iter().find(|(p, _)| *p == layout::package_zip(&info.release)).map_or(0, |(_, b)| b.len());
        println!(
            "packaged release {}: {} rows, {} columns described, ZIP {:.1} KB",
            info.release,
            release.records.len(),
            release.header.len(),
            zip as f64 / 1024.0
        );
    }
    Ok(())
}

impl Release {
    /// Reads a release's whole-dataset CSV and JSON from the data root and checks
    /// the CSV against what its metadata will declare.
    pub fn load(root: &Path, info: &ReleaseInfo) -> Result<Release, String> {
        let read = |path: String| {
            let path = root.join(path);
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        let r = &info.release;
        Release::from_texts(
            info.clone(),
            read(layout::whole_dataset(r, "csv"))?,
            read(layout::whole_dataset(r, "json"))?,
        )
    }

    pub fn from_texts(info: ReleaseInfo, csv: String, json: String) -> Result<Release, String> {
        let csv_name = layout::on_site(&layout::whole_dataset(&info.release, "csv"));
        let json_name = layout::on_site(&layout::whole_dataset(&info.release, "json"));
        let data: WholeDataset = serde_json::from_str(&json).map_err(|e| format!("{json_name}: {e}"))?;
        if data.release != info.release {
            return Err(format!(
                "{json_name}: field `release` says {:?}, releases.json {:?}",
                data.release, info.release
            ));
        }
        let body = csv.strip_prefix(BOM).ok_or_else(|| format!("{csv_name}: no byte-order mark at the start"))?;
        let mut records = parse_csv(body).map_err(|e| format!("{csv_name}: {e}"))?.into_iter();
        let header = records.next().ok_or_else(|| format!("{csv_name}: empty"))?.cells;
        let release = Release { info, csv, json, data, header, records: records.collect() };
        release.check().map_err(|problems| format!("{csv_name}:\n  {}", problems.join("\n  ")))?;
        Ok(release)
    }

    /// The CSV's columns, in its order.
    pub fn columns(&self) -> Vec<&'static Column> {
        self.header.iter().filter_map(|name| columns::column(name)).collect()
    }

    /// Every cell against its column: described, the right type, one of the
    /// codes, filled where the column is never empty. All problems, located.
    fn check(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        for (i, name) in self.header.iter().enumerate() {
            if columns::column(name).is_none() {
                problems.push(format!("line 1: column `{name}` is not described (add it to package_columns.rs)"));
            }
            if self.header[..i].contains(name) {
                problems.push(format!("line 1: column `{name}` appears twice"));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let columns = self.columns();
        let codes: Vec<Vec<columns::Code>> = columns
            .iter()
            .map(|c| match c.kind {
                Kind::OneOf(v) => columns::codes(v, &self.data),
                _ => Vec::new(),
            })
            .collect();
        for record in &self.records {
            if record.cells.len() != columns.len() {
                let n = record.cells.len();
                problems.push(format!("line {}: {n} fields, the header has {}", record.line, columns.len()));
                continue;
            }
            for ((column, codes), cell) in columns.iter().zip(&codes).zip(&record.cells) {
                let result = match cell.as_str() {
                    "" if column.required => Err("empty, but the column is never empty".to_string()),
                    "" => Ok(()),
                    cell => columns::check_cell(column.kind, cell, codes),
                };
                if let Err(e) = result {
                    problems.push(format!("line {}, column `{}`: {e}", record.line, column.name));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The files this command writes, as (path relative to the data root, bytes):
    /// the CSVW metadata, the Data Package and the ZIP.
    pub fn files(&self) -> Result<Vec<(String, Vec<u8>)>, String> {
        let r = &self.info.release;
        let csvw = package_meta::to_json(&package_meta::csvw(self));
        let package = package_meta::to_json(&package_meta::data_package(self));
        let readme = package_readme::readme(self);
        let names = zip_names();
        let contents =
            [readme.as_bytes(), self.csv.as_bytes(), self.json.as_bytes(), package.as_bytes(), csvw.as_bytes()];
        let zip = zip(names.iter().map(String::as_str).zip(contents), &self.info.as_of)
            .map_err(|e| format!("{}: {e}", layout::package_zip(r)))?;
        Ok(vec![
            (layout::csvw_metadata(r), csvw.into_bytes()),
            (layout::data_package(r), package.into_bytes()),
            (layout::package_zip(r), zip),
        ])
    }
}

/// Reads CSV as `model::csv` writes it (RFC 4180): fields separated by commas,
/// quoted when they hold a comma, quote or line break, with `""` for a quote.
fn parse_csv(text: &str) -> Result<Vec<Record>, String> {
    let mut records = Vec::new();
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let (mut line, mut start, mut quoted, mut was_quoted) = (1, 1, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                line += usize::from(c == '\n');
                cell.push(c);
            }
            (false, '"') if cell.is_empty() && !was_quoted => (quoted, was_quoted) = (true, true),
            (false, '"') => return Err(format!("line {line}: a quote inside an unquoted field")),
            (false, ',') => {
                cells.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                cells.push(std::mem::take(&mut cell));
                records.push(Record { line: start, cells: std::mem::take(&mut cells) });
                was_quoted = false;
                line += 1;
                start = line;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(format!("line {start}: the file ends inside a quoted field"));
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        records.push(Record { line: start, cells });
    }
    Ok(records)
}

/// A ZIP of the given files, in the given order, every entry stamped with the
/// release's date (`YYYY-MM-DD`, at midnight) and read-write for its owner and
/// read-only for others: the same inputs give the same bytes.
fn zip<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>, date: &str) -> Result<Vec<u8>, String> {
    let part = |range: std::ops::Range<usize>| date.get(range).and_then(|s| s.parse::<u16>().ok());
    let time = match (part(0..4), part(5..7), part(8..10)) {
        (Some(y), Some(m), Some(d)) => DateTime::from_date_and_time(y, m as u8, d as u8, 0, 0, 0).ok(),
        _ => None,
    }
    .ok_or_else(|| format!("the release date {date:?} is not a date a ZIP can hold"))?;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer.start_file(name, options).map_err(|e| format!("{name}: {e}"))?;
        writer.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    writer.finish().map(Cursor::into_inner).map_err(|e| e.to_string())
}

#[cfg(test)]
#[path = "package_tests.rs"]
mod tests;
