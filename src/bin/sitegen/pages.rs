//! One real HTML file per route, so every deep link works on a plain static
//! host with no rewrite rules, from any sub-path, and every link shared in a
//! chat app or social network shows the right title, description and picture.
//!
//! Each file is trunk's `dist/index.html` (for embeds, the embed build's page,
//! with the site's wasm: `embed_with_islands_wasm`) with its `<head>` made for the route:
//! `<base href>` pointing back to the site root ("../../" for `area/air/`), the
//! page's title and description, the canonical URL and language alternates,
//! Open Graph and Twitter card tags, and `<meta name="data-release">` naming the
//! data release the pages were built for. Its `<body>` is the page itself,
//! rendered by the site's own views (`render`): readable before any script
//! runs, and without script at all (style/noscript.css then shows what the
//! script would have put behind a tab). ECharts' script is not loaded by the page but
//! named in `<meta name="echarts">`, for the first chart that needs it.
//!
//! Beside the pages: `sitemap.xml` and `robots.txt` (`sitemap`); the Atom feed
//! of data releases in each language, named in every page's head (`feed`); in
//! indicator and about pages, schema.org markup (`jsonld`); beside each
//! indicator page, its oEmbed file (`oembed`) and the QR code of its address (`qr`).

use super::{feed, jsonld, oembed, qr, render, sitemap};
use gansu_eco_dashboard::i18n::{Lang, Msg};
use gansu_eco_dashboard::model::layout;
use gansu_eco_dashboard::model::{self, place, Area, IndicatorFile, IndicatorId, OverviewFile};
use gansu_eco_dashboard::present::meta;
use gansu_eco_dashboard::route::{Page, Route};
use gansu_eco_dashboard::share::escape_html as escape;
use gansu_eco_dashboard::start;
use std::path::Path;

/// Where `write` leaves each chart's option (`<key>.json`: its box's CSS class
/// and its option) for `scripts/inline-charts.mjs`, which draws them into the
/// pages and removes the folder.
pub const CHART_OPTIONS: &str = ".chart-options";

/// Every route the site has a page for in this release.
pub fn routes(overview: &OverviewFile) -> Vec<Route> {
    let mut pages = vec![Page::Overview, Page::About, Page::Changes, Page::Cities];
    pages.extend(Area::ALL.into_iter().map(Page::Area));
    pages.extend(place::PLACES.iter().map(|p| Page::City(p.code.to_string())));
    pages.extend(overview.indicators.iter().map(|i| Page::Indicator(i.id.clone())));
    pages.extend(overview.indicators.iter().map(|i| Page::Embed(i.id.clone())));
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

/// The path part of an absolute URL: `https://e.org/gansu/` → `/gansu/`.
pub fn url_path(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    rest.find('/').map(|i| &rest[i..])
}

/// Everything that makes one route's `<head>` its own, and its rendered `<body>`.
pub struct PageMeta {
    pub base: String,
    pub lang: Lang,
    pub title: String,
    pub description: String,
    pub release: String,
    /// Absolute URLs.
    pub canonical: String,
    pub alternates: Vec<(Lang, String)>,
    pub image: Option<String>,
    pub noindex: bool,
    /// Names the language's Atom feed of releases: every page but an embed,
    /// which sits in other sites' articles.
    pub feed: bool,
    /// The route the body was rendered for (`Route::href`): the site's wasm wakes
    /// the page only at its address (`start::rendered_for`).
    pub rendered: String,
    /// The build's date (`render::Build::today`).
    pub rendered_on: String,
    /// The site's absolute address, ending in `/`.
    pub site_url: String,
    /// The page's body, rendered (`render`).
    pub body: String,
    /// schema.org markup (`jsonld::script`): indicator and about pages.
    pub structured_data: Option<String>,
    /// Absolute URL of the page's oEmbed file: indicator pages.
    pub oembed: Option<String>,
    /// Where readers report a problem with a figure (`--report-url`): indicator pages.
    pub report_url: Option<String>,
}

impl PageMeta {
    fn head(&self) -> String {
        let e = escape;
        let og_locale = match self.lang {
            Lang::Zh => "zh_CN",
            Lang::En => "en_US",
        };
        let mut h = format!(
            r#"<meta name="description" content="{}"><meta name="data-release" content="{}"><link rel="canonical" href="{}">"#,
            e(&self.description),
            e(&self.release),
            e(&self.canonical)
        );
        for (lang, href) in &self.alternates {
            h.push_str(&format!(r#"<link rel="alternate" hreflang="{}" href="{}">"#, lang.code(), e(href)));
        }
        if self.feed {
            h.push_str(&feed::head_link(self.lang));
        }
        h.push_str(&format!(
            r#"<meta property="og:type" content="website"><meta property="og:site_name" content="{}"><meta property="og:title" content="{}"><meta property="og:description" content="{}"><meta property="og:url" content="{}"><meta property="og:locale" content="{og_locale}">"#,
            e(self.lang.t(Msg::SiteShortTitle)),
            e(&self.title),
            e(&self.description),
            e(&self.canonical)
        ));
        match &self.image {
            Some(img) => h.push_str(&format!(
                r#"<meta property="og:image" content="{}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"><meta name="twitter:card" content="summary_large_image"><meta name="twitter:image" content="{}">"#,
                e(img),
                e(img)
            )),
            None => h.push_str(r#"<meta name="twitter:card" content="summary">"#),
        }
        if self.noindex {
            h.push_str(r#"<meta name="robots" content="noindex">"#);
        }
        if let Some(url) = &self.oembed {
            h.push_str(&format!(
                r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
                e(url),
                e(&self.title)
            ));
        }
        if let Some(url) = &self.report_url {
            h.push_str(&format!(r#"<meta name="report-url" content="{}">"#, e(url)));
        }
        if let Some(script) = &self.structured_data {
            h.push_str(script);
        }
        h.push_str(&format!(r#"<meta name="{}" content="{}">"#, start::RENDERED_META, e(&self.rendered)));
        h.push_str(&format!(
            r#"<meta name="site-url" content="{}"><meta name="rendered-on" content="{}">"#,
            e(&self.site_url),
            e(&self.rendered_on)
        ));
        h
    }
}

/// Rewrites trunk's page for one route. Fails loudly if trunk's output no
/// longer has the markers this relies on.
pub fn render(template: &str, meta: &PageMeta) -> Result<String, String> {
    let replace_once = |html: &str, start: &str, end: &str, with: &str| -> Result<String, String> {
        let i = html.find(start).ok_or(format!("dist/index.html has no `{start}`"))?;
        let j = html[i..].find(end).ok_or(format!("dist/index.html: `{start}` is not closed"))? + i + end.len();
        Ok(format!("{}{with}{}", &html[..i], &html[j..]))
    };
    let csp = super::csp::policy(&[template]);
    let html = replace_once(
        template,
        "<base ",
        ">",
        &format!(
            r#"<meta http-equiv="Content-Security-Policy" content="{}"><base href="{}">"#,
            escape(&csp),
            escape(&meta.base)
        ),
    )?;
    let html = replace_once(&html, "<title>", "</title>", &format!("<title>{}</title>", escape(&meta.title)))?;
    let html = replace_once(&html, r#"<meta name="description""#, ">", &meta.head())?;
    let html = echarts_on_demand(&html)?;
    let html = replace_once(&html, "<body>", "</body>", &format!("<body>{}</body>", meta.body))?;
    let embed = if meta.feed { "" } else { " data-embed" };
    replace_once(&html, "<html ", ">", &format!(r#"<html lang="{}"{embed}>"#, meta.lang.code()))
}

/// Trunk's `<script src="./echarts-….js" defer integrity="…">` becomes
/// `<meta name="echarts">` naming the same file: the chart host loads it when a
/// chart first needs it (`components::chart_host::load_echarts`).
fn echarts_on_demand(html: &str) -> Result<String, String> {
    let start = html.find(r#"<script src="./echarts-"#).ok_or("dist/index.html has no ECharts script")?;
    let end = html[start..].find("</script>").ok_or("dist/index.html: the ECharts script is not closed")? + start;
    let tag = &html[start..end];
    let attr = |name: &str| {
        let at = tag.find(&format!(r#"{name}=""#))? + name.len() + 2;
        tag[at..].find('"').map(|n| &tag[at..at + n])
    };
    let src = attr("src").ok_or("the ECharts script has no src")?;
    let integrity = attr("integrity").map(|i| format!(r#" data-integrity="{i}""#)).unwrap_or_default();
    Ok(format!(
        r#"{}<meta name="echarts" content="{src}"{integrity}>{}"#,
        &html[..start],
        &html[end + "</script>".len()..]
    ))
}

/// A page with `<meta name="full-app">` naming the full build's script and wasm
/// (as `full`, the full build's page, preloads them): what an embed loads for an
/// address it was not rendered for (`gansu_eco_dashboard::islands`).
fn with_full_app(islands: &str, full: &str) -> Result<String, String> {
    // The full build's files, as the attribute values that name them.
    let file = |end: &str| {
        full.split('"')
            .map(|value| value.trim_start_matches("./"))
            .find(|name| name.starts_with("gansu-eco-") && name.ends_with(end))
            .ok_or(format!("the full build's page names no `gansu-eco-…{end}`"))
    };
    let (js, wasm) = (file(".js")?, file("_bg.wasm")?);
    let meta =
        format!(r#"<meta name="{}" content="{}" data-wasm="{}">"#, start::FULL_APP_META, escape(js), escape(wasm));
    let at = islands.find("</head>").ok_or("islands-template.html has no </head>")?;
    Ok(format!("{}{meta}{}", &islands[..at], &islands[at..]))
}

/// The embed build's page loading the islands build's wasm instead of its own:
/// trunk writes the script that starts a build's wasm, and the links that
/// preload it, last in `<head>`; the rest of the page (its stylesheet, its
/// inline script) stays the embed's.
fn embed_with_islands_wasm(embed: &str, islands: &str) -> Result<String, String> {
    const START: &str = r#"<script type="module">"#;
    let loader = |html: &str, name: &str| {
        let from = html.find(START).ok_or(format!("{name}: no `{START}` that starts its wasm"))?;
        let to = html[from..].find("</head>").ok_or(format!("{name}: no </head>"))? + from;
        Ok::<_, String>(from..to)
    };
    let (own, theirs) = (loader(embed, "embed-template.html")?, loader(islands, "islands-template.html")?);
    Ok(format!("{}{}{}", &embed[..own.start], &islands[theirs], &embed[own.end..]))
}

/// The metadata of one route. `site_url` is the absolute URL of the site root.
pub fn meta_for(route: &Route, overview: &OverviewFile, site_url: &str, release: &str) -> PageMeta {
    let abs = |r: &Route| r.url(site_url);
    let (canonical_route, noindex) = match &route.page {
        // An embed is a view of its indicator page, which is what should be found.
        Page::Embed(id) => (Route::new(route.lang, Page::Indicator(id.clone())), true),
        _ => (route.clone(), false),
    };
    let id = match &route.page {
        Page::Indicator(id) | Page::Embed(id) => Some(id.clone()),
        // The overview's preview picture: the air area's headline indicator.
        Page::Overview => overview.indicators.iter().find(|i| i.headline && i.area == Area::Air).map(|i| i.id.clone()),
        _ => None,
    };
    let code = route.lang.short();
    let ind = id.as_ref().and_then(|id| overview.indicators.iter().find(|i| &i.id == id));
    let image = ind.map(|i| format!("{site_url}charts/{}.{code}.png", i.id));
    PageMeta {
        base: base_for(&route.href()),
        lang: route.lang,
        title: meta::title(route, Some(overview)),
        description: meta::description(route, overview),
        release: release.to_string(),
        canonical: abs(&canonical_route),
        alternates: [Lang::Zh, Lang::En].into_iter().map(|l| (l, abs(&canonical_route.in_lang(l)))).collect(),
        image,
        noindex,
        feed: !matches!(route.page, Page::Embed(_)),
        rendered: route.href(),
        rendered_on: String::new(),
        site_url: site_url.to_string(),
        body: String::new(),
        structured_data: None,
        oembed: None,
        report_url: None,
    }
}

/// Reads one indicator's file of a release from a built site.
fn indicator_file(dist: &Path, release: &str, id: &IndicatorId) -> Result<IndicatorFile, String> {
    let path = dist.join(layout::on_site(&layout::indicator(release, id)));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    model::parse_indicator_file(&path.display().to_string(), &text).map_err(|e| format!("{e:?}"))
}

/// Reads the current release's overview from a built site.
pub fn current_overview(dist: &Path) -> Result<(String, OverviewFile), String> {
    current_overview_loaded(dist).map(|(release, loaded)| (release, loaded.data))
}

/// The current release's overview with any rejected indicators, each error
/// naming the file as the browser does (`data/<release>/overview.json`).
pub fn current_overview_loaded(dist: &Path) -> Result<(String, model::Loaded<OverviewFile>), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let releases: model::ReleasesFile =
        serde_json::from_str(&read(&dist.join(layout::on_site(layout::RELEASES)))?).map_err(|e| e.to_string())?;
    let url = layout::on_site(&layout::overview(&releases.current));
    let overview = model::parse_overview(&url, &read(&dist.join(&url))?).map_err(|e| format!("{e:?}"))?;
    Ok((releases.current, overview))
}

/// `--report-url`: a `mailto:` address or an http(s) page (an issue tracker's
/// "new issue" page), which the indicator pages prefill.
pub fn check_report_url(url: &str) -> Result<(), String> {
    let rest = ["mailto:", "https://", "http://"].iter().find_map(|p| url.strip_prefix(p));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => Ok(()),
        _ => Err(format!("--report-url must be a mailto: address or an http(s) URL, found {url}")),
    }
}

pub fn write(dist: &Path, site_url: &str, report_url: Option<&str>) -> Result<(), String> {
    let site_path = url_path(site_url)
        .filter(|p| p.ends_with('/'))
        .ok_or(format!("--site-url must be an absolute http(s) URL ending in `/`, found {site_url}"))?;
    if let Some(url) = report_url {
        check_report_url(url)?;
    }
    let read = |name: &str| {
        std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()))
    };
    // The site's build (see scripts/build.sh): every page but the embeds'.
    let template = read("index.html")?;
    // An embed keeps its own page (its stylesheet, its script) but wakes with the
    // site's wasm, and names its own build, which draws an address it was not rendered for.
    let embed = read("embed-template.html")?;
    let embed_template = with_full_app(&embed_with_islands_wasm(&embed, &template)?, &embed)?;
    let (release, loaded) = current_overview_loaded(dist)?;
    // The feeds write data/changes.json, which the changes page shows.
    feed::write(dist, site_url)?;
    let overview = loaded.data.clone();
    let routes = routes(&overview);
    let build =
        render::Build { dist, site_url, release: &release, overview: &loaded, report_url, today: render::today_utc() };
    // Each chart's option once, for scripts/inline-charts.mjs to draw into the pages.
    let charts_dir = dist.join(CHART_OPTIONS);
    let mut charts = std::collections::BTreeMap::new();
    let mut page = |route: &Route, meta: &mut PageMeta| -> Result<(), String> {
        let rendered = build.render(route)?;
        meta.body = rendered.body;
        meta.rendered_on = build.today.clone();
        for (key, class, option) in rendered.charts {
            charts.entry(key).or_insert_with(|| serde_json::json!({ "class": class, "option": option }));
        }
        Ok(())
    };
    let site = jsonld::Site { url: site_url, release: &release, as_of: &overview.as_of };
    let write_file = |path: &Path, contents: &[u8]| -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
    };
    for route in &routes {
        let template = if matches!(route.page, Page::Embed(_)) { &embed_template } else { &template };
        let mut meta = meta_for(route, &overview, site_url, &release);
        let dir = dist.join(route.url(""));
        match &route.page {
            Page::Indicator(id) => {
                let file = indicator_file(dist, &release, id)?;
                let ind = &file.indicator;
                meta.structured_data = Some(jsonld::script(&jsonld::dataset(route.lang, &file, &site)));
                meta.oembed = Some(oembed::url(site_url, route.lang, ind));
                meta.report_url = report_url.map(str::to_string);
                let response = oembed::response(site_url, route.lang, ind).to_string();
                write_file(&dir.join(oembed::FILE), response.as_bytes())?;
                write_file(&dir.join(qr::FILE), qr::svg(&meta.canonical)?.as_bytes())?;
            }
            Page::About => {
                meta.structured_data = Some(jsonld::script(&jsonld::catalog(route.lang, &overview, &site)));
            }
            _ => {}
        }
        page(route, &mut meta)?;
        write_file(&dir.join("index.html"), render(template, &meta)?.as_bytes())?;
    }
    write_file(&dist.join("sitemap.xml"), sitemap::sitemap(&routes, site_url, &overview.as_of).as_bytes())?;
    write_file(&dist.join("robots.txt"), sitemap::robots(site_url).as_bytes())?;
    // Hosts that serve 404.html for unknown paths serve it at any depth, so its
    // base is absolute. At the address of a page (a host that serves no folder's
    // index.html), the site's wasm opens that page's file (`islands`).
    let not_found = Route::new(Lang::Zh, Page::NotFound);
    let mut meta = meta_for(&not_found, &overview, site_url, &release);
    meta.base = site_path.to_string();
    meta.noindex = true;
    page(&not_found, &mut meta)?;
    std::fs::write(dist.join("404.html"), render(&template, &meta)?).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&charts_dir).map_err(|e| format!("{}: {e}", charts_dir.display()))?;
    for (key, chart) in &charts {
        write_file(&charts_dir.join(format!("{key}.json")), chart.to_string().as_bytes())?;
    }
    std::fs::remove_file(dist.join("embed-template.html")).map_err(|e| e.to_string())?;
    // The same policy as the pages' <meta>, for hosts that send it as a header
    // (which can also say who may frame the embeds: `frame-ancestors`).
    let templates = [template.as_str(), embed.as_str(), embed_template.as_str()];
    std::fs::write(dist.join("csp.txt"), format!("{}\n", super::csp::policy(&templates))).map_err(|e| e.to_string())?;
    println!(
        "wrote {} route pages, 404.html, sitemap.xml, robots.txt, feed.xml and en/feed.xml, and each indicator page's oembed.json and qr.svg to {}",
        routes.len(),
        dist.display()
    );
    Ok(())
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
