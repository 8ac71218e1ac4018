//! One real HTML file per route, so every deep link works on a plain static
//! host with no rewrite rules, from any sub-path.
//!
//! Each file is trunk's `dist/index.html` with three changes: `<base href>`
//! points back to the site root ("../../" for `area/air/`), the page carries
//! its own title and description, and `<meta name="data-release">` names the
//! data release the pages were built for.

use gansu_eco_dashboard::i18n::Lang;
use gansu_eco_dashboard::model::{self, Area, OverviewFile};
use gansu_eco_dashboard::pages;
use gansu_eco_dashboard::route::{Page, Route};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Releases {
    current: String,
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Every route the site has a page for in this release.
pub fn routes(overview: &OverviewFile) -> Vec<Route> {
    let mut pages = vec![Page::Overview, Page::About];
    pages.extend(Area::ALL.into_iter().map(Page::Area));
    pages.extend(overview.indicators.iter().map(|i| Page::Indicator(i.id.clone())));
    [Lang::Zh, Lang::En].into_iter().flat_map(|lang| pages.iter().map(move |p| Route::new(lang, p.clone()))).collect()
}

/// The relative path from a route's directory back to the site root.
fn base_for(href: &str) -> String {
    let depth = href.trim_start_matches("./").matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// Rewrites trunk's page for one route. Fails loudly if trunk's output no
/// longer has the markers this relies on.
pub fn render(
    template: &str,
    base: &str,
    title: &str,
    description: &str,
    release: &str,
    lang: Lang,
) -> Result<String, String> {
    let replace_once = |html: &str, start: &str, end: &str, with: &str| -> Result<String, String> {
        let i = html.find(start).ok_or(format!("dist/index.html has no `{start}`"))?;
        let j = html[i..].find(end).ok_or(format!("dist/index.html: `{start}` is not closed"))? + i + end.len();
        Ok(format!("{}{with}{}", &html[..i], &html[j..]))
    };
    let html = replace_once(template, "<base ", ">", &format!(r#"<base href="{}">"#, escape(base)))?;
    let html = replace_once(&html, "<title>", "</title>", &format!("<title>{}</title>", escape(title)))?;
    let html = replace_once(
        &html,
        r#"<meta name="description""#,
        ">",
        &format!(
            r#"<meta name="description" content="{}"><meta name="data-release" content="{}">"#,
            escape(description),
            escape(release)
        ),
    )?;
    replace_once(&html, "<html ", ">", &format!(r#"<html lang="{}">"#, lang.code()))
}

pub fn write(dist: &Path, site_path: &str) -> Result<(), String> {
    if !site_path.starts_with('/') || !site_path.ends_with('/') {
        return Err(format!("--site-path must start and end with `/`, found {site_path}"));
    }
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let template = read(&dist.join("index.html"))?;
    let releases: Releases =
        serde_json::from_str(&read(&dist.join("data/releases.json"))?).map_err(|e| e.to_string())?;
    let overview_path = dist.join("data").join(&releases.current).join("overview.json");
    let overview = model::parse_overview(&overview_path.display().to_string(), &read(&overview_path)?)
        .map_err(|e| format!("{e:?}"))?
        .data;
    let routes = routes(&overview);
    for route in &routes {
        let href = route.href();
        let title = pages::title(route, Some(&overview));
        let html = render(
            &template,
            &base_for(&href),
            &title,
            &pages::description(route, &overview),
            &releases.current,
            route.lang,
        )?;
        let dir = dist.join(href.trim_start_matches("./"));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::write(dir.join("index.html"), html).map_err(|e| e.to_string())?;
    }
    // Hosts that serve 404.html for unknown paths serve it at any depth, so its
    // base is absolute: the app then shows its own not-found page.
    let not_found = Route::new(Lang::Zh, Page::NotFound);
    let html = render(&template, site_path, &pages::title(&not_found, None), "", &releases.current, Lang::Zh)?;
    std::fs::write(dist.join("404.html"), html).map_err(|e| e.to_string())?;
    println!("wrote {} route pages and 404.html to {}", routes.len(), dist.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_point_back_to_the_root() {
        assert_eq!(base_for("./"), "./");
        assert_eq!(base_for("en/"), "../");
        assert_eq!(base_for("en/indicator/AIR-02/"), "../../../");
    }

    #[test]
    fn render_replaces_base_title_description_and_lang() {
        let t = r#"<html lang="zh-CN"><head><base href="./"><title>x</title><meta name="description" content="d"></head></html>"#;
        let html = render(t, "../../", "A <b> & \"c\"", "desc", "2026-11-28", Lang::En).unwrap();
        assert!(html.contains(r#"<base href="../../">"#));
        assert!(html.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(html.contains(r#"<meta name="data-release" content="2026-11-28">"#));
        assert!(html.starts_with(r#"<html lang="en">"#));
    }
}
