//! `sitegen chart-options DIST OUT`: the download-style chart option of every
//! indicator of the current release, in both languages, as JSON for
//! `scripts/render-charts.mjs` to draw into static pictures (no-JavaScript
//! fallback and link previews). The options come from the same Rust chart
//! builders the site uses.

use super::pages::current_overview;
use gansu_eco_dashboard::charts::{export_chart, ChartOpts, Layout};
use gansu_eco_dashboard::i18n::{self, Lang};
use gansu_eco_dashboard::model;
use std::path::Path;

pub fn write(dist: &Path, out: &Path) -> Result<(), String> {
    let (release, overview) = current_overview(dist)?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for summary in &overview.indicators {
        let path = dist.join(model::layout::on_site(&model::layout::indicator(&release, &summary.id)));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = model::parse_indicator_file(&path.display().to_string(), &text).map_err(|e| format!("{e:?}"))?;
        for lang in [Lang::Zh, Lang::En] {
            let code = lang.short();
            let opts = ChartOpts { lang, dark: false, layout: Layout::Export };
            let chart = export_chart(&file.indicator, &opts, &i18n::embed_source_line(lang, &file));
            let json = serde_json::to_string(&chart).map_err(|e| e.to_string())?;
            let target = out.join(format!("{}.{code}.json", summary.id));
            std::fs::write(&target, json).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    println!("wrote {} chart options to {}", overview.indicators.len() * 2, out.display());
    Ok(())
}
