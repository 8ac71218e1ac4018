//! oEmbed 1.0 (https://oembed.com): a CMS that unfurls pasted links this way
//! (WordPress, Ghost, Discourse) finds `<link rel="alternate"
//! type="application/json+oembed">` on an indicator page and reads the JSON it
//! names. A static host cannot answer `?url=…`, so each indicator page in each
//! language has its own file beside it: `indicator/<ID>/oembed.json`.

use gansu_eco_dashboard::i18n::{Lang, Msg};
use gansu_eco_dashboard::model::Indicator;
use gansu_eco_dashboard::route::{Page, Query, Route};
use gansu_eco_dashboard::share::{self, embed_height, EMBED_WIDTH};
use serde_json::{json, Value};

/// The file's name, beside the page's `index.html`.
pub const FILE: &str = "oembed.json";

/// The address of an indicator page's oEmbed file.
pub fn url(site_url: &str, lang: Lang, ind: &Indicator) -> String {
    format!("{}{FILE}", Route::new(lang, Page::Indicator(ind.id.clone())).url(site_url))
}

/// A `rich` response: the same iframe snippet the share panel gives, its size
/// in an article column 640 px wide, and the chart's preview picture as thumbnail.
pub fn response(site_url: &str, lang: Lang, ind: &Indicator) -> Value {
    json!({
        "version": "1.0",
        "type": "rich",
        "title": lang.pick(&ind.name),
        "provider_name": lang.t(Msg::SiteShortTitle),
        "provider_url": site_url,
        "html": share::embed_snippet(site_url, lang, &ind.id, &ind.name, Query::default()),
        "width": EMBED_WIDTH,
        "height": embed_height(lang).at(EMBED_WIDTH),
        "thumbnail_url": format!("{site_url}charts/{}.{}.png", ind.id, lang.short()),
        "thumbnail_width": 1200,
        "thumbnail_height": 630,
        "cache_age": 86400,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rich_response_with_the_embed_snippet() {
        let ind: Indicator = serde_json::from_value(json!({
            "id": "AIR-02", "area": "air", "role": "goal", "name": { "zh": "细颗粒物", "en": "PM2.5" },
            "unit": "ug_m3", "direction": "lower_better", "values": []
        }))
        .unwrap();
        assert_eq!(url("https://e.org/g/", Lang::En, &ind), "https://e.org/g/en/indicator/AIR-02/oembed.json");
        let r = response("https://e.org/g/", Lang::Zh, &ind);
        assert_eq!((r["version"].as_str(), r["type"].as_str()), (Some("1.0"), Some("rich")));
        assert!(r["html"].as_str().unwrap().contains("<iframe src=\"https://e.org/g/embed/AIR-02/\""));
        assert_eq!((r["width"].as_u64(), r["height"].as_u64()), (Some(640), Some(464)));
        assert_eq!(r["thumbnail_url"], "https://e.org/g/charts/AIR-02.zh.png");
    }
}
