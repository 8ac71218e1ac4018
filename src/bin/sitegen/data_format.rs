//! The hand-made layout of the files in `data/`, read and written back byte for
//! byte, so a tool that adds a value changes only the lines it adds.
//!
//! The files are laid out by people for people: the envelope, the source registry,
//! every source and every indicator one field per line; a target (and each of
//! `other_targets`) one field per line; lists of objects (`bases`, `values`,
//! `notes`, `other_targets`) one item per line; everything else — a text, a
//! value with its note, a list of keys — on one line. [`format`] writes that
//! layout and `tests::every_data_file_is_written_back_byte_for_byte` proves it
//! against every real file.
//!
//! The tree keeps the files' key order and their numbers as written (`100`
//! stays `100`). serde_json's `preserve_order` feature would do the first but
//! would also change the key order of every `json!` object the native build
//! writes (JSON-LD, the Data Package, the schemas), so this module has its own
//! small ordered tree instead.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::Number;
use std::fmt;

/// A JSON value that keeps its object keys in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value of `key` in an object, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// A typed value (an observation, a source) in the files' form: its fields in
    /// the order the type declares them, whole numbers without `.0` (`25`, not
    /// `25.0`, as `model::csv::number` writes them).
    pub fn from_typed<T: Serialize>(value: &T) -> Result<Json, String> {
        let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
        let mut json = parse(&text)?;
        json.drop_zero_fractions();
        Ok(json)
    }

    fn drop_zero_fractions(&mut self) {
        match self {
            Json::Number(n) => {
                if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15) {
                    *n = Number::from(f as i64);
                }
            }
            Json::Array(items) => items.iter_mut().for_each(Json::drop_zero_fractions),
            Json::Object(fields) => fields.iter_mut().for_each(|(_, v)| v.drop_zero_fractions()),
            _ => {}
        }
    }
}

/// Reads a data file, keeping key order and numbers as written.
pub fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
}

/// `sitegen format`: lays out every file in `dir` (`data/`) as `format` writes
/// it, after a hand edit or a script; the content is unchanged.
pub fn rewrite(dir: &std::path::Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "json"));
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let tree = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let laid_out = format(&tree);
        if laid_out != text {
            std::fs::write(&path, laid_out).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("laid out {}", path.display());
        }
    }
    Ok(())
}

/// Writes a data file in the hand-made layout, ending with a line break.
pub fn format(root: &Json) -> String {
    let mut out = String::new();
    write(&mut out, root, &[], 0);
    out.push('\n');
    out
}

/// Whether a non-empty container at `path` (its keys from the root, `[]` for an
/// array item) is laid out one item per line. The one place the layout is decided.
fn one_per_line(path: &[&str], value: &Json) -> bool {
    match value {
        // The envelope, `sources` and `indicators`, each source and each indicator.
        _ if path.len() <= 2 => true,
        Json::Array(items) => items.iter().all(|i| matches!(i, Json::Object(_))),
        Json::Object(_) => matches!(path, [.., "target"] | [.., "other_targets", "[]"] | [.., "breakdown", "[]"]),
        _ => false,
    }
}

fn write(out: &mut String, value: &Json, path: &[&str], depth: usize) {
    let expanded = match value {
        Json::Array(items) if !items.is_empty() => one_per_line(path, value),
        Json::Object(fields) if !fields.is_empty() => one_per_line(path, value),
        _ => false,
    };
    let (open, close) = match value {
        Json::Array(_) => ('[', ']'),
        Json::Object(_) => ('{', '}'),
        scalar => return write_scalar(out, scalar),
    };
    let items: Vec<(Option<&str>, &Json)> = match value {
        Json::Array(items) => items.iter().map(|v| (None, v)).collect(),
        Json::Object(fields) => fields.iter().map(|(k, v)| (Some(k.as_str()), v)).collect(),
        _ => Vec::new(),
    };
    out.push(open);
    if items.is_empty() {
        out.push(close);
        return;
    }
    // Inline objects have a space inside their braces; inline arrays do not.
    let pad = if open == '{' { " " } else { "" };
    for (i, (key, item)) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if expanded {
            out.push('\n');
            out.push_str(&"  ".repeat(depth + 1));
        } else {
            out.push_str(if i > 0 { " " } else { pad });
        }
        let mut inner = path.to_vec();
        inner.push(key.unwrap_or("[]"));
        if let Some(k) = key {
            write_scalar(out, &Json::String(k.to_string()));
            out.push_str(": ");
        }
        write(out, item, &inner, depth + 1);
    }
    if expanded {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    } else {
        out.push_str(pad);
    }
    out.push(close);
}

fn write_scalar(out: &mut String, value: &Json) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        // serde_json escapes quotes, backslashes and control characters only, as the files do.
        Json::String(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        Json::Array(_) | Json::Object(_) => {}
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Json, E> {
        Number::from_f64(n).map(Json::Number).ok_or_else(|| E::custom("not a finite number"))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::new();
        while let Some(entry) = map.next_entry::<String, Json>()? {
            fields.push(entry);
        }
        Ok(Json::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gansu_eco_dashboard::model::{Observation, Period, SourceKey, Text};

    #[test]
    fn every_data_file_is_written_back_byte_for_byte() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        names.retain(|p| p.extension().is_some_and(|x| x == "json"));
        names.sort();
        assert!(names.len() >= 9, "release, sources and seven areas: {names:?}");
        for path in names {
            let text = std::fs::read_to_string(&path).unwrap();
            let again = format(&parse(&text).unwrap());
            let first_difference = text.lines().zip(again.lines()).position(|(a, b)| a != b);
            assert!(
                again == text,
                "{} is not written back as it is: first different line {:?}",
                path.display(),
                first_difference.map(|i| i + 1)
            );
        }
    }

    #[test]
    fn the_layout_puts_lists_of_objects_and_targets_one_item_per_line() {
        let text = r#"{ "schema_version": 1, "indicators": [ { "id": "X-01", "name": { "zh": "甲", "en": "A" },
            "target": { "kind": "at_most", "value": 25, "also": ["a", "b"] }, "values": [ { "year": 2021, "value": 1.5 } ],
            "notes": [], "curator_notes": ["one"] } ] }"#;
        let expected = r#"{
  "schema_version": 1,
  "indicators": [
    {
      "id": "X-01",
      "name": { "zh": "甲", "en": "A" },
      "target": {
        "kind": "at_most",
        "value": 25,
        "also": ["a", "b"]
      },
      "values": [
        { "year": 2021, "value": 1.5 }
      ],
      "notes": [],
      "curator_notes": ["one"]
    }
  ]
}
"#;
        assert_eq!(format(&parse(text).unwrap()), expected);
    }

    #[test]
    fn a_typed_value_keeps_its_field_order_and_whole_numbers() {
        let obs = Observation {
            year: 2025,
            value: Some(25.0),
            bound: None,
            period: Period::Partial { label: Text { zh: "1—6月".into(), en: "Jan–Jun".into() } },
            basis: None,
            text: None,
            source: SourceKey::from("b25-bulletin"),
            also: Vec::new(),
            alternative: None,
            note: Some(Text { zh: "说明\"引号\"".into(), en: "note".into() }),
            curator_note: None,
            revised: None,
        };
        let mut out = String::new();
        write(&mut out, &Json::from_typed(&obs).unwrap(), &["indicators", "[]", "values", "[]"], 4);
        assert_eq!(
            out,
            r#"{ "year": 2025, "value": 25, "period": { "kind": "partial", "label": { "zh": "1—6月", "en": "Jan–Jun" } }, "source": "b25-bulletin", "note": { "zh": "说明\"引号\"", "en": "note" } }"#
        );
        let mut fraction = String::new();
        let obs = Observation { value: Some(95.9), period: Period::FullYear, note: None, ..obs };
        write(&mut fraction, &Json::from_typed(&obs).unwrap(), &["values", "[]", "x", "[]"], 4);
        assert_eq!(fraction, r#"{ "year": 2025, "value": 95.9, "source": "b25-bulletin" }"#);
    }
}
