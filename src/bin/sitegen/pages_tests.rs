use super::*;
use std::path::PathBuf;

const TEMPLATE: &str = r#"<!doctype html><html lang="zh-CN"><head><base href="./"><title>x</title><meta name="description" content="d"><script src="./echarts-abc.js" defer integrity="sha384-x"></script></head><body></body></html>"#;
const SITE: &str = "https://example.org/gansu/";

fn published() -> (String, OverviewFile) {
    // The committed release, laid out as in dist/.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public");
    current_overview(&root).unwrap()
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = html.find(start)? + start.len();
    Some(&html[i..i + html[i..].find(end)?])
}

#[test]
fn bases_point_back_to_the_root() {
    assert_eq!(base_for("./"), "./");
    assert_eq!(base_for("en/"), "../");
    assert_eq!(base_for("en/indicator/AIR-02/"), "../../../");
    assert_eq!(url_path("https://example.org/gansu/"), Some("/gansu/"));
    assert_eq!(url_path("http://127.0.0.1:8080/"), Some("/"));
    assert_eq!(url_path("example.org/gansu/"), None);
}

#[test]
fn every_route_has_its_title_canonical_url_and_preview_tags() {
    let (release, overview) = published();
    let all = routes(&overview);
    // Every page a reader can reach has its file, listed by hand from what the
    // site offers, and no route is written twice.
    let hrefs: std::collections::BTreeSet<String> = all.iter().map(|r| r.href()).collect();
    assert_eq!(hrefs.len(), all.len(), "a route is written twice");
    let mut expected = vec![
        "./".to_string(),
        "en/".into(),
        "about/".into(),
        "en/about/".into(),
        "changes/".into(),
        "en/changes/".into(),
        "cities/".into(),
        "en/cities/".into(),
    ];
    // The 14 cities and prefectures, by their GB/T 2260 codes.
    for code in [
        "620100", "620200", "620300", "620400", "620500", "620600", "620700", "620800", "620900", "621000", "621100",
        "621200", "622900", "623000",
    ] {
        expected.extend([format!("city/{code}/"), format!("en/city/{code}/")]);
    }
    for area in ["air", "water", "soil", "waste", "carbon", "ecology", "governance"] {
        expected.extend([format!("area/{area}/"), format!("en/area/{area}/")]);
    }
    for i in &overview.indicators {
        for kind in ["indicator", "embed"] {
            expected.extend([format!("{kind}/{}/", i.id), format!("en/{kind}/{}/", i.id)]);
        }
    }
    let expected: std::collections::BTreeSet<String> = expected.into_iter().collect();
    assert_eq!(hrefs, expected);
    for route in all {
        let html = render(TEMPLATE, &meta_for(&route, &overview, SITE, &release)).unwrap();
        let title = meta::title(&route, Some(&overview));
        assert_eq!(between(&html, "<title>", "</title>"), Some(escape(&title).as_str()), "{}", route.href());
        let canonical = between(&html, r#"<link rel="canonical" href=""#, "\"").unwrap();
        let expected = match &route.page {
            Page::Embed(id) => format!("{SITE}{}", Route::new(route.lang, Page::Indicator(id.clone())).href()),
            _ => format!("{SITE}{}", route.href().trim_start_matches("./")),
        };
        assert_eq!(canonical, expected, "{}", route.href());
        assert_eq!(between(&html, r#"<meta property="og:url" content=""#, "\""), Some(canonical));
        assert_eq!(between(&html, r#"<meta property="og:title" content=""#, "\""), Some(escape(&title).as_str()));
        assert!(html.contains(&format!(r#"<base href="{}">"#, base_for(&route.href()))));
        let embed = if matches!(route.page, Page::Embed(_)) { " data-embed" } else { "" };
        assert!(html.contains(&format!(r#"<html lang="{}"{embed}>"#, route.lang.code())));
        // The browser wakes the body only at the address it was rendered for (`start`).
        assert!(html.contains(&format!(r#"<meta name="rendered-route" content="{}">"#, route.href())));
        // ECharts is named, not loaded: the first chart that needs it loads it.
        assert!(html.contains(r#"<meta name="echarts" content="./echarts-abc.js" data-integrity="sha384-x">"#));
        assert!(!html.contains("<script src=\"./echarts"));
        assert!(html.contains(&format!(r#"<meta name="data-release" content="{release}">"#)));
        // Every page but an embed names its language's feed, relative to its base (the site root).
        let feed =
            format!(r#"<link rel="alternate" type="application/atom+xml" href="{}""#, super::feed::path(route.lang));
        let is_embed = matches!(route.page, Page::Embed(_));
        assert_eq!(html.contains(&feed), !is_embed, "{}: feed link", route.href());
        if let Page::Indicator(id) | Page::Embed(id) = &route.page {
            let image = between(&html, r#"<meta property="og:image" content=""#, "\"").unwrap();
            assert!(image.starts_with(&format!("{SITE}charts/{id}.")) && image.ends_with(".png"), "{image}");
        }
        assert_eq!(html.contains("noindex"), matches!(route.page, Page::Embed(_)));
        // A page's islands wake from the props in it: it preloads no data file.
        assert!(!html.contains(r#"as="fetch""#), "{}: preloads no data file", route.href());
    }
}

#[test]
fn text_from_data_cannot_break_out_of_attributes() {
    let meta = PageMeta {
        base: "./".into(),
        lang: Lang::En,
        title: "A <b> & \"c\"".into(),
        description: "\"><script>alert(1)</script>".into(),
        release: "2026-11-28".into(),
        canonical: "https://e.org/".into(),
        alternates: vec![],
        image: None,
        noindex: false,
        feed: true,
        rendered: "en/".into(),
        rendered_on: "2026-12-05".into(),
        site_url: "https://e.org/".into(),
        body: "<main>x</main>".into(),
        structured_data: None,
        oembed: None,
        report_url: Some("mailto:a@b.org?x=\"><script>".into()),
    };
    let html = render(TEMPLATE, &meta).unwrap();
    assert!(html.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("<body><main>x</main></body>"));
    assert!(html.contains(r#"<meta name="report-url" content="mailto:a@b.org?x=&quot;&gt;&lt;script&gt;">"#));
}

#[test]
fn a_report_address_is_mail_or_a_web_page() {
    assert!(check_report_url("mailto:data@example.org").is_ok());
    assert!(check_report_url("https://git.example.org/x/issues/new").is_ok());
    for bad in ["javascript:alert(1)", "data@example.org", "mailto:", "https://a b"] {
        assert!(check_report_url(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_page_has_a_report_link_only_when_the_site_is_built_with_a_report_address() {
    // The committed release, rendered by the app's views as `sitegen pages` renders it.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public");
    let (release, loaded) = current_overview_loaded(&root).unwrap();
    let id = loaded.data.indicators.iter().find(|i| i.id.to_string() == "AIR-02").unwrap().id.clone();
    let route = Route::new(Lang::En, Page::Indicator(id));
    let render = |report_url| {
        let build = render::Build {
            dist: &root,
            site_url: SITE,
            release: &release,
            overview: &loaded,
            report_url,
            today: "2026-12-05".to_string(),
        };
        build.render(&route).unwrap().body
    };
    let with = render(Some("mailto:data@example.org"));
    assert!(with.contains(r#"data-testid="report-problem""#) && with.contains("mailto:data@example.org"));
    assert!(!render(None).contains(r#"data-testid="report-problem""#));
    // The page's figures are in its body, and its chart box names its picture.
    assert!(with.contains(r#"data-testid="milestone-latest""#));
    assert!(with.contains(r#"data-chart=""#));
}

#[test]
fn a_revised_figure_is_marked_with_its_release_and_linked_to_that_release_s_changes() {
    // The committed release's AIR-02 file, with a figure marked revised as publishing marks
    // one, in a dist/ of its own; the page is rendered from it as `sitegen pages` renders it.
    let public = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public");
    let (release, loaded) = current_overview_loaded(&public).unwrap();
    let id = loaded.data.indicators.iter().find(|i| i.id.to_string() == "AIR-02").unwrap().id.clone();
    let rel = layout::on_site(&layout::indicator(&release, &id));
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join(&rel)).unwrap()).unwrap();
    let values = file["indicator"]["values"].as_array_mut().unwrap();
    values.iter_mut().find(|v| v["value"].is_number()).unwrap()["revised"] = release.clone().into();
    let dist = std::env::temp_dir().join(format!("sitegen-revised-{}", std::process::id()));
    std::fs::create_dir_all(dist.join(&rel).parent().unwrap()).unwrap();
    std::fs::write(dist.join(&rel), file.to_string()).unwrap();
    let build = render::Build {
        dist: &dist,
        site_url: SITE,
        release: &release,
        overview: &loaded,
        report_url: None,
        today: "2026-12-05".to_string(),
    };
    let body = build.render(&Route::new(Lang::En, Page::Indicator(id))).unwrap().body;
    std::fs::remove_dir_all(&dist).unwrap();
    assert_eq!(body.matches(r#"data-testid="revised""#).count(), 1, "one revised figure, one mark");
    let link = format!(r#"href="en/changes/#{}""#, gansu_eco_dashboard::route::release_fragment(&release));
    assert!(body.contains(&link), "{link}");
    assert!(body.contains(&format!("revised in release {release}")));
}

#[test]
fn an_embed_names_its_own_build_for_an_address_it_was_not_rendered_for() {
    let full = r#"<head><link rel="modulepreload" href="./snippets/x/inline0.js"><link rel="modulepreload" href="./gansu-eco-embed-1a2b.js" crossorigin="anonymous"><link rel="preload" href="./gansu-eco-embed-1a2b_bg.wasm" as="fetch" type="application/wasm"><script type="module">import init from './gansu-eco-embed-1a2b.js';</script></head>"#;
    let page = with_full_app("<head><title>x</title></head><body></body>", full).unwrap();
    assert_eq!(
        page,
        r#"<head><title>x</title><meta name="full-app" content="gansu-eco-embed-1a2b.js" data-wasm="gansu-eco-embed-1a2b_bg.wasm"></head><body></body>"#
    );
    // A full build's page that names no build's files fails the build, saying so.
    let err = with_full_app("<head></head>", TEMPLATE).unwrap_err();
    assert!(err.contains("gansu-eco-…"), "{err}");
}

#[test]
fn an_embed_keeps_its_own_page_but_wakes_with_the_islands_wasm() {
    let embed = r#"<head><script>embed();</script><style>.embed{}</style><script type="module">import init from './gansu-eco-embed-9f.js';</script><link rel="modulepreload" href="./gansu-eco-embed-9f.js"><link rel="preload" href="./gansu-eco-embed-9f_bg.wasm" as="fetch" type="application/wasm"></head><body></body>"#;
    let islands = r#"<head><script>islands();</script><style>.site{}</style><script type="module">import init from './gansu-eco-islands-3c.js';</script><link rel="modulepreload" href="./gansu-eco-islands-3c.js"><link rel="preload" href="./gansu-eco-islands-3c_bg.wasm" as="fetch" type="application/wasm"></head><body></body>"#;
    let page = with_full_app(&embed_with_islands_wasm(embed, islands).unwrap(), embed).unwrap();
    assert_eq!(
        page,
        r#"<head><script>embed();</script><style>.embed{}</style><script type="module">import init from './gansu-eco-islands-3c.js';</script><link rel="modulepreload" href="./gansu-eco-islands-3c.js"><link rel="preload" href="./gansu-eco-islands-3c_bg.wasm" as="fetch" type="application/wasm"><meta name="full-app" content="gansu-eco-embed-9f.js" data-wasm="gansu-eco-embed-9f_bg.wasm"></head><body></body>"#
    );
    // A page whose wasm is not started where trunk starts it fails the build, saying so.
    let err = embed_with_islands_wasm("<head></head>", islands).unwrap_err();
    assert!(err.contains("starts its wasm"), "{err}");
}
