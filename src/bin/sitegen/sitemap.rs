//! What search engines read first: `sitemap.xml` (every page a reader can land
//! on, each with its other-language version) and `robots.txt` pointing to it.
//! Embeds are left out: they are views of an indicator page and carry `noindex`.

use gansu_eco_dashboard::i18n::Lang;
use gansu_eco_dashboard::route::{Page, Route};
use gansu_eco_dashboard::share::escape_html as escape;

/// The pages a search engine should list.
fn listed(route: &Route) -> bool {
    !matches!(route.page, Page::Embed(_) | Page::NotFound)
}

/// A sitemap (sitemaps.org 0.9) of `routes` under `site_url`, with `hreflang`
/// alternates and the release date as every page's `lastmod`.
pub fn sitemap(routes: &[Route], site_url: &str, release_date: &str) -> String {
    let abs = |r: &Route| escape(&r.url(site_url));
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#,
        "\n"
    ));
    for route in routes.iter().filter(|r| listed(r)) {
        xml.push_str(&format!("<url><loc>{}</loc><lastmod>{release_date}</lastmod>", abs(route)));
        for lang in [Lang::Zh, Lang::En] {
            xml.push_str(&format!(
                r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                lang.code(),
                abs(&route.in_lang(lang))
            ));
        }
        xml.push_str(&format!(
            r#"<xhtml:link rel="alternate" hreflang="x-default" href="{}"/>"#,
            abs(&route.in_lang(Lang::Zh))
        ));
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Everything may be crawled; the sitemap says where the pages are.
pub fn robots(site_url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use gansu_eco_dashboard::model::Area;

    #[test]
    fn pages_are_listed_with_their_other_language_and_embeds_are_not() {
        let routes = [Page::Overview, Page::Area(Area::Air), Page::Embed("AIR-02".into())]
            .into_iter()
            .flat_map(|p| [Route::new(Lang::Zh, p.clone()), Route::new(Lang::En, p)])
            .collect::<Vec<_>>();
        let xml = sitemap(&routes, "https://e.org/g/", "2026-12-04");
        assert_eq!(xml.matches("<url>").count(), 4, "{xml}");
        assert!(xml.contains("<url><loc>https://e.org/g/en/area/air/</loc><lastmod>2026-12-04</lastmod>"));
        assert!(xml.contains(r#"<xhtml:link rel="alternate" hreflang="zh-CN" href="https://e.org/g/area/air/"/>"#));
        assert!(!xml.contains("embed"));
        assert_eq!(robots("https://e.org/g/"), "User-agent: *\nAllow: /\nSitemap: https://e.org/g/sitemap.xml\n");
    }
}
