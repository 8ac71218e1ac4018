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

/// The lines of `new` that are not in `old`, every line of `old` staying in
/// order (the line before an addition may gain a comma).
fn added_lines<'n>(name: &str, old: &str, new: &'n str) -> Vec<&'n str> {
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
    added
}

/// The lines that differ other than by a trailing comma, in order: what a
/// diff shows besides the added lines.
fn comma_changes(old: &str, new: &str) -> usize {
    let old: BTreeSet<&str> = old.lines().collect();
    new.lines().filter(|l| !old.contains(l) && old.contains(l.trim_end_matches(','))).count()
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

/// Imports `rows` (each with the columns it should be faulted on) into `data`:
/// every problem is located on exactly those cells, one per cell, and nothing
/// is written. Returns the file and its problems, for checks of their reasons.
fn import_bad_rows(data: &Path, rows: &[(String, Vec<&str>)]) -> (PathBuf, Vec<String>) {
    let file = csv_file(data, &rows.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>());
    let expected: BTreeSet<(usize, String)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, (_, columns))| columns.iter().map(move |c| (i + 2, c.to_string())))
        .collect();
    let before = snapshot(data);
    let problems = run(&file, data).unwrap_err();
    assert_eq!(located(&problems, &file), expected, "{problems:#?}");
    assert_eq!(problems.len(), expected.len(), "one problem per bad cell: {problems:#?}");
    assert_eq!(snapshot(data), before, "a failed import changes nothing");
    (file, problems)
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
        let added = added_lines(name, &old, &new);
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
    let (_, problems) = import_bad_rows(&data, &rows);
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
            format!("{name}:1: column Y: unknown column \"extra\"; the columns are those of public/data/import-template.csv"),
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

/// A row adding a city's figure to AIR-01 (a percentage) from `source`, with `changes`.
fn city_row(year: &str, place: &str, source: &str, changes: &[(&str, &str)]) -> String {
    let mut cells = vec![("indicator_id", "AIR-01"), ("year", year), ("value", "88.5"), ("place", place)];
    cells.push(("source_key", source));
    cells.retain(|(c, _)| !changes.iter().any(|(k, _)| k == c));
    cells.extend(changes.iter().copied());
    row(&cells)
}

/// The keys of an indicator's series, in the file's order.
fn series_keys(ind: &Indicator) -> Vec<String> {
    ind.breakdown.iter().map(|s| s.key()).collect()
}

#[test]
fn the_template_header_is_the_columns_and_a_header_without_the_place_columns_still_imports() {
    let template = fs::read_to_string(root().join(TEMPLATE)).unwrap();
    let header = template.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(header, COLUMNS.join(","), "the template lists every column, in order");
    assert!(header.ends_with(",place,scope,scope_zh,scope_en"), "the place columns come last");
    // A copy of the template made before the place columns: the province's figures, as before.
    let data = data_copy("old-header");
    let ds = dataset_of(&data);
    let year = free_years(&ds, indicator(&ds, "AIR-02"))[0].clone();
    let source = ds.sources.keys().next().unwrap().to_string();
    let old = &COLUMNS[..COLUMNS.len() - 4];
    let line = old.iter().map(|c| match *c {
        "indicator_id" => "AIR-02",
        "year" => year.as_str(),
        "value" => "30",
        "source_key" => source.as_str(),
        _ => "",
    });
    let file = data.join("old.csv");
    fs::write(&file, format!("{}\n{}\n", old.join(","), line.collect::<Vec<_>>().join(","))).unwrap();
    run(&file, &data).unwrap_or_else(|e| panic!("{e:#?}"));
    let after = dataset_of(&data);
    assert!(indicator(&after, "AIR-02").values.iter().any(|o| o.year.to_string() == year && o.value == Some(30.0)));
    assert_eq!(indicator(&after, "AIR-02").breakdown, indicator(&ds, "AIR-02").breakdown);
}

#[test]
fn a_city_figure_goes_into_its_series_in_year_order_and_a_diff_shows_only_the_added_lines() {
    let data = data_copy("city");
    let ds = dataset_of(&data);
    let air = indicator(&ds, "AIR-01");
    let lanzhou = air.series("620100").expect("AIR-01 has Lanzhou's series without a scope");
    let jinchang = air.series("620300.jinchang-urban").expect("AIR-01 has Jinchang's urban series");
    assert!(!lanzhou.values.iter().any(|o| o.year == 2025), "the test adds Lanzhou's 2025");
    assert!(!jinchang.values.iter().any(|o| o.year == 2023), "the test adds Jinchang's 2023");
    let source = ds.sources.keys().next().unwrap().to_string();
    let partial = [("period", "partial"), ("period_zh", "1—6月"), ("period_en", "Jan–Jun")];
    let rows = [
        city_row("2025", "620100", &source, &[("value", "84.1"), ("note_zh", "全年。"), ("note_en", "Full year.")]),
        city_row("2022", "620100", &source, &partial),
        // The labels of an existing scope may be repeated exactly.
        city_row("2023", "620300", &source, &[("scope", "jinchang-urban"), ("scope_zh", "市区")]),
        // The province's own figure beside them, as before (620000 is the province).
        air_row(&free_years(&ds, indicator(&ds, "AIR-02"))[0], &source, &[("place", "620000")]),
    ];
    let file = csv_file(&data, &rows);
    let before = snapshot(&data);
    let imported = run(&file, &data).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(
        imported.summary.contains(
            "AIR-01 (2025 for 620100 兰州市, 2022 (1—6月) for 620100 兰州市, 2023 for 620300 金昌市 (scope jinchang-urban))"
        ),
        "{}",
        imported.summary
    );
    assert!(!imported.summary.contains("new series"), "{}", imported.summary);
    let after = dataset_of(&data);
    let new_air = indicator(&after, "AIR-01");
    assert_eq!(series_keys(new_air), series_keys(air), "no series added or moved");
    assert_eq!(new_air.values, air.values, "the province's values are unchanged");
    let lanzhou_after = new_air.series("620100").unwrap();
    let years: Vec<i32> = lanzhou_after.values.iter().map(|o| o.year).collect();
    assert_eq!(lanzhou_after.values.len(), lanzhou.values.len() + 2);
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    let last_2022 = years.iter().rposition(|y| *y == 2022).unwrap();
    assert_eq!(lanzhou_after.values[last_2022].period.label().unwrap().en, "Jan–Jun", "after the full-year 2022");
    let new = lanzhou_after.values.last().unwrap();
    assert_eq!((new.year, new.value, new.basis.as_ref()), (2025, Some(84.1), None));
    assert_eq!(new.note.as_ref().unwrap().en, "Full year.");
    let jinchang_after = new_air.series("620300.jinchang-urban").unwrap();
    assert_eq!(jinchang_after.values.iter().map(|o| o.year).collect::<Vec<_>>(), [2022, 2023]);
    assert_eq!(jinchang_after.scope, jinchang.scope);
    // In air.json: four value lines; the lines before the two values added at the
    // end of their series gain a comma (AIR-02's goes before its first value);
    // nothing else changes.
    let after_files = snapshot(&data);
    let changed: Vec<&String> = after_files.keys().filter(|k| after_files[*k] != before[*k]).collect();
    assert_eq!(changed, ["air.json"]);
    let old = String::from_utf8(before["air.json"].clone()).unwrap();
    let new = String::from_utf8(after_files["air.json"].clone()).unwrap();
    let added = added_lines("air.json", &old, &new);
    assert_eq!(added.len(), 4, "{added:#?}");
    assert!(added.iter().all(|l| l.trim_start().starts_with("{ \"year\": ")), "one line per value: {added:#?}");
    assert!(added.iter().any(|l| l.contains("\"value\": 84.1") && l.contains("\"note\": {")), "{added:#?}");
    assert!(added.iter().all(|l| !l.contains("\"basis\"")), "{added:#?}");
    assert_eq!(comma_changes(&old, &new), 2, "Lanzhou's 2024 and Jinchang's 2022");
}

#[test]
fn a_city_row_with_a_new_scope_creates_its_series_in_place_code_order() {
    let data = data_copy("city-new");
    let ds = dataset_of(&data);
    let air = indicator(&ds, "AIR-01");
    assert!(air.series("620100.lanzhou-urban").is_none() && air.series_of("620200").next().is_none());
    assert!(indicator(&ds, "AIR-04").breakdown.is_empty(), "the test needs an indicator without a breakdown");
    let source = ds.sources.keys().next().unwrap().to_string();
    let labels = [("scope", "lanzhou-urban"), ("scope_zh", "城区"), ("scope_en", "urban area")];
    let rows = [
        city_row("2024", "620100", &source, &labels),
        // A later row of the new scope may leave its labels empty.
        city_row("2023", "620100", &source, &[("scope", "lanzhou-urban")]),
        city_row("2025", "620200", &source, &[]),
        row(&[
            ("indicator_id", "AIR-04"),
            ("year", "2022"),
            ("value", "1200"),
            ("place", "623000"),
            ("scope", "gannan-projects"),
            ("scope_zh", "州内重点工程"),
            ("scope_en", "key projects in the prefecture"),
            ("source_key", &source),
        ]),
    ];
    let before = snapshot(&data);
    let imported = run(&csv_file(&data, &rows), &data).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(
        imported.summary.contains("new series: AIR-01 620100 兰州市 (scope lanzhou-urban), AIR-01 620200 嘉峪关市, AIR-04 623000 甘南藏族自治州 (scope gannan-projects)"),
        "{}",
        imported.summary
    );
    let after = dataset_of(&data);
    let new_air = indicator(&after, "AIR-01");
    let mut expected = series_keys(air);
    expected.insert(1, "620100.lanzhou-urban".to_string());
    expected.insert(2, "620200".to_string());
    assert_eq!(series_keys(new_air), expected, "after the place's own series, before higher codes");
    let urban = new_air.series("620100.lanzhou-urban").unwrap();
    let scope = urban.scope.as_ref().unwrap();
    assert_eq!((scope.label.zh.as_str(), scope.label.en.as_str(), scope.note.as_ref()), ("城区", "urban area", None));
    assert_eq!(urban.values.iter().map(|o| o.year).collect::<Vec<_>>(), [2023, 2024], "in year order");
    assert_eq!(new_air.series("620200").unwrap().scope, None);
    let gannan = &indicator(&after, "AIR-04").breakdown;
    assert_eq!(series_keys(&indicator(&after, "AIR-04").clone()), ["623000.gannan-projects"]);
    assert_eq!(gannan[0].values[0].value, Some(1200.0));
    // The new series are laid out as the hand-made ones: one field per line,
    // one value per line; nothing else changes but a comma.
    let old = String::from_utf8(before["air.json"].clone()).unwrap();
    let new = String::from_utf8(fs::read(data.join("air.json")).unwrap()).unwrap();
    let value = |year: i32, value: &str| format!(r#"{{ "year": {year}, "value": {value}, "source": "{source}" }}"#);
    let blocks = [
        [
            "        {",
            "          \"place\": \"620100\",",
            "          \"scope\": { \"id\": \"lanzhou-urban\", \"label\": { \"zh\": \"城区\", \"en\": \"urban area\" } },",
            "          \"values\": [",
            &format!("            {},", value(2023, "88.5")),
            &format!("            {}", value(2024, "88.5")),
            "          ]",
            "        },",
            "        {",
            "          \"place\": \"620200\",",
            "          \"values\": [",
            &format!("            {}", value(2025, "88.5")),
            "          ]",
            "        },",
            "        {",
            "          \"place\": \"620300\",",
        ]
        .join("\n"),
        [
            "      \"publication\": { \"kind\": \"npc_report\", \"usual\": \"03-25\" },",
            "      \"breakdown\": [",
            "        {",
            "          \"place\": \"623000\",",
            "          \"scope\": { \"id\": \"gannan-projects\", \"label\": { \"zh\": \"州内重点工程\", \"en\": \"key projects in the prefecture\" } },",
            "          \"values\": [",
            &format!("            {}", value(2022, "1200")),
            "          ]",
            "        }",
            "      ],",
            "      \"curator_notes\": [",
        ]
        .join("\n"),
    ];
    for block in blocks {
        assert!(new.contains(&format!("\n{block}")), "not in air.json:\n{block}");
    }
    let added = added_lines("air.json", &old, &new);
    assert_eq!(added.len(), 14 + 9, "the lines above and no others: {added:#?}");
    assert_eq!(comma_changes(&old, &new), 0, "new series go between others; AIR-04's before its curator_notes");
    assert_eq!(data_format::format(&data_format::parse(&new).unwrap()), new, "the standard layout");
}

#[test]
fn bad_city_rows_are_reported_with_their_line_and_column_and_nothing_is_written() {
    let data = data_copy("city-bad");
    let ds = dataset_of(&data);
    let air = indicator(&ds, "AIR-01");
    let existing = air.series("620100").unwrap().values.iter().find(|o| o.period == Period::FullYear).unwrap();
    let existing = existing.year.to_string();
    assert!(air.series_of("620700").next().is_none(), "the test adds Zhangye's first series");
    let source = ds.sources.keys().next().unwrap().to_string();
    let with = |year: &str, place: &str, changes: &[(&str, &str)]| city_row(year, place, &source, changes);
    let new_scope = [("scope", "zhangye-urban"), ("scope_zh", "市区"), ("scope_en", "urban area")];
    let rows: Vec<(String, Vec<&str>)> = vec![
        (with("2021", "620101", &[]), vec!["place"]),
        (with("2021", "兰州市", &[]), vec!["place"]),
        (with("2021", "620700", &[("basis", "bulletin")]), vec!["basis"]),
        (with("2021", "620700", &[("scope", "zhangye-city")]), vec!["scope_zh"]),
        (with("2022", "620700", &[("scope", "zhangye-city"), ("scope_zh", "城区")]), vec!["scope_en"]),
        (with("2021", "620700", &[("scope", "Urban Area")]), vec!["scope"]),
        (with("2021", "620300", &[("scope", "jinchang-urban"), ("scope_en", "city")]), vec!["scope_en"]),
        (with("2021", "", &[("scope", "zhangye-urban")]), vec!["scope"]),
        (with("2021", "620700", &[("scope_zh", "市区")]), vec!["scope_zh"]),
        (with(&existing, "620100", &[]), vec!["year"]),
        (with("2023", "620700", &new_scope), vec![]),
        (with("2023", "620700", &[("scope", "zhangye-urban")]), vec!["year"]),
        (with("2024", "620700", &[("scope", "zhangye-urban"), ("scope_en", "city")]), vec!["scope_en"]),
        // The same year as a province value, or another place's: not a duplicate.
        (with(&existing, "620700", &[]), vec![]),
        (
            with("2021", "620700", &[("scope_zh", "研究记录"), ("scope", "zhangye-x"), ("scope_en", "x")]),
            vec!["scope_zh"],
        ),
    ];
    let (file, problems) = import_bad_rows(&data, &rows);
    let reason = |line: usize| problems.iter().find(|p| p.contains(&format!(":{line}: "))).unwrap().clone();
    let name = file.display();
    assert!(
        reason(2)
            .starts_with(&format!("{name}:2: column place (V): \"620101\" is not the code of a city or prefecture")),
        "{}",
        reason(2)
    );
    assert!(reason(2).contains("620100 兰州市"), "{}", reason(2));
    assert!(reason(3).contains("write its code, 620100 兰州市"), "{}", reason(3));
    assert!(reason(4).contains("column basis (H): a city's figure takes its scope from `scope`"), "{}", reason(4));
    assert!(reason(5).contains("required for a new scope") && reason(5).contains("620700 张掖市"), "{}", reason(5));
    assert!(reason(7).contains("not a scope id"), "{}", reason(7));
    assert!(reason(8).contains("differs from the label of scope \"jinchang-urban\""), "{}", reason(8));
    assert!(reason(9).contains("set `place`"), "{}", reason(9));
    assert!(
        reason(11).contains("duplicate: AIR-01 already has a value for") && reason(11).contains("620100 兰州市"),
        "{}",
        reason(11)
    );
    assert!(
        reason(13).contains("duplicate of line 12: the same indicator, year, place, scope and period"),
        "{}",
        reason(13)
    );
    assert!(reason(14).contains("differs from line 12, which adds scope \"zhangye-urban\""), "{}", reason(14));
    assert!(reason(16).contains("curators' word"), "{}", reason(16));
}

#[test]
fn a_city_row_only_the_whole_dataset_check_rejects_is_reported_against_its_row() {
    let data = data_copy("city-merged-check");
    let ds = dataset_of(&data);
    assert!(indicator(&ds, "AIR-01").unit.is_percent());
    let source = ds.sources.keys().next().unwrap().to_string();
    let rows = [city_row("2025", "620500", &source, &[]), city_row("2025", "620100", &source, &[("value", "150")])];
    let file = csv_file(&data, &rows);
    let before = snapshot(&data);
    let problems = run(&file, &data).unwrap_err();
    assert_eq!(located(&problems, &file), BTreeSet::from([(3, "value".to_string())]), "{problems:#?}");
    assert!(problems[0].contains("percentage"), "{problems:#?}");
    assert_eq!(snapshot(&data), before);
}
