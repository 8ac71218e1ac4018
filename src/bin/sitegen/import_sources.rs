//! A row's source: a key from the registry, or a new source described in the
//! row's `source_*` columns (several rows may share it; the first describes it,
//! later ones leave the columns empty or repeat them exactly).

use super::import_columns::SOURCE_COLUMNS;
use super::import_rows::{names, Row, Seen};
use gansu_eco_dashboard::model::dataset::Dataset;
use gansu_eco_dashboard::model::validate::{is_valid_date, is_valid_key};
use gansu_eco_dashboard::model::{Source, SourceKey, Text, Tier};

/// A source a row adds to the registry.
#[derive(Clone, Debug)]
pub struct NewSource {
    pub line: usize,
    pub row: usize,
    pub key: SourceKey,
    pub source: Source,
}

impl Row<'_> {
    /// A text a new source needs, in both languages.
    fn source_text(&mut self, zh: &'static str, en: &'static str) -> Option<Text> {
        if self.cell(zh).is_empty() && self.cell(en).is_empty() {
            self.bad(zh, format!("required for a new source, with {en}"));
            return None;
        }
        self.text(zh, en)
    }

    /// The row's source key, and the source it adds when the key is new.
    pub(super) fn source(&mut self, ds: &Dataset, seen: &mut Seen) -> (Option<SourceKey>, Option<NewSource>) {
        let key = self.cell("source_key");
        let filled: Vec<&'static str> = SOURCE_COLUMNS.into_iter().filter(|c| !self.cell(c).is_empty()).collect();
        if key.is_empty() {
            self.bad("source_key", "required: a key from data/sources.json, or a new key with its source_* columns");
            return (None, None);
        }
        if ds.sources.contains_key(&SourceKey::from(key)) {
            if let Some(&c) = filled.first() {
                self.bad(c, format!("source \"{key}\" is already in data/sources.json: leave the source_* columns empty (a source is changed in data/sources.json itself)"));
            }
            return (Some(SourceKey::from(key)), None);
        }
        if let Some((line, cells)) = seen.sources.get(key) {
            let line = *line;
            let cells = cells.clone();
            for (c, first) in SOURCE_COLUMNS.into_iter().zip(cells) {
                if !self.cell(c).is_empty() && self.cell(c) != first {
                    self.bad(c, format!("differs from line {line}, which adds source \"{key}\": leave it empty or repeat it exactly"));
                }
            }
            return (Some(SourceKey::from(key)), None);
        }
        if !is_valid_key(key) {
            self.bad(
                "source_key",
                format!("\"{key}\" is not a source key: lower-case letters, digits and -, e.g. b25-bulletin-2025"),
            );
            return (None, None);
        }
        if filled.is_empty() {
            self.bad("source_key", format!("unknown source \"{key}\": it is not in data/sources.json; to add it, fill source_publisher_zh/_en, source_title_zh/_en, source_date and source_tier on this row"));
            return (None, None);
        }
        let cells = SOURCE_COLUMNS.iter().map(|c| self.cell(c).to_string()).collect();
        seen.sources.insert(key.to_string(), (self.rec.line, cells));
        let source = self.new_source();
        let (line, row) = (self.rec.line, self.rec.row);
        (Some(SourceKey::from(key)), source.map(|source| NewSource { line, row, key: SourceKey::from(key), source }))
    }

    fn new_source(&mut self) -> Option<Source> {
        let publisher = self.source_text("source_publisher_zh", "source_publisher_en");
        let title = self.source_text("source_title_zh", "source_title_en");
        let date = self.cell("source_date");
        if date.is_empty() {
            self.bad("source_date", "required for a new source: when it was published, YYYY-MM-DD (or YYYY-MM, YYYY)");
        } else if !is_valid_date(date) {
            self.bad("source_date", format!("\"{date}\" is not a date: YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let url = self.cell("source_url");
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !url.is_empty() && (!web || url.contains(char::is_whitespace)) {
            self.bad("source_url", format!("\"{url}\" is not an http(s) address"));
        }
        if self.cell("source_tier").is_empty() {
            self.bad("source_tier", format!("required for a new source: one of {}", names::<Tier>()));
        }
        let tier = self.vocab::<Tier>("source_tier");
        let reprinted_by = self.cell("source_reprinted_by");
        match (tier, reprinted_by.is_empty()) {
            (Some(Tier::Reprint), true) => self
                .bad("source_reprinted_by", "required for a reprint: the name or domain of the site carrying the copy"),
            (Some(t), false) if t != Tier::Reprint => self.bad(
                "source_reprinted_by",
                "only a reprint names the site carrying a copy: leave it empty or set source_tier to reprint",
            ),
            _ => {}
        }
        let source = Source {
            publisher: publisher?,
            title: title?,
            date: Some(date.to_string()),
            url: Some(url.to_string()).filter(|u| !u.is_empty()),
            tier: tier?,
            reprinted_by: Some(reprinted_by.to_string()).filter(|r| !r.is_empty()),
            unsafe_site: false,
            note: None,
            curator_note: None,
        };
        Some(source)
    }
}
