//! Where the site is deployed and which data release it shows, read once from
//! the page at start-up and shared through context.
//!
//! Every HTML file of the site carries `<base href>` pointing at the site root
//! ("./", "../../"…), so relative links, assets and data URLs work under any
//! sub-path. At start-up that base is pinned to its absolute URL: client-side
//! navigation changes the page URL, and a relative base would move with it.

use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// Absolute URL of the site root, ending in `/`.
    pub root_url: String,
    /// Path of the site root without the trailing `/`: "" at a host's root,
    /// "/gansu" under a sub-path. `Route::from_location` strips it from every path.
    pub base_path: String,
    /// The data release this build of the pages was generated for, if known.
    pub release: Option<String>,
}

impl Site {
    pub fn from_document() -> Site {
        let document = leptos::prelude::document();
        let root_url = document.base_uri().ok().flatten().unwrap_or_else(|| "/".to_string());
        if let Some(base) =
            document.query_selector("base").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlBaseElement>().ok())
        {
            base.set_href(&root_url);
        }
        let base_path =
            web_sys::Url::new(&root_url).map(|u| u.pathname()).unwrap_or_default().trim_end_matches('/').to_string();
        let release = document
            .query_selector("meta[name=data-release]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .filter(|r| !r.is_empty());
        Site { root_url, base_path, release }
    }

    /// Today's date on the reader's device, `YYYY-MM-DD` (a citation's access date).
    pub fn today_iso() -> String {
        let now = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
        now.get(..10).unwrap_or_default().to_string()
    }
}

/// Where readers report a problem with a figure, if the site was built with
/// one (`--report-url`, also written into `<meta name="report-url">`).
#[derive(Clone, Debug)]
pub struct ReportUrl(pub Option<String>);
