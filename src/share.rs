//! What a journalist copies: the embed code, download addresses, code to load
//! the data (the citation's words are in `i18n`). Pure text from data and the site's address, so it
//! is tested natively and identical wherever it is shown.

use crate::i18n::{self, Lang};
use crate::model::{layout, IndicatorFile, IndicatorId, Text};
use crate::route::{Page, Query, Route};

/// Escapes text for an HTML attribute value or text node (the embed snippet,
/// and the pages `sitegen` writes).
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The embed's address: `root` is the site's absolute root URL ending in `/`.
pub fn embed_url(root: &str, lang: Lang, id: &IndicatorId, query: Query) -> String {
    format!("{root}{}", Route::new(lang, Page::Embed(id.clone())).with_query(query).href())
}

/// The height an embed's frame is given for its width, so that the height
/// message the embed sends once it is laid out changes nothing and the host
/// page never shifts. The chart fills whatever the text above and below it
/// leaves (at least 15rem); the text wraps onto more lines in a narrow frame,
/// so the height is `max(floor, intercept − slope% × width)`, per language.
///
/// The figures cover the longest texts of the data with a 15rem chart, plus
/// 10 px, measured from 320 to 1200 px wide (English, WAT-03: 845 px needed at
/// 320, 634 at 480, 541 at 640, 497 at 800, 472 at 1000; Chinese: 586, 493,
/// 448, 424, 424). A browser test checks every indicator at 320, 640 and 1000.
pub struct EmbedHeight {
    pub floor: u32,
    pub intercept: u32,
    /// Pixels of height per 100 px of width.
    pub slope: u32,
}

pub fn embed_height(lang: Lang) -> EmbedHeight {
    match lang {
        Lang::Zh => EmbedHeight { floor: 450, intercept: 745, slope: 44 },
        Lang::En => EmbedHeight { floor: 540, intercept: 1180, slope: 97 },
    }
}

impl EmbedHeight {
    /// The height for a frame `width` pixels wide.
    pub fn at(&self, width: u32) -> u32 {
        self.floor.max(self.intercept.saturating_sub(self.slope * width / 100))
    }

    /// The same as CSS for the iframe's `style`: `cqw` is a hundredth of the
    /// width of the snippet's wrapper (a size container), which is the frame's.
    /// Browsers without container units keep the first, fixed height.
    fn css(&self) -> String {
        format!(
            "height:{}px;height:max({}px,calc({}px - {}cqw))",
            self.at(EMBED_WIDTH),
            self.floor,
            self.intercept,
            self.slope
        )
    }
}

/// The width oEmbed consumers are told an embed starts at (an article column).
pub const EMBED_WIDTH: u32 = 640;

/// Copy-ready HTML: a responsive iframe in a wrapper whose width sets its
/// height (see `EmbedHeight`), and the optional script that keeps the height
/// right if the content ever needs more. The label names the chart, not its
/// status: a live embed's status changes with new data, and the host page's
/// copy would go stale.
pub fn embed_snippet(root: &str, lang: Lang, id: &IndicatorId, name: &Text, query: Query) -> String {
    let name = lang.pick(name);
    let site = lang.t(i18n::Msg::SiteShortTitle);
    let url = embed_url(root, lang, id, query);
    format!(
        "<div style=\"container-type:inline-size;max-width:1200px\">\
         <iframe src=\"{}\" title=\"{}\" aria-label=\"{}\" loading=\"lazy\" scrolling=\"no\" \
         style=\"display:block;width:100%;min-width:280px;{};border:0\"></iframe></div>\n\
         <script src=\"{}embed.js\" async></script>",
        escape_html(&url),
        escape_html(&format!("{name} · {site}")),
        escape_html(&format!("{name}{}{}", i18n::colon(lang), lang.t(i18n::Msg::Chart))),
        embed_height(lang).css(),
        escape_html(root),
    )
}

/// Where the downloads of one indicator live, relative to the site root.
pub struct Downloads {
    pub csv: String,
    pub json: String,
    pub all_csv: String,
    pub all_json: String,
    /// The whole release with its README and metadata, in one ZIP.
    pub zip: String,
}

impl Downloads {
    pub fn new(release: &str, id: &IndicatorId) -> Downloads {
        let [all_csv, all_json] = whole_dataset(release);
        Downloads {
            csv: layout::on_site(&layout::indicator_csv(release, id)),
            json: layout::on_site(&layout::indicator(release, id)),
            all_csv,
            all_json,
            zip: layout::on_site(&layout::package_zip(release)),
        }
    }
}

/// The whole dataset of a release as CSV and JSON, relative to the site root.
pub fn whole_dataset(release: &str) -> [String; 2] {
    ["csv", "json"].map(|ext| layout::on_site(&layout::whole_dataset(release, ext)))
}

/// A link that opens a prefilled report of a problem with an indicator's
/// figures, to the address the site was built with (`--report-url`): a
/// `mailto:` address gets a subject and body; a web address (an issue
/// tracker's "new issue" page) gets `title` and `body` parameters.
pub fn report_link(to: &str, lang: Lang, about: &ReportAbout, page_url: &str) -> String {
    let (subject, body) = i18n::problem_report(lang, about, page_url);
    let (subject, body) = (crate::route::encode(&subject), crate::route::encode(&body));
    match to.strip_prefix("mailto:") {
        Some(address) => format!("mailto:{address}?subject={subject}&body={body}"),
        None => format!("{to}{}title={subject}&body={body}", if to.contains('?') { '&' } else { '?' }),
    }
}

/// What a problem report names (`report_link`): the indicator, the release
/// and its latest figure in the page's language.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportAbout {
    pub id: IndicatorId,
    pub name: String,
    pub release: String,
    /// The latest figure's year and words.
    pub latest: Option<(i32, String)>,
}

impl ReportAbout {
    pub fn of(lang: Lang, file: &IndicatorFile) -> ReportAbout {
        let ind = &file.indicator;
        ReportAbout {
            id: ind.id.clone(),
            name: lang.pick(&ind.name).to_string(),
            release: file.release.clone(),
            latest: ind.latest_observation().map(|o| (o.year, i18n::observation_text(lang, ind, o))),
        }
    }
}

/// The QR code's file, beside each indicator page's `index.html` (written by `sitegen pages`).
pub const QR_FILE: &str = "qr.svg";

/// The QR code of an indicator page's address, relative to the site root.
pub fn qr_code(lang: Lang, id: &IndicatorId) -> String {
    format!("{}{QR_FILE}", Route::new(lang, Page::Indicator(id.clone())).url(""))
}

/// Code that loads an indicator's CSV from its real address.
pub fn reuse_snippets(csv_url: &str) -> [(&'static str, String); 3] {
    [
        ("Python (pandas)", format!("import pandas as pd\ndf = pd.read_csv(\"{csv_url}\", encoding=\"utf-8-sig\")")),
        ("R", format!("df <- read.csv(\"{csv_url}\", fileEncoding = \"UTF-8-BOM\")")),
        ("Excel", format!("数据 → 自文本/CSV → {csv_url}（文件原始格式：65001: Unicode (UTF-8)）\nData → From Text/CSV → {csv_url} (File origin: 65001: Unicode (UTF-8))")),
    ]
}

/// The Atom feed of data releases in a language, from the site root.
pub fn feed_path(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "feed.xml",
        Lang::En => "en/feed.xml",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Indicator;
    use crate::route::Theme;

    fn ind() -> Indicator {
        serde_json::from_value(serde_json::json!({
            "id": "AIR-02", "area": "air", "role": "context",
            "name": { "zh": "细颗粒物\"PM2.5\"", "en": "PM2.5 <annual>" },
            "unit": "ug_m3", "direction": "lower_better", "values": []
        }))
        .unwrap()
    }

    #[test]
    fn the_snippet_is_a_lazy_titled_iframe_and_the_resize_script() {
        let q = Query { theme: Some(Theme::Dark), release: Some("2026-11-28".into()), ..Query::default() };
        let s = embed_snippet("https://example.org/gansu/", Lang::En, &ind().id, &ind().name, q);
        assert!(
            s.starts_with(
                "<div style=\"container-type:inline-size;max-width:1200px\"><iframe src=\"https://example.org/gansu/en/embed/AIR-02/?theme=dark&amp;release=2026-11-28\""
            ),
            "{s}"
        );
        assert!(s.contains("height:560px;height:max(540px,calc(1180px - 97cqw))"), "{s}");
        assert!(s.contains("title=\"PM2.5 &lt;annual&gt; · Gansu eco-environment goals\""));
        assert!(s.contains("aria-label=\"PM2.5 &lt;annual&gt;: Chart\""), "no status that would go stale: {s}");
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.ends_with("<script src=\"https://example.org/gansu/embed.js\" async></script>"));
        let zh = embed_snippet("https://example.org/", Lang::Zh, &ind().id, &ind().name, Query::default());
        assert!(zh.contains("src=\"https://example.org/embed/AIR-02/\""), "{zh}");
        assert!(zh.contains("细颗粒物&quot;PM2.5&quot;"), "quotes in names cannot break the attribute");
    }

    #[test]
    fn downloads_and_code_use_the_release_addresses() {
        let d = Downloads::new("2026-11-28", &"AIR-02".into());
        assert_eq!(d.csv, "data/2026-11-28/downloads/AIR-02.csv");
        assert_eq!(d.all_json, "data/2026-11-28/gansu-eco-indicators.json");
        assert_eq!(d.zip, "data/2026-11-28/gansu-eco-indicators.zip");
        assert_eq!(qr_code(Lang::En, &"AIR-02".into()), "en/indicator/AIR-02/qr.svg");
        let [py, r, _] = reuse_snippets("https://e.org/d.csv");
        assert!(py.1.contains("pd.read_csv(\"https://e.org/d.csv\", encoding=\"utf-8-sig\")"));
        assert!(r.1.contains("fileEncoding = \"UTF-8-BOM\""));
    }

    #[test]
    fn a_problem_report_is_prefilled_for_mail_or_an_issue_tracker() {
        let file = IndicatorFile {
            schema_version: 1,
            release: "2026-12-04".into(),
            as_of: "2026-12-04".into(),
            indicator: ind(),
            sources: Default::default(),
        };
        let mail = report_link(
            "mailto:data@e.org",
            Lang::En,
            &ReportAbout::of(Lang::En, &file),
            "https://e.org/en/indicator/AIR-02/",
        );
        assert!(
            mail.starts_with("mailto:data@e.org?subject=Data%20problem%3A%20AIR-02%20PM2.5%20%3Cannual%3E&body="),
            "{mail}"
        );
        assert!(mail.contains("Data%20release%3A%202026-12-04"), "{mail}");
        assert!(mail.contains("Page%3A%20https%3A%2F%2Fe.org%2Fen%2Findicator%2FAIR-02%2F"), "{mail}");
        let zh = ReportAbout::of(Lang::Zh, &file);
        let issue = report_link("https://git.e.org/x/issues/new?labels=data", Lang::Zh, &zh, "u");
        assert!(issue.starts_with("https://git.e.org/x/issues/new?labels=data&title=%E6%95%B0"), "{issue}");
        assert!(report_link("https://git.e.org/new", Lang::Zh, &zh, "u").starts_with("https://git.e.org/new?title="));
    }

    #[test]
    fn citations_in_both_languages() {
        let c = i18n::indicator_citation(
            Lang::En,
            &ind().name,
            "https://e.org/en/indicator/AIR-02/",
            "2026-11-28",
            "2026-12-01",
        );
        assert_eq!(
            c,
            "“PM2.5 <annual>”. Gansu 14th Five-Year Eco-Environmental Plan: progress on its goals, data release 2026-11-28. https://e.org/en/indicator/AIR-02/. Accessed 1 Dec 2026."
        );
        let z = i18n::indicator_citation(
            Lang::Zh,
            &ind().name,
            "https://e.org/indicator/AIR-02/",
            "2026-11-28",
            "2026-12-01",
        );
        assert!(z.contains("数据版本2026-11-28") && z.ends_with("访问日期：2026年12月1日。"));
    }
}
