//! What every column of the whole-dataset CSV holds, in words and in types: the
//! one table that the CSVW metadata, the Data Package's Table Schema and the
//! README are all written from.
//!
//! A coded column names its vocabulary (`package_codes`); `check_cell` holds
//! every cell of the data to its column before any metadata is written.

pub use super::package_codes::{codes, Code, Vocab};
use gansu_eco_dashboard::i18n::{self, Lang};
use gansu_eco_dashboard::model::dataset::WholeDataset;
use gansu_eco_dashboard::model::Text;

/// What a column's cells are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Plain,
    /// A calendar year, e.g. 2024.
    Year,
    Number,
    /// An http(s) address.
    Url,
    /// A date known to the year, the month or the day: `2021`, `2021-12`, `2021-12-21`.
    PartialDate,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A day of the year, `MM-DD`.
    MonthDay,
    /// `true`, or empty for "no".
    Flag,
    /// One of a closed list of codes.
    OneOf(Vocab),
}

pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Never empty: the CSV writer always fills it.
    pub required: bool,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn col(name: &'static str, kind: Kind, required: bool, zh: &'static str, en: &'static str) -> Column {
    Column { name, kind, required, zh, en }
}

use Kind::*;

/// Every column the CSV writer (`model::csv::HEADER`) can write, in its order.
pub const COLUMNS: [Column; 46] = [
    col("id", Plain, true, "指标编号，如 AIR-02。同一编号在所有数据版本中指同一指标，不会改作他用。", "Indicator id, e.g. AIR-02. An id means the same indicator in every release and is never reused."),
    col("area", OneOf(Vocab::Area), true, "规划领域。", "Area of the plan."),
    col("name_zh", Plain, true, "指标名称（中文）。", "Indicator name in Chinese."),
    col("name_en", Plain, true, "指标名称（英文）。", "Indicator name in English."),
    col("unit", OneOf(Vocab::Unit), true, "value 列的单位。", "Unit of `value`."),
    col("row", OneOf(Vocab::Row), true, "本行是哪一类数字。", "What kind of figure the row holds."),
    col("year", Year, true, "数值所属的年份；目标行为目标年份；陈述行为发布年份（确切日期见 source_date）。", "The year the figure is for; on a target row, the year the target applies by; on a statement row, the year it was published (the exact date is in `source_date`)."),
    col("value", Number, false, "数值，单位见 unit 列。空：没有数字（文字表述见 text_zh/text_en，或目标只是文字承诺）。未公开的数值不估算、不插值。", "The figure, in the unit named in `unit`. Empty where there is no number (a statement in words, see text_zh/text_en, or a target in words only). Nothing unpublished is estimated or interpolated."),
    col("bound", OneOf(Vocab::Bound), false, "数值的精确程度；空：原文给出确切数字。", "How exact the value is; empty for a figure given exactly."),
    col("target_kind", OneOf(Vocab::TargetKind), false, "目标行的目标类型（下降比例的参照年份见 JSON 文件）；其他行为空。", "On target rows, the kind of commitment (the reference year of a reduction is in the JSON file); empty on other rows."),
    col("period", OneOf(Vocab::Period), true, "数值覆盖的时段。只有全年数值和某一时点的读数用于判断状态。目标行和陈述行均为 full_year。", "The period the value covers. Only full-year values and readings at a date are used to judge a status. Always `full_year` on target and statement rows."),
    col("period_zh", Plain, false, "非全年时段的名称（中文），如“1—11月”；全年为空。", "For anything but a full year, the period's name in Chinese (e.g. 1—11月); empty for a full year."),
    col("period_en", Plain, false, "非全年时段的名称（英文）；全年为空。", "For anything but a full year, the period's name in English; empty for a full year."),
    col("basis", OneOf(Vocab::Basis), false, "口径编号：数值按什么方法或范围统计（如是否扣除沙尘天气、38个还是74个国考断面）。不同口径的数值分开保存，互不比较。空：该指标只有一个口径，或本行是市州的数值（其统计范围见 scope 列）。", "Basis id: how, or over what, the value was measured (with or without dust days; 38 or 74 national monitoring sections). Values on different bases are kept apart and never compared. Empty where the indicator has a single basis, and on a city's rows (what a city's figure covers is in `scope`)."),
    col("basis_zh", Plain, false, "口径名称（中文）。", "Name of the basis in Chinese."),
    col("basis_en", Plain, false, "口径名称（英文）。", "Name of the basis in English."),
    col("alternative_zh", Plain, false, "备选数值：同一年份、同一口径另有采用的数值时，说明为何保留本数值而不用于图表和判断（中文）。", "Alternative figure: where another figure for the same year and basis is preferred, why this one is kept but neither charted nor judged (Chinese)."),
    col("alternative_en", Plain, false, "备选数值的说明（英文）。", "The same in English."),
    col("text_zh", Plain, false, "文字表述（中文）：没有数字的表述；目标行为文件原文；陈述行为政府表述的原话。", "Statement in words (Chinese): a value given in words only; on target rows, the document's wording of the target; on statement rows, the government statement's own words."),
    col("text_en", Plain, false, "文字表述（英文翻译或释义）。", "The statement in English (a translation or gloss)."),
    col("source", Plain, true, "来源编号，即 gansu-eco-indicators.json 中 sources 的键。", "Source key: the entry of `sources` in gansu-eco-indicators.json."),
    col("source_publisher_zh", Plain, true, "原发布者（中文）；转载副本也写最初的发布者。", "The original publisher in Chinese; for a reprint, who first published it."),
    col("source_title_zh", Plain, true, "来源标题（中文）。", "Title of the source in Chinese."),
    col("source_date", PartialDate, false, "来源的发布日期，写到已知的部分：YYYY、YYYY-MM 或 YYYY-MM-DD；空：日期不详。", "Publication date of the source, as far as it is known: YYYY, YYYY-MM or YYYY-MM-DD; empty where unknown."),
    col("source_url", Url, false, "来源网址；空：没有找到网址，或该转载网站会插入无关内容，不提供链接。", "Address of the source; empty where none was found, or where the site carrying the copy inserts unrelated content and is not linked."),
    col("source_tier", OneOf(Vocab::Tier), true, "来源的可信度等级。", "How far the source can be trusted."),
    col("status", OneOf(Vocab::Status), false, "该指标的状态，与网站上的状态标签一致；同一指标的全省各行相同。市州的行为空：规划的目标是全省的，市州的数值不判断状态。", "The indicator's status, as its badge on the site names it; the same on every province row of an indicator. Empty on a city's rows: the plan's targets are the province's, and a city's figures are not judged."),
    col("status_zh", Plain, false, "状态名称（中文）；市州的行为空。", "The status in Chinese; empty on a city's rows."),
    col("status_en", Plain, false, "状态名称（英文）；市州的行为空。", "The status in English; empty on a city's rows."),
    col("note_zh", Plain, false, "本行的说明（中文）：定义、口径、来源之间的冲突等。", "Note on the row in Chinese: definitions, bases, disagreements between sources."),
    col("note_en", Plain, false, "本行的说明（英文）。", "Note on the row in English."),
    col("source_publisher_en", Plain, true, "原发布者（英文）。", "The original publisher in English."),
    col("source_title_en", Plain, true, "来源标题（英文）。", "Title of the source in English."),
    col("provisional", Flag, false, "true：状态是暂定的——目标年份已过，但还没有找到目标年份的数值，状态依据的是更早年份的数值。空：目标年份未过、状态依据目标年份的数值（已是定论），或没有判断状态。同一指标的全省各行相同，市州的行为空。", "true: the status is provisional: the target year is over, but its figure has not been found, so the status rests on an earlier year's figure. Empty where the target year is not over, where the status is judged on the target year's figure (final), or where no status is judged. The same on every province row of an indicator, empty on a city's rows."),
    col("publication", OneOf(Vocab::Publication), false, "该指标的全年数值通常在哪里发布；空：没有记录。同一指标的全省各行相同，市州的行为空。", "Where the indicator's yearly figure usually appears; empty where none is recorded. The same on every province row of an indicator, empty on a city's rows."),
    col("usual_day", MonthDay, false, "全年数值通常在次年的哪一天前后发布，格式 MM-DD（如 06-05）；空：没有固定日期或没有记录。同一指标的全省各行相同，市州的行为空。", "The day of the following year around which the yearly figure usually appears, MM-DD (e.g. 06-05); empty where there is no regular day or none is recorded. The same on every province row of an indicator, empty on a city's rows."),
    col("newest_year", Year, false, "本数据中该指标最新的全年数值（或全年的文字表述）所属的年份，不计备选数值；空：还没有全年数值。同一指标的全省各行相同，市州的行为空。", "The newest year this dataset has a full-year figure (or full-year statement in words) for, alternative figures aside; empty where there is none yet. The same on every province row of an indicator, empty on a city's rows."),
    col("overdue_since", Date, false, "逾期：newest_year 下一年（没有全年数值时为规划期第一年）的数值通常应在这一天（YYYY-MM-DD）前后发布，到本数据版本的日期仍未找到。空：没有逾期，或没有固定发布日期。同一指标的全省各行相同，市州的行为空。", "Overdue: the figure for the year after `newest_year` (or, with no full-year figure, for the plan's first year) usually appears around this day (YYYY-MM-DD), and by this release's date it has not been found. Empty where nothing is overdue or there is no regular day. The same on every province row of an indicator, empty on a city's rows."),
    col("report", OneOf(Vocab::Report), false, "以文字表述的目标：政府最新一份公开表述怎么说（各表述见陈述行）。这是政府自己的说法，不是测量结果。其他指标为空；同一指标的全省各行相同，市州的行为空。", "For a goal set in words: what the newest published government statement says of it (each statement is a statement row). The government's own account, not a measurement. Empty for other indicators and on a city's rows; the same on every province row of an indicator."),
    col("claim", OneOf(Vocab::Claim), false, "陈述行：该表述对整项目标的说法；其他行为空。", "On statement rows, what the statement says of the whole commitment; empty on other rows."),
    col("place", OneOf(Vocab::Place), true, "本行数值所属的地点，GB/T 2260 行政区划代码。620000 为甘肃省：全省的数值、目标和陈述。其他代码为14个市州之一：该市州公布的数值（row 为 value），写在该指标全省各行之后，没有目标和状态。", "The place the row's figure is for, as its GB/T 2260 administrative division code. 620000 is Gansu province: the province's figures, targets and statements. Any other code is one of the 14 cities and prefectures: a figure that city published (a `value` row), after the province's rows of the indicator, with no target and no status."),
    col("place_zh", Plain, true, "地点名称（中文），如 甘肃省、兰州市、临夏回族自治州。", "Name of the place in Chinese, e.g. 甘肃省, 兰州市, 临夏回族自治州."),
    col("place_en", Plain, true, "地点名称（英文），如 Gansu province、Lanzhou、Linxia。", "Name of the place in English, e.g. Gansu province, Lanzhou, Linxia."),
    col("scope", Plain, false, "市州数值的统计范围编号：来源所说的范围比该市州窄或与之不同时填写（如 临夏市国控点、市区）。同一市州不同范围的数值分开保存，互不比较。空：全省的行，或数值覆盖整个市州。", "Scope id of a city's figure, where its source says it covers something narrower than, or other than, the city or prefecture as a whole (e.g. 临夏市国控点, the national monitoring stations of Linxia city; the urban area). A place's figures on different scopes are kept apart and never compared. Empty on the province's rows and where the figure covers the whole city or prefecture."),
    col("scope_zh", Plain, false, "统计范围名称（中文）。", "Name of the scope in Chinese."),
    col("scope_en", Plain, false, "统计范围名称（英文）。", "Name of the scope in English."),
];

pub fn column(name: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.name == name)
}

/// A column's description in both languages, its codes spelled out.
pub fn describe(c: &Column, data: &WholeDataset) -> Text {
    let codes = match c.kind {
        OneOf(v) if v != Vocab::Basis => codes(v, data),
        _ => Vec::new(),
    };
    if codes.is_empty() {
        return Text { zh: c.zh.to_string(), en: c.en.to_string() };
    }
    let zh: Vec<String> = codes.iter().map(|k| i18n::paren(Lang::Zh, &k.value, &k.label.zh)).collect();
    let en: Vec<String> = codes.iter().map(|k| i18n::paren(Lang::En, &k.value, &k.label.en)).collect();
    Text { zh: format!("{}取值：{}。", c.zh, zh.join("；")), en: format!("{} Codes: {}.", c.en, en.join("; ")) }
}

/// `[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?`: written without anchors, as Table
/// Schema's (XML Schema) patterns match whole values; CSVW adds `^…$`.
pub const PARTIAL_DATE_PATTERN: &str = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

/// `MM-DD`, a day some year has.
pub const MONTH_DAY_PATTERN: &str = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

/// Whether `MM-DD` is a day of some year (29 February included).
fn is_month_day(s: &str) -> bool {
    let b = s.as_bytes();
    let two = |i: usize| s.get(i..i + 2).filter(|p| p.bytes().all(|c| c.is_ascii_digit())).and_then(|p| p.parse().ok());
    let (Some(month), Some(day)) = (two(0), two(3)) else { return false };
    let longest: u32 = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    b.len() == 5 && b[2] == b'-' && (1..=longest).contains(&day)
}

/// Whether `YYYY-MM-DD` is a day of the calendar (29 February in leap years only).
fn is_date(s: &str) -> bool {
    let leap = |y: u32| y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let year = s.get(..4).filter(|y| y.bytes().all(|c| c.is_ascii_digit())).and_then(|y| y.parse().ok());
    match (year, s.get(4..5), s.get(5..)) {
        (Some(y), Some("-"), Some(day)) => is_month_day(day) && (day != "02-29" || leap(y)),
        _ => false,
    }
}

fn is_partial_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Whether a non-empty cell fits its column, or what is wrong with it.
pub fn check_cell(kind: Kind, cell: &str, codes: &[Code]) -> Result<(), String> {
    let ok = match kind {
        Plain => true,
        Year => cell.len() == 4 && cell.parse::<u16>().is_ok(),
        Number => cell.parse::<f64>().is_ok_and(f64::is_finite),
        Url => (cell.starts_with("https://") || cell.starts_with("http://")) && !cell.contains(char::is_whitespace),
        PartialDate => is_partial_date(cell),
        Date => is_date(cell),
        MonthDay => is_month_day(cell),
        Flag => cell == "true",
        OneOf(_) => codes.iter().any(|c| c.value == cell),
    };
    let expected = match kind {
        Plain => "text",
        Year => "a year (four digits)",
        Number => "a number",
        Url => "an http(s) address",
        PartialDate => "a date YYYY, YYYY-MM or YYYY-MM-DD",
        Date => "a date YYYY-MM-DD",
        MonthDay => "a day MM-DD",
        Flag => "true (or nothing)",
        OneOf(_) => "one of the column's codes",
    };
    if ok {
        Ok(())
    } else {
        Err(format!("expected {expected}, found {cell:?}"))
    }
}
