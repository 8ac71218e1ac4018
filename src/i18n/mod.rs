//! Every word the site shows, in Chinese (the default) and English.
//!
//! One small typed table instead of strings scattered through the views: a fixed
//! label is a `Msg` variant whose match arm holds both languages side by side, so
//! a missing translation does not compile. Labels of domain vocabularies (areas,
//! units, statuses…) live in `labels`, sentences built from data in `sentences`,
//! and numbers and dates are formatted here.

mod about;
mod arithmetic;
mod changes;
mod explain;
mod labels;
mod messages;
mod places;
mod scorecard;
mod search_terms;
mod sentences;

pub use about::*;
pub use arithmetic::arithmetic_lines;
pub use changes::*;
pub use explain::*;
pub use labels::*;
pub use messages::Msg;
pub use places::*;
pub use scorecard::*;
pub use search_terms::{Leads, SEARCH_TERMS};
pub use sentences::*;

use crate::model::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// BCP 47 code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Short code for file names: `zh`, `en` (the static chart pictures).
    pub fn short(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the text in this language.
    pub fn pick(self, t: &Text) -> &str {
        match self {
            Lang::Zh => &t.zh,
            Lang::En => &t.en,
        }
    }

    /// Picks between two literal strings. Private to `i18n`: every word the site
    /// shows lives in this module, and the compiler holds the rest of the code to it.
    pub(in crate::i18n) fn of(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }
}

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    lang.of("：", ": ")
}

/// The end of a sentence followed by another: "。" / ". ".
pub fn full_stop(lang: Lang) -> &'static str {
    lang.of("。", ". ")
}

/// Text in parentheses after other text: "基准（2020）", "Baseline (2020)".
/// Brackets inside brackets become square ones, so they never nest:
/// "2023→2024（扣除沙尘〔国家考核口径〕）".
pub fn paren(lang: Lang, before: &str, inside: &str) -> String {
    match lang {
        Lang::Zh => format!("{before}（{}）", inside.replace('（', "〔").replace('）', "〕")),
        Lang::En => format!("{before} ({})", inside.replace('(', "[").replace(')', "]")),
    }
}

/// Formats a number with up to `decimals` decimals, trailing zeros removed and
/// thousands grouped: 18400 → "18,400", 25.70 → "25.7".
pub fn number(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "−" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A published value as written: up to two decimals.
pub fn value(v: f64) -> String {
    number(v, 2)
}

/// A date `YYYY-MM-DD` (or shorter, or a day of any year `MM-DD`) in the reader's language.
pub fn date(lang: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let n = |s: &str| s.parse::<usize>().unwrap_or(0);
    match (lang, parts.as_slice()) {
        (Lang::Zh, [m, d]) if m.len() == 2 => format!("{}月{}日", n(m), n(d)),
        (Lang::En, [m, d]) if m.len() == 2 => format!("{} {}", n(d), MONTHS.get(n(m).wrapping_sub(1)).unwrap_or(&"")),
        (Lang::Zh, [y, m, d]) => format!("{y}年{}月{}日", n(m), n(d)),
        (Lang::Zh, [y, m]) => format!("{y}年{}月", n(m)),
        (Lang::Zh, [y]) => format!("{y}年"),
        (Lang::En, [y, m, d]) => format!("{} {} {y}", n(d), MONTHS.get(n(m).wrapping_sub(1)).unwrap_or(&"")),
        (Lang::En, [y, m]) => format!("{} {y}", MONTHS.get(n(m).wrapping_sub(1)).unwrap_or(&"")),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(number(18400.0, 2), "18,400");
        assert_eq!(number(25.70, 2), "25.7");
        assert_eq!(number(6285.47, 2), "6,285.47");
        assert_eq!(number(0.0, 2), "0");
        assert_eq!(number(-0.2, 2), "−0.2");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(number(1234567.0, 0), "1,234,567");
    }

    #[test]
    fn brackets_never_nest() {
        assert_eq!(paren(Lang::Zh, "较2023年", "扣除沙尘（国家考核口径）"), "较2023年（扣除沙尘〔国家考核口径〕）");
        assert_eq!(
            paren(Lang::En, "Since 2023", "dust removed (assessment basis)"),
            "Since 2023 (dust removed [assessment basis])"
        );
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Lang::Zh, "2024-03-26"), "2024年3月26日");
        assert_eq!(date(Lang::En, "2024-03-26"), "26 Mar 2024");
        assert_eq!(date(Lang::Zh, "2021-12"), "2021年12月");
        assert_eq!(date(Lang::En, "2021"), "2021");
        // A day of any year (a usual publication day).
        assert_eq!(date(Lang::Zh, "06-03"), "6月3日");
        assert_eq!(date(Lang::En, "06-03"), "3 Jun");
    }
}
