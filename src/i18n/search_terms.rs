//! The words readers search with that indicator names do not contain: common
//! synonyms, abbreviations and place names, in Chinese and English. One table,
//! data rather than code branches; `present::search` matches queries against it
//! after the same normalisation (case, full width, spaces and punctuation).

use crate::model::Area;

/// What a group of search words leads to.
pub enum Leads {
    /// These indicators.
    Ids(&'static [&'static str]),
    /// Every indicator of an area.
    Area(Area),
}

/// (words, what they lead to).
pub const SEARCH_TERMS: &[(&[&str], Leads)] = &[
    (&["好天", "优良天", "蓝天", "空气好", "good air", "good days", "clean air"], Leads::Ids(&["AIR-01"])),
    (&["沙尘", "扬沙", "dust", "sandstorm"], Leads::Ids(&["AIR-01"])),
    (&["细颗粒物", "pm25", "fine particles", "雾霾", "smog", "haze"], Leads::Ids(&["AIR-02"])),
    (&["颗粒物", "particulate", "particles"], Leads::Ids(&["AIR-02", "AIR-03"])),
    // Place names themselves are matched by `present::search::search_places`.
    (&["市州", "城市", "city", "cities", "我的城市", "my city"], Leads::Ids(&["AIR-01", "AIR-02", "AIR-03"])),
    (
        &["汽车", "尾气", "机动车", "car", "cars", "vehicle", "vehicles", "exhaust"],
        Leads::Ids(&["AIR-09", "AIR-10", "AIR-11"]),
    ),
    (
        &["水质", "河流", "断面", "water quality", "rivers", "river"],
        Leads::Ids(&["WAT-01", "WAT-02", "WAT-15", "WAT-18"]),
    ),
    (&["饮用水", "喝的水", "自来水", "drinking water", "tap water"], Leads::Ids(&["WAT-16"])),
    (&["黄河", "yellow river"], Leads::Ids(&["WAT-15", "WAT-18", "WAT-13", "WST-09"])),
    (&["污水", "sewage", "wastewater"], Leads::Ids(&["WAT-05", "WAT-06", "WAT-07", "WAT-13", "WAT-19"])),
    (&["黑臭", "臭水", "smelly water", "black and odorous"], Leads::Ids(&["WAT-03", "WAT-17"])),
    (&["碳排放", "二氧化碳", "co2", "carbon dioxide", "carbon emissions", "双碳", "碳达峰"], Leads::Area(Area::Carbon)),
    (
        &["风电", "光伏", "太阳能", "新能源", "wind", "solar", "renewable", "renewables"],
        Leads::Ids(&["CE-02", "CE-11", "CE-12", "CE-13"]),
    ),
    (&["垃圾", "garbage", "rubbish", "trash", "recycling"], Leads::Ids(&["WST-05"])),
    (
        &["森林", "树", "trees", "forest", "forests", "绿化", "greening"],
        Leads::Ids(&["ECO-01", "ECO-02", "ECO-08", "ECO-11"]),
    ),
    (&["草原", "草地", "grass", "grassland", "grasslands"], Leads::Ids(&["ECO-03", "ECO-10", "ECO-12"])),
    (&["沙漠", "荒漠", "desert", "desertification"], Leads::Ids(&["ECO-09"])),
    (&["大气", "空气", "air", "air quality"], Leads::Area(Area::Air)),
    (&["水", "water"], Leads::Area(Area::Water)),
    (&["土壤", "土地", "农村", "soil", "rural", "farmland"], Leads::Area(Area::Soil)),
    (&["固废", "废物", "固体废物", "waste"], Leads::Area(Area::Waste)),
    (&["碳", "能源", "carbon", "energy", "climate", "气候"], Leads::Area(Area::Carbon)),
    (&["生态", "ecology", "nature", "自然"], Leads::Area(Area::Ecology)),
    (&["治理", "执法", "督察", "governance", "enforcement", "inspection"], Leads::Area(Area::Governance)),
];
