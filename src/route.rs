//! The site's addresses: one typed `Route` per page, with `href()` to write a link
//! and `parse()` to read one back. No other code formats page paths (data file
//! paths are spelled in `model::layout`).
//!
//! Paths are relative to the site root (the `<base href>` of every page), so the
//! site works from any sub-path: `area/air/`, `en/indicator/AIR-02/`. Chinese is
//! the default language and has no prefix; English pages live under `en/`. Every
//! route ends in `/` because each one is also a real `index.html` file on disk.

use crate::i18n::Lang;
use crate::model::{Area, IndicatorId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Area(Area),
    Indicator(IndicatorId),
    /// One indicator's chart alone, for an iframe in another site's article.
    Embed(IndicatorId),
    About,
    /// Every data release with what changed in it.
    Changes,
    /// The 14 cities and prefectures side by side for one indicator and year.
    Cities,
    /// One city or prefecture, by its GB/T 2260 code (`place::PLACES`).
    City(String),
    NotFound,
}

/// State a reader may share that lives in the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Area page: show only goals with this status key (`off-track`…).
    pub status: Option<String>,
    /// Indicator and embed pages: show the data table instead of the chart.
    pub table: bool,
    /// Embed: force a light or dark look instead of following the reader's system.
    pub theme: Option<Theme>,
    /// Embed: read this data release instead of the current one, so a published
    /// article never changes under its reporter's feet.
    pub release: Option<String>,
    /// Overview: what the reader searched for, so a search can be shared.
    pub q: Option<String>,
    /// Cities page: the indicator compared (an indicator with a city breakdown).
    pub indicator: Option<IndicatorId>,
    /// Cities page: the year compared.
    pub year: Option<i32>,
    /// Embed: one city's series of the indicator (`PlaceSeries::key`), not the province's.
    pub place: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub lang: Lang,
    pub page: Page,
    pub query: Query,
}

impl Route {
    pub fn new(lang: Lang, page: Page) -> Route {
        Route { lang, page, query: Query::default() }
    }

    pub fn with_query(mut self, query: Query) -> Route {
        self.query = query;
        self
    }

    /// This route's address under `root`: a site root ending in `/` (absolute
    /// for links that leave the site; "" for a path from the root, as files are laid out).
    pub fn url(&self, root: &str) -> String {
        format!("{root}{}", self.href().trim_start_matches("./"))
    }

    /// The link to this route, relative to the site root ("./" for the root itself).
    pub fn href(&self) -> String {
        let prefix = match self.lang {
            Lang::Zh => "",
            Lang::En => "en/",
        };
        let page = match &self.page {
            Page::Overview => String::new(),
            Page::Area(a) => format!("area/{}/", a.slug()),
            Page::Indicator(id) => format!("indicator/{id}/"),
            Page::Embed(id) => format!("embed/{id}/"),
            Page::About => "about/".to_string(),
            Page::Changes => "changes/".to_string(),
            Page::Cities => "cities/".to_string(),
            Page::City(code) => format!("city/{code}/"),
            Page::NotFound => "404.html".to_string(),
        };
        let mut params = Vec::new();
        if let Some(status) = &self.query.status {
            params.push(format!("status={status}"));
        }
        if self.query.table {
            params.push("view=table".to_string());
        }
        match self.query.theme {
            Some(Theme::Light) => params.push("theme=light".to_string()),
            Some(Theme::Dark) => params.push("theme=dark".to_string()),
            None => {}
        }
        if let Some(release) = &self.query.release {
            params.push(format!("release={release}"));
        }
        if let Some(q) = self.query.q.as_deref().filter(|q| !q.is_empty()) {
            params.push(format!("q={}", encode(q)));
        }
        if let Some(id) = &self.query.indicator {
            params.push(format!("indicator={id}"));
        }
        if let Some(year) = self.query.year {
            params.push(format!("year={year}"));
        }
        if let Some(key) = &self.query.place {
            params.push(format!("place={key}"));
        }
        let path = match format!("{prefix}{page}") {
            p if p.is_empty() => "./".to_string(),
            p => p,
        };
        if params.is_empty() {
            path
        } else {
            format!("{path}?{}", params.join("&"))
        }
    }

    /// Reads a path relative to the site root. Unknown paths are `NotFound`,
    /// keeping the language when the prefix says so.
    pub fn parse(path: &str) -> Route {
        let (path, search) = path.split_once('?').unwrap_or((path, ""));
        let path = path.trim_start_matches("./").trim_start_matches('/');
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        if parts.last() == Some(&"index.html") {
            parts.pop();
        }
        let lang = if parts.first() == Some(&"en") {
            parts.remove(0);
            Lang::En
        } else {
            Lang::Zh
        };
        let page = match parts.as_slice() {
            [] => Page::Overview,
            ["area", slug] => Area::from_slug(slug).map_or(Page::NotFound, Page::Area),
            ["indicator", id] if is_id_like(id) => Page::Indicator(IndicatorId(id.to_string())),
            ["embed", id] if is_id_like(id) => Page::Embed(IndicatorId(id.to_string())),
            ["about"] => Page::About,
            ["changes"] => Page::Changes,
            ["cities"] => Page::Cities,
            // A code of the right shape: an unknown one is the place page's "not found".
            ["city", code] if is_code_like(code) => Page::City(code.to_string()),
            _ => Page::NotFound,
        };
        Route { lang, page, query: Query::parse(search) }
    }

    /// The route of a page address: its absolute path, its query (with or
    /// without the leading `?`) and the path the site is served from.
    pub fn from_location(path: &str, search: &str, base: &str) -> Route {
        Route::parse(&format!("{}?{}", relative_to_base(path, base), search.trim_start_matches('?')))
    }

    /// The same page, with the same view, in the other language.
    pub fn in_lang(&self, lang: Lang) -> Route {
        Route { lang, ..self.clone() }
    }
}

impl Query {
    /// Reads `status=…&view=table`; anything else is ignored.
    pub fn parse(search: &str) -> Query {
        let mut q = Query::default();
        for pair in search.trim_start_matches('?').split('&') {
            match pair.split_once('=') {
                Some(("status", v)) if is_key_like(v) => q.status = Some(v.to_string()),
                Some(("view", "table")) => q.table = true,
                Some(("theme", "light")) => q.theme = Some(Theme::Light),
                Some(("theme", "dark")) => q.theme = Some(Theme::Dark),
                // The default: follow the reader's (and so the host page's) colour scheme.
                Some(("theme", "auto")) => q.theme = None,
                Some(("release", r)) if is_release_like(r) => q.release = Some(r.to_string()),
                Some(("q", text)) => q.q = Some(decode(text)).filter(|t| !t.is_empty()),
                Some(("indicator", id)) if is_id_like(id) => q.indicator = Some(IndicatorId(id.to_string())),
                Some(("year", y)) => q.year = year(y),
                Some(("place", key)) if is_series_key_like(key) => q.place = Some(key.to_string()),
                _ => {}
            }
        }
        q
    }
}

/// Percent-encodes text for a query value (UTF-8 bytes; letters, digits and
/// `-._~` stay as they are).
pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Reads a percent-encoded query value (`+` is a space, as forms write it);
/// malformed escapes are kept as written, and text is limited to 100 characters.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).chars().take(100).collect()
}

/// Release ids are dates like 2026-11-28.
fn is_release_like(s: &str) -> bool {
    s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

fn is_key_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 24 && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// A year in a query: four digits (read by hand: a general number parser
/// would weigh on the embed's wasm, which shares this code).
fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0')))
}

/// A place's code: six digits (GB/T 2260).
fn is_code_like(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A city series' key: a place's code, then maybe `.` and a scope key.
fn is_series_key_like(s: &str) -> bool {
    let (code, scope) = s.split_once('.').map_or((s, None), |(c, k)| (c, Some(k)));
    is_code_like(code) && scope.is_none_or(crate::model::validate::is_valid_key)
}

/// Ids are short and made of A–Z, 0–9 and `-`; anything else cannot be one.
fn is_id_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 24 && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// Strips the site's base path (e.g. `/gansu`) from an absolute path.
pub fn relative_to_base<'a>(path: &'a str, base: &str) -> &'a str {
    path.strip_prefix(base).unwrap_or(path)
}

/// The element id (and URL fragment) of one release on the changes page, which
/// the Atom feed's entries link to: `release-2026-12-04`.
pub fn release_fragment(release: &str) -> String {
    format!("release-{release}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_round_trips_through_the_address() {
        for text in ["PM2.5", "好天 兰州", "water quality", "a&b=c%", "ＰＭ２．５"] {
            let r = Route::new(Lang::Zh, Page::Overview).with_query(Query { q: Some(text.into()), ..Query::default() });
            assert_eq!(Route::parse(&r.href()).query.q.as_deref(), Some(text), "{}", r.href());
        }
        assert_eq!(Query::parse("q=%E5%A5%BD%E5%A4%A9").q.as_deref(), Some("好天"));
        assert_eq!(Query::parse("q=water+quality").q.as_deref(), Some("water quality"));
        assert_eq!(Query::parse("q=%ZZ%").q.as_deref(), Some("%ZZ%"), "a broken escape is kept as written");
    }

    fn all_routes() -> Vec<Route> {
        let mut pages = vec![
            Page::Overview,
            Page::About,
            Page::Changes,
            Page::Indicator("AIR-02".into()),
            Page::Embed("AIR-02".into()),
            Page::Cities,
            Page::City("620100".into()),
        ];
        pages.extend(Area::ALL.map(Page::Area));
        [Lang::Zh, Lang::En].into_iter().flat_map(|l| pages.iter().map(move |p| Route::new(l, p.clone()))).collect()
    }

    #[test]
    fn every_route_round_trips() {
        for r in all_routes() {
            assert_eq!(Route::parse(&r.href()), r, "href {}", r.href());
        }
    }

    #[test]
    fn hrefs_are_relative_and_end_in_a_slash() {
        assert_eq!(Route::new(Lang::Zh, Page::Overview).href(), "./");
        assert_eq!(Route::new(Lang::En, Page::Overview).href(), "en/");
        assert_eq!(Route::new(Lang::Zh, Page::Area(Area::Water)).href(), "area/water/");
        assert_eq!(Route::new(Lang::En, Page::Indicator("AIR-02".into())).href(), "en/indicator/AIR-02/");
    }

    #[test]
    fn parsing_accepts_index_files_and_missing_slashes() {
        let r = Route::new(Lang::En, Page::Indicator("AIR-02".into()));
        assert_eq!(Route::parse("/en/indicator/AIR-02"), r);
        assert_eq!(Route::parse("en/indicator/AIR-02/index.html"), r);
        assert_eq!(Route::parse("index.html"), Route::new(Lang::Zh, Page::Overview));
    }

    #[test]
    fn unknown_paths_are_not_found_in_their_language() {
        assert_eq!(Route::parse("en/nope/").page, Page::NotFound);
        assert_eq!(Route::parse("en/nope/").lang, Lang::En);
        assert_eq!(Route::parse("area/sky/").page, Page::NotFound);
        assert_eq!(Route::parse("indicator/<script>/").page, Page::NotFound);
        assert_eq!(Route::parse("city/6201/").page, Page::NotFound, "not a place's code");
    }

    #[test]
    fn query_state_round_trips() {
        let r = Route::new(Lang::En, Page::Area(Area::Air))
            .with_query(Query { status: Some("off-track".into()), ..Query::default() });
        assert_eq!(r.href(), "en/area/air/?status=off-track");
        assert_eq!(Route::parse(&r.href()), r);
        let t = Route::new(Lang::Zh, Page::Indicator("AIR-02".into()))
            .with_query(Query { table: true, ..Query::default() });
        assert_eq!(t.href(), "indicator/AIR-02/?view=table");
        assert_eq!(Route::parse(&t.href()), t);
        assert_eq!(Route::parse("area/air/?status=<x>&utm=1").query, Query::default());
        assert_eq!(t.in_lang(Lang::En).href(), "en/indicator/AIR-02/?view=table");
        let e = Route::new(Lang::En, Page::Embed("AIR-02".into())).with_query(Query {
            theme: Some(Theme::Dark),
            release: Some("2026-11-28".into()),
            ..Query::default()
        });
        assert_eq!(e.href(), "en/embed/AIR-02/?theme=dark&release=2026-11-28");
        assert_eq!(Route::parse(&e.href()), e);
        assert_eq!(Route::parse("embed/AIR-02/?release=../../x").query.release, None);
        let c = Route::new(Lang::Zh, Page::Cities).with_query(Query {
            indicator: Some("AIR-02".into()),
            year: Some(2024),
            ..Query::default()
        });
        assert_eq!(c.href(), "cities/?indicator=AIR-02&year=2024");
        assert_eq!(Route::parse(&c.href()), c);
        let p = Route::new(Lang::Zh, Page::Embed("AIR-02".into()))
            .with_query(Query { place: Some("622900.linxia-city-stations".into()), ..Query::default() });
        assert_eq!(Route::parse(&p.href()), p);
        assert_eq!(Route::parse("city/620100/").page, Page::City("620100".into()));
    }

    #[test]
    fn locations_are_read_relative_to_the_base() {
        let r = Route::from_location("/gansu/en/area/air/", "?status=achieved", "/gansu");
        assert_eq!(
            r,
            Route::new(Lang::En, Page::Area(Area::Air))
                .with_query(Query { status: Some("achieved".into()), ..Query::default() })
        );
        assert_eq!(Route::from_location("/embed/AIR-02/", "theme=dark", "").query.theme, Some(Theme::Dark));
        assert_eq!(Route::from_location("/embed/AIR-02/", "theme=auto", "").query.theme, None);
    }

    #[test]
    fn base_is_stripped() {
        assert_eq!(relative_to_base("/gansu/area/air/", "/gansu"), "/area/air/");
        assert_eq!(relative_to_base("/area/air/", ""), "/area/air/");
    }
}
