//! Every request the site makes goes through here and returns `Result<_, AppError>`.
//!
//! Data files live in immutable release directories (`data/<release>/…`), so a
//! reader never mixes an old overview with new details. A request that takes
//! longer than `TIMEOUT_MS` is aborted and reported, never left spinning.

use crate::i18n::{self, Lang, Msg};
use crate::model::{self, layout, DataError, IndicatorFile, IndicatorId, Loaded, OverviewFile};
use crate::site::Site;
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// Long enough for a slow mobile link, short enough that nobody waits forever.
pub const TIMEOUT_MS: i32 = 20_000;

#[derive(Clone, Debug, PartialEq)]
pub enum AppError {
    /// The request could not be made or the connection failed.
    Network { url: String, detail: String },
    /// The server answered with an error status.
    Http { url: String, status: u16, status_text: String },
    /// No complete answer within the time limit.
    Timeout { url: String },
    /// The answer was not JSON (e.g. an HTML error page).
    NotJson { url: String, found: String },
    /// The JSON broke the data rules; each error names its file, item and field.
    Data { url: String, errors: Vec<DataError> },
}

impl AppError {
    /// One sentence for the reader, naming the file and the reason.
    pub fn describe(&self, lang: Lang) -> String {
        let (url, why) = match self {
            AppError::Network { url, detail } => (url, format!("{} ({detail})", lang.t(Msg::NetworkError))),
            AppError::Http { url, status, status_text } => (url, format!("HTTP {status} {status_text}")),
            AppError::Timeout { url } => (url, lang.t(Msg::TimedOut).to_string()),
            AppError::NotJson { url, found } => (url, format!("{} {found}", lang.t(Msg::NotADataFile))),
            AppError::Data { url, errors } => (url, format!("{} {}", errors.len(), lang.t(Msg::DataProblemCount))),
        };
        i18n::load_failed(lang, url, &why)
    }

    /// The located data errors, if this is a data error.
    pub fn data_errors(&self) -> &[DataError] {
        match self {
            AppError::Data { errors, .. } => errors,
            _ => &[],
        }
    }
}

/// Fetches a text file relative to the site root, with a time limit.
pub async fn fetch_text(url: &str) -> Result<String, AppError> {
    let net = |detail: String| AppError::Network { url: url.to_string(), detail };
    let controller = web_sys::AbortController::new().map_err(|e| net(format!("{e:?}")))?;
    let timer = arm_timeout(&controller);
    let result = async {
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        let promise = leptos::prelude::window().fetch_with_str_and_init(url, &init);
        let resp: web_sys::Response =
            JsFuture::from(promise).await.and_then(|r| r.dyn_into()).map_err(|e| net(js_message(&e)))?;
        if !resp.ok() {
            return Err(AppError::Http {
                url: url.to_string(),
                status: resp.status(),
                status_text: resp.status_text(),
            });
        }
        let content_type = resp.headers().get("content-type").ok().flatten().unwrap_or_default();
        let body = resp.text().map_err(|e| net(js_message(&e)))?;
        let text = JsFuture::from(body).await.map_err(|e| net(js_message(&e)))?.as_string().unwrap_or_default();
        if content_type.contains("html") || text.trim_start().starts_with('<') {
            let found = if content_type.is_empty() { "HTML".to_string() } else { content_type };
            return Err(AppError::NotJson { url: url.to_string(), found });
        }
        Ok(text)
    }
    .await;
    if let Some(id) = timer {
        leptos::prelude::window().clear_timeout_with_handle(id);
    }
    match result {
        Err(AppError::Network { .. }) if controller.signal().aborted() => {
            Err(AppError::Timeout { url: url.to_string() })
        }
        other => other,
    }
}

/// The message of a JavaScript error (a `TypeError: Failed to fetch`, an abort).
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

fn arm_timeout(controller: &web_sys::AbortController) -> Option<i32> {
    let controller = controller.clone();
    let abort = Closure::once_into_js(move || controller.abort());
    leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .ok()
}

/// The one field of `releases.json` (`model::ReleasesFile`) the browser reads.
/// Parsing the whole list would add its serde code to every page's wasm.
#[derive(serde::Deserialize)]
struct CurrentRelease {
    current: String,
}

/// The release to read: the one the page was built for, else the current one.
pub async fn release(site: &Site) -> Result<String, AppError> {
    if let Some(r) = &site.release {
        return Ok(r.clone());
    }
    let url = &layout::on_site(layout::RELEASES);
    let text = fetch_text(url).await?;
    serde_json::from_str::<CurrentRelease>(&text).map(|l| l.current).map_err(|e| AppError::Data {
        url: url.to_string(),
        errors: vec![DataError { file: url.into(), item: None, field: "current".into(), message: e.to_string() }],
    })
}

/// Every release with its changes in words (the changes page).
pub async fn load_changes() -> Result<model::changes::ChangesFile, AppError> {
    let url = layout::on_site(layout::CHANGES);
    let text = fetch_text(&url).await?;
    serde_json::from_str(&text).map_err(|e| AppError::Data {
        url: url.clone(),
        errors: vec![DataError { file: url, item: None, field: String::new(), message: e.to_string() }],
    })
}

/// The overview: all indicators, with any rejected ones listed in `errors`.
pub async fn load_overview(site: Site) -> Result<Loaded<OverviewFile>, AppError> {
    let url = layout::on_site(&layout::overview(&release(&site).await?));
    let text = fetch_text(&url).await?;
    model::parse_overview(&url, &text).map_err(|errors| AppError::Data { url, errors })
}

/// One indicator from a given release (a pinned embed), else the current one;
/// or one city's series of it (`place`: a `PlaceSeries::key`), published as an
/// indicator of its own.
pub async fn load_indicator_release(
    site: Site,
    id: IndicatorId,
    pinned: Option<String>,
    place: Option<String>,
) -> Result<IndicatorFile, AppError> {
    let release = match pinned {
        Some(r) => r,
        None => release(&site).await?,
    };
    let path = match &place {
        Some(key) => layout::place_series(&release, &id, key),
        None => layout::indicator(&release, &id),
    };
    let url = layout::on_site(&path);
    let text = fetch_text(&url).await?;
    model::parse_indicator_file(&url, &text).map_err(|errors| AppError::Data { url, errors })
}
