//! Places: Gansu province and its 14 cities and prefectures (市州), by their
//! GB/T 2260 codes, and a series of figures for one place.
//!
//! An indicator's own `values` are the province's. A city's figures are kept
//! apart in the indicator's `breakdown`, one `PlaceSeries` per place and scope
//! ("临夏市国控点" and "临夏州七县一市平均" are two series of one prefecture),
//! so no line, status or table can mix places.

use super::types::{latest_of, Basis, BasisId, Indicator, Observation, Role, Text};
use serde::{Deserialize, Serialize};

#[cfg(feature = "tools")]
use schemars::JsonSchema;

/// The province's code: what a figure without a place is about.
pub const PROVINCE: &str = "620000";

/// One city or prefecture.
#[derive(Debug, PartialEq, Eq)]
pub struct Place {
    /// GB/T 2260 code, e.g. `620100`.
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Hanyu pinyin without tones or spaces, for search (`lanzhou`).
    pub pinyin: &'static str,
    /// Column and row in the comparison grid, placed roughly as on a map of
    /// the province (north-west to south-east; the gap is Ningxia).
    pub tile: (u8, u8),
}

const fn place(code: &'static str, zh: &'static str, en: &'static str, pinyin: &'static str, tile: (u8, u8)) -> Place {
    Place { code, zh, en, pinyin, tile }
}

/// The 14 cities and prefectures, in the order of their codes.
pub const PLACES: [Place; 14] = [
    place("620100", "兰州市", "Lanzhou", "lanzhou", (3, 3)),
    place("620200", "嘉峪关市", "Jiayuguan", "jiayuguan", (1, 0)),
    place("620300", "金昌市", "Jinchang", "jinchang", (2, 1)),
    place("620400", "白银市", "Baiyin", "baiyin", (3, 2)),
    place("620500", "天水市", "Tianshui", "tianshui", (5, 4)),
    place("620600", "武威市", "Wuwei", "wuwei", (2, 2)),
    place("620700", "张掖市", "Zhangye", "zhangye", (1, 1)),
    place("620800", "平凉市", "Pingliang", "pingliang", (5, 3)),
    place("620900", "酒泉市", "Jiuquan", "jiuquan", (0, 0)),
    place("621000", "庆阳市", "Qingyang", "qingyang", (6, 2)),
    place("621100", "定西市", "Dingxi", "dingxi", (4, 3)),
    place("621200", "陇南市", "Longnan", "longnan", (4, 4)),
    place("622900", "临夏回族自治州", "Linxia", "linxia", (2, 3)),
    place("623000", "甘南藏族自治州", "Gannan", "gannan", (2, 4)),
];

/// The columns and rows of the comparison grid.
pub const GRID: (u8, u8) = (7, 5);

/// The city or prefecture with this code.
pub fn find(code: &str) -> Option<&'static Place> {
    PLACES.iter().find(|p| p.code == code)
}

impl Place {
    /// The name as read in running text: the two autonomous prefectures by
    /// their short names (临夏州, 甘南州), as the province's own reports do.
    pub fn short_zh(&self) -> &'static str {
        match self.code {
            "622900" => "临夏州",
            "623000" => "甘南州",
            _ => self.zh,
        }
    }

    pub fn name(&self) -> Text {
        Text { zh: self.short_zh().to_string(), en: self.en.to_string() }
    }
}

/// Figures for one city or prefecture on one scope, as their sources state them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct PlaceSeries {
    /// GB/T 2260 code of the city or prefecture, e.g. `620100` (Lanzhou).
    pub place: String,
    /// What the figures cover when the source names something narrower or other
    /// than the city or prefecture as it reports itself (市区, 国控点, 县市平均).
    /// Two series of one place differ in their scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Basis>,
    /// Each value as published; none carries a `basis` (the scope is the series').
    pub values: Vec<Observation>,
}

impl PlaceSeries {
    /// The series' key in addresses: the place code, then the scope's id when it has one
    /// (`620100`, `622900.linxia-city-stations`).
    pub fn key(&self) -> String {
        match &self.scope {
            Some(s) => format!("{}.{}", self.place, s.id),
            None => self.place.clone(),
        }
    }

    /// The series' newest figure, as `Indicator::latest_observation` picks it.
    pub fn latest(&self) -> Option<&Observation> {
        latest_of(&self.values)
    }
}

/// Items oldest first, in their order within a year: a pass per year rather
/// than a sort, so the browser's wasm carries no sort routine for them.
pub fn in_year_order<T>(items: Vec<T>, year: impl Fn(&T) -> i32) -> Vec<T> {
    let (Some(first), Some(last)) = (items.iter().map(&year).min(), items.iter().map(&year).max()) else {
        return items;
    };
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for y in first..=last {
        for slot in slots.iter_mut() {
            if slot.as_ref().is_some_and(|t| year(t) == y) {
                out.extend(slot.take());
            }
        }
    }
    out
}

/// The basis ids of a place's indicator (`Indicator::for_place`).
pub const PLACE_BASIS: &str = "place";
pub const PROVINCE_BASIS: &str = "province";

impl Indicator {
    /// The breakdown series with this key (`PlaceSeries::key`).
    pub fn series(&self, key: &str) -> Option<&PlaceSeries> {
        self.breakdown.iter().find(|s| s.key() == key)
    }

    /// The breakdown series of one place, in the order the data lists them.
    pub fn series_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a PlaceSeries> + 'a {
        self.breakdown.iter().filter(move |s| s.place == code)
    }

    /// The indicator without its city series: what its own file and CSV hold
    /// (each series has files of its own; the whole dataset holds everything).
    pub fn province(&self) -> Indicator {
        Indicator { breakdown: Vec::new(), ..self.clone() }
    }

    /// From a place's indicator (`for_place`), the series it was made from:
    /// its figures on the place's basis, with `like`'s place and scope.
    pub fn series_back(&self, like: &PlaceSeries) -> PlaceSeries {
        let place = BasisId::from(PLACE_BASIS);
        let values = self.values.iter().filter(|o| o.basis.as_ref() == Some(&place));
        let values = values.map(|o| Observation { basis: None, ..o.clone() }).collect();
        PlaceSeries { place: like.place.clone(), scope: like.scope.clone(), values }
    }

    /// The indicator with one city series and nothing of the province's: what
    /// that series' CSV download holds.
    pub fn only_series(&self, series: &PlaceSeries) -> Indicator {
        Indicator {
            baseline: None,
            values: Vec::new(),
            target: None,
            other_targets: Vec::new(),
            evidence: Vec::new(),
            breakdown: vec![series.clone()],
            ..self.clone()
        }
    }

    /// One place's series as an indicator of its own, beside the province's
    /// full-year figures on its headline basis: what a city's chart, table and
    /// embed show. It has no target (the plan sets its targets for the province)
    /// and keeps the indicator's id, so its links lead to the province's page.
    pub fn for_place(&self, key: &str) -> Option<Indicator> {
        let series = self.series(key)?;
        let place = find(&series.place)?;
        let place_basis = BasisId::from(PLACE_BASIS);
        let province_basis = BasisId::from(PROVINCE_BASIS);
        let label = match &series.scope {
            Some(s) => Text {
                zh: format!("{}（{}）", place.short_zh(), s.label.zh),
                en: format!("{} ({})", place.en, s.label.en),
            },
            None => place.name(),
        };
        let headline = self.headline_basis.as_ref();
        let province = self
            .baseline
            .iter()
            .chain(&self.values)
            .filter(|o| o.is_headline_full_year() && o.basis_or(headline) == headline);
        let mut values: Vec<Observation> =
            series.values.iter().map(|o| Observation { basis: Some(place_basis.clone()), ..o.clone() }).collect();
        values.extend(province.map(|o| Observation { basis: Some(province_basis.clone()), note: None, ..o.clone() }));
        let values = in_year_order(values, |o| o.year);
        Some(Indicator {
            role: Role::Context,
            headline: false,
            name: Text { zh: format!("{}·{}", label.zh, self.name.zh), en: format!("{}: {}", label.en, self.name.en) },
            bases: vec![
                Basis {
                    id: place_basis.clone(),
                    label,
                    proxy: false,
                    note: series.scope.as_ref().and_then(|s| s.note.clone()),
                },
                Basis {
                    id: province_basis,
                    label: Text { zh: "甘肃省".into(), en: "Gansu province".into() },
                    proxy: false,
                    note: None,
                },
            ],
            headline_basis: Some(place_basis),
            target: None,
            other_targets: Vec::new(),
            baseline: None,
            values,
            notes: Vec::new(),
            publication: None,
            evidence: Vec::new(),
            breakdown: Vec::new(),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_come_in_order_and_a_year_keeps_its_order() {
        let items = vec![(2023, "a"), (2021, "b"), (2023, "c"), (2020, "d")];
        assert_eq!(in_year_order(items, |i| i.0), [(2020, "d"), (2021, "b"), (2023, "a"), (2023, "c")]);
        assert!(in_year_order(Vec::<(i32, &str)>::new(), |i| i.0).is_empty());
    }

    #[test]
    fn the_places_are_the_14_cities_and_prefectures_once_each_on_the_grid() {
        let codes: std::collections::BTreeSet<&str> = PLACES.iter().map(|p| p.code).collect();
        assert_eq!(codes.len(), 14);
        let tiles: std::collections::BTreeSet<(u8, u8)> = PLACES.iter().map(|p| p.tile).collect();
        assert_eq!(tiles.len(), 14, "no two places share a tile");
        assert!(PLACES.iter().all(|p| p.tile.0 < GRID.0 && p.tile.1 < GRID.1));
        assert_eq!(find("622900").map(Place::short_zh), Some("临夏州"));
        assert!(find(PROVINCE).is_none(), "the province is not one of the places");
    }
}
