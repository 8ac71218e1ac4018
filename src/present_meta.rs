//! A route's document title and meta description, from the overview data. Pure,
//! so the app (which updates them as the reader navigates) and `sitegen` (which
//! writes them into every page's HTML) use the same words.

use crate::i18n::Msg;
use crate::model::OverviewFile;
use crate::route::{Page, Route};

/// The document title of a route, e.g. "PM2.5 annual mean concentration · Gansu eco-environment goals".
pub fn title(route: &Route, overview: Option<&OverviewFile>) -> String {
    let lang = route.lang;
    let site = lang.t(Msg::SiteShortTitle);
    let page = match &route.page {
        Page::Overview => return lang.t(Msg::SiteTitle).to_string(),
        Page::Indicator(id) | Page::Embed(id) => overview
            .and_then(|o| o.indicators.iter().find(|i| &i.id == id))
            .map(|i| lang.pick(&i.name).to_string())
            .unwrap_or_else(|| id.to_string()),
        Page::Area(a) => crate::i18n::area_name(lang, *a).to_string(),
        Page::About => lang.t(Msg::About).to_string(),
        Page::Changes => crate::i18n::changes_page_title(lang).to_string(),
        Page::Cities => crate::i18n::cities_title(lang).to_string(),
        Page::City(code) => crate::model::place::find(code)
            .map_or_else(|| code.clone(), |p| crate::i18n::place_full_name(lang, p).to_string()),
        Page::NotFound => lang.t(Msg::NotFoundTitle).to_string(),
    };
    format!("{page} · {site}")
}

/// The meta description of a route, for link previews and search engines.
pub fn description(route: &Route, overview: &OverviewFile) -> String {
    let lang = route.lang;
    match &route.page {
        Page::Indicator(id) | Page::Embed(id) => overview
            .indicators
            .iter()
            .find(|i| &i.id == id)
            .map(|i| {
                let target = i.target.as_ref().map(|t| crate::i18n::target_phrase(lang, i, t));
                crate::i18n::indicator_description(lang, lang.pick(&i.name), target.as_deref())
            })
            .unwrap_or_default(),
        Page::Area(area) => {
            let n = overview.indicators.iter().filter(|i| i.area == *area).count();
            crate::i18n::area_description(lang, crate::i18n::area_name(lang, *area), n)
        }
        Page::About => lang.t(Msg::AboutDescription).to_string(),
        Page::Changes => crate::i18n::changes_page_description(lang).to_string(),
        Page::Cities => crate::i18n::cities_description(lang).to_string(),
        Page::City(code) => {
            crate::model::place::find(code).map(|p| crate::i18n::city_description(lang, p)).unwrap_or_default()
        }
        Page::Overview | Page::NotFound => lang.t(Msg::SiteTagline).to_string(),
    }
}
