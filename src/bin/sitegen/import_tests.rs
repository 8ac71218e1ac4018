use super::*;
use crate::import_columns::COLUMNS;
use gansu_eco_dashboard::model::validate::FIRST_YEAR;
use gansu_eco_dashboard::model::{Indicator, Period};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder, removed when the test ends.
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A fresh copy of the real `data/` in a temporary folder (never the real one).
fn data_copy(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("gansu-import-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(root().join("data")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    TempDir(dir)
}

/// Every file of a folder, byte for byte.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let entries = fs::read_dir(dir).unwrap().map(|e| e.unwrap());
    entries.map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap())).collect()
}

/// One CSV line with the given cells and every other column empty.
fn row(cells: &[(&str, &str)]) -> String {
    for (c, _) in cells {
        assert!(COLUMNS.contains(c), "no column {c}");
    }
    let cell = |c: &&str| cells.iter().find(|(k, _)| k == c).map_or("", |(_, v)| v);
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    COLUMNS.iter().map(|c| quote(cell(c))).collect::<Vec<_>>().join(",")
}

/// A row adding a value of AIR-02 from `source`, with `changes` to its cells.
fn air_row(year: &str, source: &str, changes: &[(&str, &str)]) -> String {
    let mut cells = vec![("indicator_id", "AIR-02"), ("year", year), ("value", "30"), ("source_key", source)];
    cells.retain(|(c, _)| !changes.iter().any(|(k, _)| k == c));
    cells.extend(changes.iter().copied());
    row(&cells)
}

/// Writes an import file: the header, then `rows`, LF line ends.
fn csv_file(dir: &Path, rows: &[String]) -> PathBuf {
    let path = dir.join("new.csv");
    fs::write(&path, format!("{}\n{}\n", COLUMNS.join(","), rows.join("\n"))).unwrap();
    path
}

fn dataset_of(dir: &Path) -> Dataset {
    dataset::load_authoring(dir).unwrap_or_else(|e| panic!("{dir:?} does not load: {e:?}"))
}

fn indicator<'d>(ds: &'d Dataset, id: &str) -> &'d Indicator {
    ds.indicators.iter().find(|i| i.id.as_str() == id).unwrap()
}

/// The years a value may have (up to the as-of year of `ds`) for which `ind` has none.
fn free_years(ds: &Dataset, ind: &Indicator) -> Vec<String> {
    let last: i32 = ds.release.as_of[..4].parse().unwrap();
    let free = (FIRST_YEAR..=last).filter(|y| !ind.values.iter().any(|o| o.year == *y));
    free.map(|y| y.to_string()).collect()
}

/// The (line, column) of each problem, read back from `FILE:LINE: column NAME (L): reason`.
fn located(problems: &[String], file: &Path) -> BTreeSet<(usize, String)> {
    let prefix = format!("{}:", file.display());
    problems
        .iter()
        .map(|p| {
            let rest = p.strip_prefix(&prefix).unwrap_or_else(|| panic!("not located in the file: {p}"));
            let (line, rest) = rest.split_once(": column ").unwrap_or_else(|| panic!("no column: {p}"));
            let line = line.split(' ').next().unwrap().parse().unwrap_or_else(|_| panic!("no line: {p}"));
            (line, rest.split(' ').next().unwrap().to_string())
        })
        .collect()
}

#[test]
fn the_template_imports_and_a_diff_shows_only_the_added_lines() {
    let data = data_copy("template");
    let before = snapshot(&data);
    let imported =
        run(&root().join(TEMPLATE), &data).unwrap_or_else(|e| panic!("the template does not import: {e:#?}"));
    assert!(imported.summary.contains("added 1 value(s) to AIR-02 (2026 (1—6月))"), "{}", imported.summary);
    assert!(imported.summary.contains("new source(s): example-bulletin"), "{}", imported.summary);
    let ds = dataset_of(&data);
    let added = indicator(&ds, "AIR-02").values.iter().find(|o| o.source.as_str() == "example-bulletin").unwrap();
    assert_eq!(
        (added.year, added.value, added.period.label().map(|l| l.en.as_str())),
        (2026, Some(30.0), Some("Jan–Jun"))
    );
    assert_eq!(ds.sources.keys().count(), dataset_of(&root().join("data")).sources.len() + 1);
    let after = snapshot(&data);
    assert_eq!(after.keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>(), "no file added or left behind");
    let changed: Vec<&String> = after.keys().filter(|k| after[*k] != before[*k]).collect();
    assert_eq!(changed, ["air.json", "sources.json"]);
    // Every line stays, in order (the line before an addition gains a comma);
    // what is new is the value's one line and the source's lines at the end.
    for name in changed {
        let old = String::from_utf8(before[name].clone()).unwrap();
        let new = String::from_utf8(after[name].clone()).unwrap();
        let mut old_lines = old.lines().map(|l| l.trim_end_matches(',')).peekable();
        let mut added = Vec::new();
        for line in new.lines() {
            if old_lines.peek() == Some(&line.trim_end_matches(',')) {
                old_lines.next();
            } else {
                added.push(line);
            }
        }
        assert_eq!(old_lines.next(), None, "{name}: a line was removed or changed");
        match name.as_str() {
            "air.json" => assert!(added.len() == 1 && added[0].contains("\"year\": 2026"), "{added:#?}"),
            _ => {
                assert!(added[0].trim_start().starts_with("\"example-bulletin\": {"), "{added:#?}");
                assert_eq!(added.len(), 7, "key, publisher, title, date, url, tier, closing brace: {added:#?}");
            }
        }
    }
}

#[test]
fn each_kind_of_bad_row_is_reported_with_its_line_and_column_and_nothing_is_written() {
    let data = data_copy("bad-rows");
    let ds = dataset_of(&data);
    let air = indicator(&ds, "AIR-02");
    assert!(air.bases.is_empty(), "the test needs an indicator without bases");
    let existing = air.values.iter().find(|o| o.period == Period::FullYear && o.basis.is_none()).unwrap().year;
    // A year of its own for each row, so that no row is a duplicate of another by chance.
    let y = free_years(&ds, air);
    assert!(y.len() >= 13, "the test needs 13 years without an AIR-02 value: {y:?}");
    let source = ds.sources.keys().next().unwrap().to_string();
    let after_as_of = (ds.release.as_of[..4].parse::<i32>().unwrap() + 1).to_string();
    let with = |year: &str, changes: &[(&str, &str)]| air_row(year, &source, changes);
    let new_source = [
        ("source_publisher_zh", "甘肃省生态环境厅"),
        ("source_publisher_en", "Gansu Department of Ecology and Environment"),
        ("source_title_zh", "公报"),
        ("source_title_en", "Bulletin"),
        ("source_date", "2025-06-05"),
        ("source_tier", "official_document"),
    ];
    let mut defines = vec![("source_key", "b97-new")];
    defines.extend(new_source);
    let rows: Vec<(String, Vec<&str>)> = vec![
        (with(&y[0], &[("indicator_id", "AIR-99")]), vec!["indicator_id"]),
        (with("2009", &[]), vec!["year"]),
        (with(&after_as_of, &[]), vec!["year"]),
        (with("2025年", &[]), vec!["year"]),
        (with(&y[0], &[("value", "约95")]), vec!["value"]),
        (with(&y[1], &[("value", "—")]), vec!["value"]),
        (String::new(), vec![]),
        (with(&y[2], &[("value", "n/a")]), vec!["value"]),
        (with(&y[0], &[("source_key", "no-such-source")]), vec!["source_key"]),
        (
            with(&y[3], &[("source_key", "b99-new"), ("source_publisher_zh", "某厅")]),
            vec!["source_publisher_en", "source_title_zh", "source_date", "source_tier"],
        ),
        (
            with(
                &y[4],
                &[
                    ("source_key", "b98-new"),
                    ("source_publisher_zh", "某厅"),
                    ("source_publisher_en", "A department"),
                    ("source_title_zh", "公报"),
                    ("source_title_en", "Bulletin"),
                    ("source_date", "2025-13-01"),
                    ("source_url", "ftp://example.org/x"),
                    ("source_tier", "official"),
                ],
            ),
            vec!["source_date", "source_url", "source_tier"],
        ),
        (with(&existing.to_string(), &[]), vec!["year"]),
        (with(&y[5], &[]), vec![]),
        (with(&y[5], &[]), vec!["year"]),
        (
            row(&[
                ("indicator_id", "WAT-01"),
                ("year", &y[0]),
                ("value", "95"),
                ("basis", "sections-99"),
                ("source_key", &source),
            ]),
            vec!["basis"],
        ),
        (with(&y[0], &[("basis", "sections-74")]), vec!["basis"]),
        (with(&y[6], &[("note_zh", "研究记录：待核"), ("note_en", "check")]), vec!["note_zh"]),
        (with(&y[7], &[("value", "")]), vec!["value"]),
        (with(&y[8], &[("value", ""), ("bound", "at_least"), ("text_zh", "达标"), ("text_en", "Met")]), vec!["bound"]),
        (with(&y[0], &[("period", "partial")]), vec!["period_zh"]),
        (with(&y[9], &[("value", ""), ("text_zh", "达标")]), vec!["text_en"]),
        (with(&y[10], &[("source_title_zh", "另一个标题")]), vec!["source_title_zh"]),
        (with(&y[11], &[("bound", "roughly")]), vec!["bound"]),
        (
            row(&[vec![("year", y[0].as_str()), ("indicator_id", "AIR-03"), ("value", "20")], defines.clone()].concat()),
            vec![],
        ),
        (
            row(&[
                ("indicator_id", "AIR-04"),
                ("year", &y[0]),
                ("value", "1"),
                ("source_key", "b97-new"),
                ("source_title_en", "Other"),
            ]),
            vec!["source_title_en"],
        ),
        (
            row(&[
                vec![("indicator_id", "AIR-02"), ("year", y[12].as_str()), ("value", "1"), ("source_key", "b96-new")],
                new_source.iter().map(|&(c, v)| if c == "source_tier" { (c, "reprint") } else { (c, v) }).collect(),
            ]
            .concat()),
            vec!["source_reprinted_by"],
        ),
        (
            row(&[
                vec![("indicator_id", "AIR-03"), ("year", y[1].as_str()), ("value", "1"), ("source_key", "b95-new")],
                new_source.to_vec(),
                vec![("source_reprinted_by", "example.org")],
            ]
            .concat()),
            vec!["source_reprinted_by"],
        ),
    ];
    let file = csv_file(&data, &rows.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>());
    let expected: BTreeSet<(usize, String)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, (_, columns))| columns.iter().map(move |c| (i + 2, c.to_string())))
        .collect();
    let before = snapshot(&data);
    let problems = run(&file, &data).unwrap_err();
    assert_eq!(located(&problems, &file), expected, "{problems:#?}");
    assert_eq!(problems.len(), expected.len(), "one problem per bad cell: {problems:#?}");
    assert_eq!(snapshot(&data), before, "a failed import changes nothing");
    // Reasons say what to do instead.
    let reason = |line: usize| problems.iter().find(|p| p.contains(&format!(":{line}: "))).unwrap().clone();
    assert!(reason(6).contains("bound"), "{}", reason(6));
    assert!(reason(7).contains("text_zh"), "{}", reason(7));
    assert!(reason(10).contains("unknown source"), "{}", reason(10));
    assert!(reason(13).contains("duplicate"), "{}", reason(13));
    assert!(reason(15).contains("duplicate of line 14"), "{}", reason(15));
    assert!(reason(16).contains("sections-38, sections-74"), "{}", reason(16));
    assert!(reason(26).contains("differs from line 25"), "{}", reason(26));
}

#[test]
fn a_row_only_the_whole_dataset_check_rejects_is_reported_against_its_row() {
    let data = data_copy("merged-check");
    let ds = dataset_of(&data);
    let wat = indicator(&ds, "WAT-01");
    assert!(wat.unit.is_percent());
    let source = ds.sources.keys().next().unwrap().to_string();
    let year = free_years(&ds, wat)[0].clone();
    let rows = [
        row(&[("indicator_id", "WAT-02"), ("year", &year), ("value", "1"), ("source_key", &source)]),
        row(&[("indicator_id", "WAT-01"), ("year", &year), ("value", "150"), ("source_key", &source)]),
    ];
    let file = csv_file(&data, &rows);
    let before = snapshot(&data);
    let problems = run(&file, &data).unwrap_err();
    assert_eq!(located(&problems, &file), BTreeSet::from([(3, "value".to_string())]), "{problems:#?}");
    assert!(problems[0].contains("percentage"), "{problems:#?}");
    assert_eq!(snapshot(&data), before);
}

#[test]
fn excel_files_with_bom_crlf_quoted_cells_and_trailing_empty_columns_import() {
    let data = data_copy("excel");
    let ds = dataset_of(&data);
    let (air, wat) = (indicator(&ds, "AIR-02"), indicator(&ds, "WAT-01"));
    let year = free_years(&ds, air).into_iter().find(|y| free_years(&ds, wat).contains(y)).unwrap();
    let later_year = (ds.release.as_of[..4].parse::<i32>().unwrap()).to_string();
    let source = [
        ("source_key", "b25-test-bulletin"),
        ("source_publisher_zh", "甘肃省生态环境厅"),
        ("source_publisher_en", "Gansu Department of Ecology and Environment"),
        ("source_title_zh", "公报，第一部分"),
        ("source_title_en", "Bulletin, part one"),
        ("source_date", "2025-06-05"),
        ("source_tier", "reprint"),
        ("source_reprinted_by", "example.org"),
    ];
    let note = [("note_zh", "含逗号，和\"引号\", too"), ("note_en", "With a comma, and \"quotes\"")];
    let rows = [
        row(&[
            vec![("indicator_id", "AIR-02"), ("year", year.as_str()), ("value", "31.5")],
            source.to_vec(),
            note.to_vec(),
        ]
        .concat()),
        ",,,".to_string(),
        String::new(),
        row(&[
            ("indicator_id", "WAT-01"),
            ("year", &year),
            ("value", "95"),
            ("basis", "sections-38"),
            ("source_key", "b25-test-bulletin"),
        ]),
        row(&[
            vec![
                ("indicator_id", "AIR-02"),
                ("year", later_year.as_str()),
                ("value", "2"),
                ("period", "point_in_time"),
                ("period_zh", "年底"),
                ("period_en", "Year end"),
            ],
            source.to_vec(),
        ]
        .concat()),
    ];
    // Header and rows with two trailing empty columns, CRLF, and the byte-order mark.
    let text: String = std::iter::once(COLUMNS.join(",")).chain(rows).map(|l| format!("{l},,\r\n")).collect();
    let file = data.join("excel.csv");
    fs::write(&file, format!("\u{feff}{text}")).unwrap();
    let imported = run(&file, &data).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(
        imported
            .summary
            .contains(&format!("added 3 value(s) to AIR-02 ({year}, {later_year} (年底)), WAT-01 ({year})")),
        "{}",
        imported.summary
    );
    let after = dataset_of(&data);
    let new = indicator(&after, "AIR-02").values.iter().find(|o| o.year.to_string() == year).unwrap();
    assert_eq!(new.value, Some(31.5));
    assert_eq!(new.note.as_ref().unwrap().zh, "含逗号，和\"引号\", too");
    assert_eq!(new.note.as_ref().unwrap().en, "With a comma, and \"quotes\"");
    let basis = indicator(&after, "WAT-01").values.iter().find(|o| o.year.to_string() == year).unwrap().basis.clone();
    assert_eq!(basis.unwrap().as_str(), "sections-38");
    // The new source once, at the end of the registry; values stay in year order.
    let registry = data_format::parse(&fs::read_to_string(data.join("sources.json")).unwrap()).unwrap();
    let Some(Json::Object(entries)) = registry.get("sources") else { panic!("no sources") };
    assert_eq!(entries.last().unwrap().0, "b25-test-bulletin");
    assert_eq!(entries.iter().filter(|(k, _)| k == "b25-test-bulletin").count(), 1);
    for id in ["AIR-02", "WAT-01"] {
        let years: Vec<i32> = indicator(&after, id).values.iter().map(|o| o.year).collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]), "{id}: {years:?}");
    }
}

#[test]
fn a_value_for_a_year_already_listed_goes_after_that_years_values() {
    let data = data_copy("order");
    let ds = dataset_of(&data);
    let air = indicator(&ds, "AIR-02");
    let year = air.values.iter().find(|o| o.period == Period::FullYear).unwrap().year;
    let same_year = air.values.iter().filter(|o| o.year <= year).count();
    let source = ds.sources.keys().next().unwrap().to_string();
    let cells = [
        ("indicator_id", "AIR-02"),
        ("year", &year.to_string()),
        ("value", "40"),
        ("period", "multi_year"),
        ("period_zh", "测试期间"),
        ("period_en", "Test period"),
        ("source_key", &source),
    ];
    run(&csv_file(&data, &[row(&cells)]), &data).unwrap_or_else(|e| panic!("{e:#?}"));
    let after = dataset_of(&data);
    let values = &indicator(&after, "AIR-02").values;
    assert_eq!(values[same_year].value, Some(40.0), "after every value of {year} and before later ones");
    assert_eq!(values.len(), air.values.len() + 1);
}

#[test]
fn line_numbers_count_line_breaks_inside_cells_and_name_the_spreadsheet_row() {
    let data = data_copy("lines");
    let rows = [
        row(&[
            ("indicator_id", "AIR-02"),
            ("year", "2011"),
            ("value", "1"),
            ("note_zh", "两\n行"),
            ("note_en", "two\nlines"),
            ("source_key", "no-such-source"),
        ]),
        row(&[("indicator_id", "AIR-99"), ("year", "2011"), ("value", "1"), ("source_key", "no-such-source")]),
    ];
    let file = csv_file(&data, &rows);
    let problems = run(&file, &data).unwrap_err();
    let name = file.display();
    assert!(problems.contains(&format!("{name}:2: column source_key (M): unknown source \"no-such-source\": it is not in data/sources.json; to add it, fill source_publisher_zh/_en, source_title_zh/_en, source_date and source_tier on this row")), "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p
                .starts_with(&format!("{name}:5 (spreadsheet row 3): column indicator_id (A): unknown indicator id"))),
        "{problems:#?}"
    );
}

#[test]
fn a_bad_header_or_encoding_is_reported_before_any_row() {
    let data = data_copy("header");
    let before = snapshot(&data);
    let file = data.join("header.csv");
    let header = COLUMNS.join(",").replace("source_tier", "tier").replace(",note_en", "");
    fs::write(&file, format!("{header},extra\nAIR-02,2025\n")).unwrap();
    let problems = run(&file, &data).unwrap_err();
    let name = file.display();
    assert_eq!(
        problems,
        [
            format!("{name}:1: column S: unknown column \"tier\"; the columns are those of public/data/import-template.csv"),
            format!("{name}:1: column U: unknown column \"extra\"; the columns are those of public/data/import-template.csv"),
            format!("{name}:1: missing column \"note_en\": keep the template's header row"),
            format!("{name}:1: missing column \"source_tier\": keep the template's header row"),
        ]
    );
    // "甘肃" in GBK on line 2: Excel's plain "CSV" on a Chinese system.
    fs::write(&file, [COLUMNS.join(",").as_bytes(), b"\n\xb8\xca\xcb\xe0,2025\n"].concat()).unwrap();
    let problems = run(&file, &data).unwrap_err();
    assert!(problems.len() == 1 && problems[0].starts_with(&format!("{name}:2: not UTF-8")), "{problems:#?}");
    fs::remove_file(&file).unwrap();
    assert_eq!(snapshot(&data), before);
}

#[test]
fn data_that_does_not_check_before_the_import_is_reported_and_left_alone() {
    let data = data_copy("broken");
    let text = fs::read_to_string(data.join("air.json")).unwrap();
    fs::write(data.join("air.json"), text.replacen("\"year\": 2021", "\"year\": 2099", 1)).unwrap();
    let before = snapshot(&data);
    let problems = run(&root().join(TEMPLATE), &data).unwrap_err();
    assert!(problems[0].ends_with("has problems before anything is imported (run `sitegen check`):"), "{problems:#?}");
    assert!(problems[1..].iter().any(|p| p.contains("2099 is outside")), "{problems:#?}");
    assert_eq!(snapshot(&data), before);
}
