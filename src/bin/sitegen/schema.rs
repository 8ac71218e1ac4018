//! JSON Schema files for the published snapshot format, generated from the same
//! Rust types the site parses with, so the schema cannot drift from the code.

use gansu_eco_dashboard::model::{IndicatorFile, OverviewFile, ReleasesFile, SourcesFile, SCHEMA_VERSION};
use schemars::{schema_for, Schema};
use std::path::Path;

pub fn schemas() -> Vec<(&'static str, Schema)> {
    vec![
        ("overview.schema.json", schema_for!(OverviewFile)),
        ("indicator.schema.json", schema_for!(IndicatorFile)),
        ("sources.schema.json", schema_for!(SourcesFile)),
        ("releases.schema.json", schema_for!(ReleasesFile)),
    ]
}

pub fn write(dir: &Path) -> Result<(), String> {
    let dir = dir.join(format!("v{SCHEMA_VERSION}"));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, schema) in schemas() {
        let mut text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
        text.push('\n');
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("wrote JSON Schema files to {}", dir.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_schema_files_match_the_types() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("public/data/schema/v{SCHEMA_VERSION}"));
        for (name, schema) in schemas() {
            let mut expected = serde_json::to_string_pretty(&schema).unwrap();
            expected.push('\n');
            let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(
                on_disk == expected,
                "{name} is out of date: run `cargo run --features tools --bin sitegen -- schema`"
            );
        }
    }
}
