//! Words for a finished plan: when an indicator's figures appear and whether a
//! newer one is overdue, and what the government reports of goals set in words.

use super::{date, Lang};
use crate::model::scorecard::{Freshness, Overdue, Report};
use crate::model::{Publication, PublicationKind, Reported};

/// Where the yearly figure usually appears.
pub fn publication_name(lang: Lang, kind: PublicationKind) -> &'static str {
    match kind {
        PublicationKind::ProvincialBulletin => {
            lang.of("《甘肃省生态环境状况公报》", "the Gansu State of the Environment Bulletin")
        }
        PublicationKind::StatisticalCommunique => lang.of(
            "《甘肃省国民经济和社会发展统计公报》",
            "the Gansu Statistical Communiqué on National Economic and Social Development",
        ),
        PublicationKind::NpcReport => lang.of(
            "向省人大常委会所作的年度环境状况报告",
            "the yearly report on the environment to the provincial People's Congress standing committee",
        ),
        PublicationKind::GovernmentWorkReport => lang.of("省政府工作报告", "the provincial government work report"),
        PublicationKind::PressConference => {
            lang.of("有关部门的年度新闻发布会", "a department's yearly press conference")
        }
        PublicationKind::Irregular => lang.of("不定期发布", "no regular publication"),
    }
}

/// "通常见于《甘肃省生态环境状况公报》，一般在次年6月3日前后发布。"
pub fn publication_sentence(lang: Lang, p: &Publication) -> String {
    let name = publication_name(lang, p.kind);
    match (lang, p.usual.as_deref()) {
        (Lang::Zh, Some(day)) => format!("该项数值通常见于{name}，一般在次年{}前后发布。", date(lang, day)),
        (Lang::En, Some(day)) => {
            format!("Usually published in {name}, around {} of the following year.", date(lang, day))
        }
        (Lang::Zh, None) => "该项数值没有固定的发布时间。".to_string(),
        (Lang::En, None) => "This figure has no regular publication date.".to_string(),
    }
}

/// "本站最新的全年数值为2024年。"
pub fn newest_year_sentence(lang: Lang, f: &Freshness) -> String {
    match (lang, f.newest_year) {
        (Lang::Zh, Some(y)) => format!("本站最新的全年数值为{y}年。"),
        (Lang::En, Some(y)) => format!("The newest full-year figure here is for {y}."),
        (Lang::Zh, None) => "本站还没有任何全年数值。".to_string(),
        (Lang::En, None) => "There is no full-year figure here yet.".to_string(),
    }
}

/// "2025年的数值通常应在2026年6月3日前后公布，截至本站2026年12月4日更新时仍未找到。"
pub fn overdue_sentence(lang: Lang, o: &Overdue, as_of: &str) -> String {
    let (year, since, as_of) = (o.year, date(lang, &o.since), date(lang, as_of));
    match lang {
        Lang::Zh => format!("{year}年的数值通常应在{since}前后公布，截至本站{as_of}更新时仍未找到。"),
        Lang::En => format!(
            "The {year} figure was due around {since}; as of this site's update on {as_of} it has not been found."
        ),
    }
}

/// A card's short line: "2025年数值逾期未见（应于2026年6月3日前后公布）".
pub fn overdue_short(lang: Lang, o: &Overdue) -> String {
    let (year, since) = (o.year, date(lang, &o.since));
    match lang {
        Lang::Zh => format!("{year}年数值逾期未见（应于{since}前后公布）"),
        Lang::En => format!("{year} figure overdue (due around {since})"),
    }
}

/// What the government reports of a goal in words, as its badge says it.
pub fn report_name(lang: Lang, report: Report) -> &'static str {
    match report {
        Report::Done => lang.of("政府报告：已完成", "Government reports: done"),
        Report::InProgress => lang.of("政府报告：推进中", "Government reports: in progress"),
        Report::NoneFound => lang.of("未找到政府报告", "No government report found"),
    }
}

/// One statement's own status, beside its quote.
pub fn reported_name(lang: Lang, reported: Reported) -> &'static str {
    match reported {
        Reported::Done => lang.of("称已完成", "says done"),
        Reported::InProgress => lang.of("称在推进", "says in progress"),
    }
}

/// Said wherever a report is shown: whose word it is.
pub fn report_caveat(lang: Lang) -> &'static str {
    lang.of(
        "这是政府自己的说法，不是独立的测量；不计入“已达标”。",
        "This is the government's own account, not an independent measurement; it is never counted as “met”.",
    )
}

/// "文字目标17项：政府报告已完成0项、推进中12项，未找到报告5项。"
pub fn reports_line(lang: Lang, done: usize, in_progress: usize, none: usize) -> String {
    let total = done + in_progress + none;
    match lang {
        Lang::Zh => format!("以文字表述的目标{total}项：政府报告已完成{done}项、推进中{in_progress}项，未找到报告{none}项。"),
        Lang::En => format!(
            "{total} goals set in words: the government reports {done} done and {in_progress} in progress; no report found for {none}."
        ),
    }
}

pub fn freshness_heading(lang: Lang) -> &'static str {
    lang.of("数据何时公布", "When figures appear")
}

pub fn report_heading(lang: Lang) -> &'static str {
    lang.of("政府报告的进展", "What the government reports")
}
