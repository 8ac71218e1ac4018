//! Native build tool for the dashboard (never part of the site itself).
//!
//! ```text
//! sitegen check            validate data/ and every file in public/data/, with timings
//! sitegen publish          write data/ as the release public/data/<release>/
//! sitegen stats            counts, goals by status, the not-assessable list, validator timing
//! sitegen schema           write the JSON Schema files to public/data/schema/
//! sitegen import FILE.csv  add the values (and new sources) of a spreadsheet made from
//!                          public/data/import-template.csv to data/: every row checked,
//!                          every problem reported with line and column, and data/
//!                          written only when all rows pass
//! sitegen chart-options DIST OUT
//!                          write every indicator's chart option (both languages) as
//!                          JSON, for scripts/render-charts.mjs to draw into pictures
//! sitegen pages DIST --site-url https://host/path/ [--report-url mailto:…|https://…]
//!                          write one HTML file per route into trunk's output DIST, with
//!                          canonical URL and link-preview tags (absolute, hence the
//!                          site URL), and a 404.html for hosts that serve one;
//!                          also sitemap.xml, robots.txt, the Atom feed of data
//!                          releases (feed.xml, en/feed.xml), schema.org JSON-LD in
//!                          indicator and about pages, and beside each indicator
//!                          page its oEmbed file and QR code; with --report-url,
//!                          indicator pages link to a prefilled problem report
//! sitegen package DIST     beside every release's whole-dataset CSV and JSON in DIST/data/:
//!                          CSVW metadata, a Frictionless Data Package (v2), and a ZIP of
//!                          them all with a README in Chinese and English
//! ```

use gansu_eco_dashboard::model::{dataset, history};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

mod chart_options;
mod csp;
mod csv_read;
mod data_format;
mod feed;
mod import;
mod import_columns;
mod import_rows;
mod import_sources;
mod jsonld;
mod oembed;
mod package;
mod package_codes;
mod package_columns;
mod package_meta;
mod package_readme;
mod pages;
mod qr;
mod render;
mod schema;
mod sitemap;
mod stats;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check(),
        Some("publish") => publish(),
        Some("stats") => stats::print(),
        Some("format") => data_format::rewrite(Path::new("data")),
        Some("schema") => schema::write(Path::new("public/data/schema")),
        Some("import") => match args.as_slice() {
            [_, file] => import::command(Path::new(file)),
            _ => Err("usage: sitegen import FILE.csv".to_string()),
        },
        Some("pages") => match args.as_slice() {
            [_, dist, flag, url] if flag == "--site-url" => pages::write(Path::new(dist), url, None),
            [_, dist, flag, url, report_flag, report] if flag == "--site-url" && report_flag == "--report-url" => {
                pages::write(Path::new(dist), url, Some(report))
            }
            _ => Err("usage: sitegen pages DIST --site-url https://host/path/ [--report-url mailto:…|https://…]"
                .to_string()),
        },
        Some("package") => match args.as_slice() {
            [_, dist] => package::write(Path::new(dist)),
            _ => Err("usage: sitegen package DIST".to_string()),
        },
        Some("chart-options") => match args.as_slice() {
            [_, dist, out] => chart_options::write(Path::new(dist), Path::new(out)),
            _ => Err("usage: sitegen chart-options DIST OUT".to_string()),
        },
        _ => {
            Err("usage: sitegen check | publish | stats | format | schema | import FILE.csv | chart-options DIST OUT | pages DIST --site-url URL | package DIST"
                .to_string())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}

fn report(errors: Vec<gansu_eco_dashboard::model::DataError>) -> String {
    let mut out = format!("{} problem(s):\n", errors.len());
    for e in errors {
        out.push_str(&format!("  {e}\n"));
    }
    out
}

fn check() -> Result<(), String> {
    let start = Instant::now();
    let ds = dataset::load_authoring(Path::new("data")).map_err(report)?;
    let authoring = start.elapsed();
    let start = Instant::now();
    let published = dataset::check_published(Path::new("public/data")).map_err(report)?;
    let checked = start.elapsed();
    println!(
        "data/: {} indicators, {} sources, valid ({:.1} ms)",
        ds.indicators.len(),
        ds.sources.len(),
        authoring.as_secs_f64() * 1e3
    );
    println!(
        "public/data/: {} files in {} release(s), valid ({:.1} ms)",
        published.files,
        published.releases.len(),
        checked.as_secs_f64() * 1e3
    );
    Ok(())
}

fn publish() -> Result<(), String> {
    let authoring = dataset::load_authoring(Path::new("data")).map_err(report)?;
    let out = Path::new("public/data");
    // Figures that differ from the previous release's are marked `revised`, and
    // every release's differences from the one before go into releases.json:
    // all computed before anything is written.
    let ds = history::with_history(out, &authoring).map_err(report)?;
    let list = history::releases_file(out, &ds).map_err(report)?;
    let dir = out.join(&ds.release.release);
    // A release is rewritten whole, so no file of an earlier draft lingers.
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let files = dataset::release_files(&ds, gansu_eco_dashboard::i18n::status_columns);
    for (path, contents) in &files {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::fs::write(out.join("releases.json"), list).map_err(|e| e.to_string())?;
    println!("published release {} ({} files)", ds.release.release, files.len() + 1);
    Ok(())
}
