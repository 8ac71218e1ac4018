//! The columns of an import spreadsheet, its header row, and a problem located
//! by line, spreadsheet row and column (`FILE:LINE: column NAME (LETTER): reason`).

use super::csv_read::Record;

/// The columns of an import file, in the template's order. Vocabulary cells
/// (`bound`, `period`, `source_tier`) hold the names the JSON files use. The
/// last four (`OPTIONAL_COLUMNS`) place a figure in a city's series.
pub const COLUMNS: [&str; 25] = [
    "indicator_id",
    "year",
    "value",
    "bound",
    "period",
    "period_zh",
    "period_en",
    "basis",
    "text_zh",
    "text_en",
    "note_zh",
    "note_en",
    "source_key",
    "source_publisher_zh",
    "source_publisher_en",
    "source_title_zh",
    "source_title_en",
    "source_date",
    "source_url",
    "source_tier",
    "source_reprinted_by",
    "place",
    "scope",
    "scope_zh",
    "scope_en",
];

/// The columns a header may leave out (a copy of the template made before they
/// were added): a row without them is the province's, as before.
pub const OPTIONAL_COLUMNS: [&str; 4] = ["place", "scope", "scope_zh", "scope_en"];

/// The columns that describe a new source; empty when a row cites a known one.
pub const SOURCE_COLUMNS: [&str; 8] = [
    "source_publisher_zh",
    "source_publisher_en",
    "source_title_zh",
    "source_title_en",
    "source_date",
    "source_url",
    "source_tier",
    "source_reprinted_by",
];

/// Cells the public will read, checked for curators' working words.
pub const PUBLIC_COLUMNS: [&str; 13] = [
    "period_zh",
    "period_en",
    "text_zh",
    "text_en",
    "note_zh",
    "note_en",
    "source_publisher_zh",
    "source_publisher_en",
    "source_title_zh",
    "source_title_en",
    "source_reprinted_by",
    "scope_zh",
    "scope_en",
];

/// A problem with the file, located by line, spreadsheet row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub row: usize,
    /// One of `COLUMNS`; `None` when the problem is not in one cell.
    pub column: Option<&'static str>,
    pub message: String,
}

impl Problem {
    /// `FILE:LINE: column NAME (LETTER): reason`, the row added when it differs from the line.
    pub fn render(&self, file: &str, header: Option<&Header>) -> String {
        let mut out = format!("{file}:{}", self.line);
        if self.row != self.line {
            out.push_str(&format!(" (spreadsheet row {})", self.row));
        }
        if let Some(c) = self.column {
            out.push_str(&format!(": column {c}"));
            if let Some(p) = header.and_then(|h| h.position(c)) {
                out.push_str(&format!(" ({})", letter(p)));
            }
        }
        out.push_str(&format!(": {}", self.message));
        out
    }
}

/// A spreadsheet's column letter: A…Z, AA…
pub fn letter(position: usize) -> String {
    let mut n = position + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.iter().rev().map(|&b| b as char).collect()
}

/// Where each column is in the file (any order; trailing empty header cells allowed).
pub struct Header {
    positions: Vec<Option<&'static str>>,
}

impl Header {
    /// Reads the header row: every column of the template once (the optional
    /// ones at most once), and no other.
    pub fn read(rec: &Record) -> Result<Header, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut bad = |message: String| problems.push(Problem { line: rec.line, row: rec.row, column: None, message });
        let mut positions = Vec::new();
        for (i, cell) in rec.cells.iter().map(|c| c.trim()).enumerate() {
            let known = COLUMNS.iter().copied().find(|c| *c == cell);
            match known {
                Some(c) if positions.contains(&Some(c)) => bad(format!("column {}: \"{c}\" a second time", letter(i))),
                None if !cell.is_empty() => bad(format!(
                    "column {}: unknown column \"{cell}\"; the columns are those of public/data/import-template.csv",
                    letter(i)
                )),
                _ => {}
            }
            positions.push(known);
        }
        let required = COLUMNS.iter().filter(|c| !OPTIONAL_COLUMNS.contains(c));
        for c in required.filter(|c| !positions.contains(&Some(**c))) {
            bad(format!("missing column \"{c}\": keep the template's header row"));
        }
        if problems.is_empty() {
            Ok(Header { positions })
        } else {
            Err(problems)
        }
    }

    fn position(&self, column: &str) -> Option<usize> {
        self.positions.iter().position(|p| *p == Some(column))
    }

    /// The column at a position, if the header names one there.
    pub fn column_at(&self, position: usize) -> Option<&'static str> {
        self.positions.get(position).copied().flatten()
    }

    /// The trimmed cell of `column` in a row ("" when the row is shorter, or
    /// the header has no such optional column).
    pub fn cell<'r>(&self, rec: &'r Record, column: &str) -> &'r str {
        self.position(column).and_then(|p| rec.cells.get(p)).map_or("", |c| c.trim())
    }
}
