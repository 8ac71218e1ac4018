//! Search over every indicator, as a reader types: by name in either language,
//! by id (with or without the dash), by area, and by the synonyms of
//! `i18n::SEARCH_TERMS`. Text is compared after one normalisation: lower case,
//! full-width forms folded to half width, subscript digits to digits, spaces
//! and punctuation dropped — so "PM 2.5", "ＰＭ２．５", "pm25" and "PM₂.₅" meet.
//! Results are ranked: an exact id first, then names that start with the query,
//! then names that contain it, then synonym and area matches.

use crate::i18n::{self, Lang, Leads, SEARCH_TERMS};
use crate::model::place::{self, Place, PLACES};
use crate::model::{Area, Indicator, IndicatorId, Text};

/// The form every text and query is compared in.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = match c {
                // Full-width ASCII (！ to ～) and the ideographic space.
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                '₀'..='₉' => char::from_u32(c as u32 - '₀' as u32 + '0' as u32).unwrap_or(c),
                c => c,
            };
            // Spaces and punctuation go (a closed list, not Unicode's tables, which
            // would weigh on every page's wasm).
            let dropped =
                c.is_whitespace() || c.is_ascii_punctuation() || "（）、，。·：；“”‘’《》〔〕【】—–…？！".contains(c);
            (!dropped).then(|| c.to_lowercase().collect::<String>())
        })
        .collect()
}

/// What the search reads of an indicator: its id, names and area, and the
/// places it has figures for. The search box is given these, not the
/// indicators, so it carries none of their figures.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchEntry {
    pub id: IndicatorId,
    pub name: Text,
    pub area: Area,
    /// Codes of the places with a series of their own (`model::place`).
    pub places: Vec<String>,
}

impl From<&Indicator> for SearchEntry {
    fn from(ind: &Indicator) -> SearchEntry {
        SearchEntry {
            id: ind.id.clone(),
            name: ind.name.clone(),
            area: ind.area,
            places: ind.breakdown.iter().map(|s| s.place.clone()).collect(),
        }
    }
}

/// How well one indicator answers a query: higher is better, 0 is no match.
fn score(ind: &SearchEntry, q: &str) -> u8 {
    let id = normalise(ind.id.as_str());
    let names = [normalise(&ind.name.zh), normalise(&ind.name.en)];
    if id == q {
        return 5;
    }
    if names.iter().any(|n| n.starts_with(q)) {
        return 4;
    }
    if names.iter().any(|n| n.contains(q)) || id.contains(q) {
        return 3;
    }
    // "兰州" finds the indicators that have figures for Lanzhou.
    let for_place = ind.places.iter().filter_map(|code| place::find(code)).any(|p| place_matches(p, q));
    if for_place {
        return 2;
    }
    let term_hits = |words: &[&str]| words.iter().any(|w| normalise(w).contains(q));
    let synonym = SEARCH_TERMS.iter().any(|(words, leads)| {
        term_hits(words)
            && match leads {
                Leads::Ids(ids) => ids.contains(&ind.id.as_str()),
                Leads::Area(area) => *area == ind.area,
            }
    });
    if synonym {
        return 2;
    }
    let area = [Lang::Zh, Lang::En].map(|l| normalise(i18n::area_name(l, ind.area)));
    if area.iter().any(|a| a.contains(q)) {
        return 1;
    }
    0
}

/// Whether a place's name holds the (normalised) query: Chinese, English or
/// pinyin, at least two characters ("市" alone would name them all).
fn place_matches(p: &Place, q: &str) -> bool {
    q.chars().count() >= 2 && [p.zh, p.short_zh(), p.en, p.pinyin].iter().any(|n| normalise(n).contains(q))
}

/// The cities and prefectures whose name holds `query` (兰州, Lanzhou, lanzhou).
pub fn search_places(query: &str) -> Vec<&'static Place> {
    let q = normalise(query);
    PLACES.iter().filter(|p| place_matches(p, &q)).collect()
}

/// The indicators that answer `query`, best first (stable within a rank). An
/// empty query answers with every indicator in its order.
pub fn search<'a>(indicators: &'a [SearchEntry], query: &str) -> Vec<&'a SearchEntry> {
    let q = normalise(query);
    if q.is_empty() {
        return indicators.iter().collect();
    }
    let scored: Vec<(u8, &SearchEntry)> = indicators.iter().map(|i| (score(i, &q), i)).collect();
    // Rank by rank, each in the data's order (a pass per rank rather than a
    // sort: the site's wasm has no room to spare for a sort routine).
    (1..=5).rev().flat_map(|rank| scored.iter().filter(move |(s, _)| *s == rank).map(|(_, i)| *i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ind(id: &str, area: &str, zh: &str, en: &str) -> Indicator {
        serde_json::from_value(json!({
            "id": id, "area": area, "role": "goal", "name": { "zh": zh, "en": en },
            "unit": "percent", "direction": "higher_better",
            "target": { "kind": "at_least", "value": 1, "year": 2025, "wording": { "zh": "甲", "en": "A" }, "origin": "plan", "source": "s" }
        }))
        .unwrap()
    }

    fn all() -> Vec<SearchEntry> {
        [
            ind("AIR-01", "air", "地级及以上城市空气质量优良天数比率", "Share of days with good air quality"),
            ind("AIR-02", "air", "细颗粒物（PM2.5）年均浓度", "PM2.5 annual mean concentration"),
            ind("AIR-03", "air", "可吸入颗粒物（PM10）年均浓度", "PM10 annual mean concentration"),
            ind("WAT-01", "water", "地表水国考断面水质优良比例", "Share of national sections at Class I–III"),
            ind(
                "WAT-16",
                "water",
                "县级及以上集中式饮用水水源地水质达标率",
                "Share of drinking-water sources meeting standards",
            ),
            ind("SOIL-01", "soil", "受污染耕地安全利用率", "Safe-use rate of contaminated farmland"),
            ind("CE-05", "carbon", "单位地区生产总值二氧化碳排放降低", "Fall in CO2 emissions per unit of GDP"),
            ind("CE-01", "carbon", "非化石能源占一次能源消费比重", "Non-fossil share of primary energy consumption"),
        ]
        .iter()
        .map(SearchEntry::from)
        .collect()
    }

    fn ids(q: &str) -> Vec<String> {
        let all = all();
        search(&all, q).into_iter().map(|i| i.id.to_string()).collect()
    }

    #[test]
    fn every_spelling_of_pm25_finds_it() {
        for q in ["pm25", "PM 2.5", "ＰＭ２．５", "PM₂.₅", "pm2.5", "细颗粒物"] {
            let found = ids(q);
            assert_eq!(found.first().map(String::as_str), Some("AIR-02"), "{q}: {found:?}");
        }
    }

    #[test]
    fn ids_match_with_or_without_the_dash_and_exact_ids_come_first() {
        assert_eq!(ids("air02"), vec!["AIR-02"]);
        assert_eq!(ids("AIR-01").first().map(String::as_str), Some("AIR-01"));
    }

    #[test]
    fn synonyms_places_areas_and_english_keywords_match() {
        for (q, expected) in [
            ("好天", "AIR-01"),
            ("饮用水", "WAT-16"),
            ("water quality", "WAT-01"),
            ("drinking water", "WAT-16"),
            ("大气", "AIR-02"),
            ("土壤", "SOIL-01"),
            ("carbon", "CE-01"),
            ("碳排放", "CE-01"),
            ("沙尘", "AIR-01"),
        ] {
            assert!(ids(q).contains(&expected.to_string()), "{q} → {:?}", ids(q));
        }
    }

    #[test]
    fn place_names_find_the_place_and_the_indicators_with_its_figures() {
        let codes = |q: &str| search_places(q).iter().map(|p| p.code).collect::<Vec<_>>();
        for q in ["兰州", "兰州市", "Lanzhou", "lanzhou", "LANZHOU"] {
            assert_eq!(codes(q), ["620100"], "{q}");
        }
        assert_eq!(codes("临夏州"), ["622900"]);
        assert_eq!(codes("Gannan"), ["623000"]);
        assert!(codes("市").is_empty(), "one character names no place");
        // An indicator with a series for Lanzhou, as the search is given it.
        let mut pm25 = ind("AIR-02", "air", "细颗粒物（PM2.5）年均浓度", "PM2.5 annual mean concentration");
        pm25.breakdown = vec![serde_json::from_value(json!({ "place": "620100", "values": [] })).unwrap()];
        let mut with = all();
        with[1] = SearchEntry::from(&pm25);
        let found: Vec<String> = search(&with, "兰州").into_iter().map(|i| i.id.to_string()).collect();
        assert_eq!(found, ["AIR-02"]);
    }

    #[test]
    fn nothing_matches_nonsense_and_the_empty_query_lists_everything() {
        assert!(ids("zzqx").is_empty());
        assert_eq!(ids("  ").len(), all().len());
    }
}
