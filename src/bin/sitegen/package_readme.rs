//! The README inside a release's ZIP, in Chinese and then in English: what the
//! dataset is, the files, every column, the units, bases, statuses, government
//! reports, places and source tiers, what a gap means, the licence and how to cite. It says as much as the
//! site's about page (whose paragraphs it reuses) for a reader who only has the
//! download. The site's address is not known here, so files are named relatively.

use super::package::{zip_names, Release};
use super::package_columns::{self as columns, Kind, Vocab};
use super::package_meta::{self as meta, no_key};
use gansu_eco_dashboard::i18n::{self, Lang, Msg};
use gansu_eco_dashboard::model::Text;

pub const README: &str = "README.md";

fn pick(lang: Lang, t: &Text) -> &str {
    lang.pick(t)
}

/// Words of this module in the reader's language (`Lang::of` is `i18n`'s own).
fn say(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn words(zh: &str, en: &str) -> Text {
    Text { zh: zh.to_string(), en: en.to_string() }
}

/// A Markdown table cell: no line breaks, no column separators.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

fn table(out: &mut String, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    out.push_str(&format!("| {} |\n|{}\n", head.join(" | "), " --- |".repeat(head.len())));
    for row in rows {
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.push('\n');
}

/// What each file of the ZIP is, in the order of `zip_names`.
fn file_descriptions() -> [Text; 5] {
    [
        words("本说明（中文与英文）。", "This description, in Chinese and English."),
        words(Msg::CsvNote.text(Lang::Zh), Msg::CsvNote.text(Lang::En)),
        meta::json_description(),
        words(
            "Frictionless Data Package（v2）：两个数据文件、CSV 各列的类型与取值、许可和来源。`frictionless validate datapackage.json` 可据此校验数据。",
            "Frictionless Data Package (v2): both data files, the type and codes of every CSV column, the licence and the sources. `frictionless validate datapackage.json` checks the data against it.",
        ),
        words(
            "CSV on the Web（W3C CSVW）元数据：CSV 各列的名称、说明和数据类型，供支持 CSVW 的工具读取。",
            "CSV on the Web (W3C CSVW) metadata: the CSV's columns with their descriptions and datatypes, for tools that read CSVW.",
        ),
    ]
}

fn basis_words() -> Text {
    words(
        "口径是数值的统计方法或范围：例如优良天数比率是否扣除沙尘天气，水质按38个还是74个国考断面计算，或者用一个相近的数字代替（近似指标）。`basis` 列是口径编号，`basis_zh`、`basis_en` 是它的名称。不同口径的数值分行保存，互不比较，也不跨口径计算进度；状态只用与目标同一口径的数值判断。",
        "A basis is how, or over what, a value was measured: whether the share of good-air days counts dust days, whether water quality is measured at 38 or 74 national sections, or whether a related figure stands in (a proxy). `basis` holds the basis id, and `basis_zh` and `basis_en` its name. Values on different bases are kept in separate rows and never compared, and no pace is computed across them; a status uses only values on the target's basis.",
    )
}

fn place_words() -> Text {
    words(
        "每行都注明地点（GB/T 2260 行政区划代码）。全省的数值、目标和政府陈述为 620000（甘肃省）。市州公布的数值写在该指标全省各行之后，每个数值一行：place 为市州代码，scope 为来源所说的统计范围（如 临夏市国控点），空则覆盖整个市州。规划的目标是全省的，所以市州的行没有状态；市州的数值不与全省数值比较，同一市州不同统计范围的数值也互不比较。",
        "Every row names its place, as a GB/T 2260 administrative division code. The province's figures, targets and government statements are 620000 (Gansu province). The figures a city or prefecture published follow the province's rows of the indicator, one row each: `place` holds the city's code and `scope` the area the figure covers as its source says (e.g. 临夏市国控点, the national monitoring stations of Linxia city), empty for the whole city or prefecture. The plan's targets are the province's, so a city's rows have no status; a city's figures are not compared with the province's, nor figures of one city on different scopes with each other.",
    )
}

fn gap_words() -> Text {
    words(
        "空单元格表示没有这项内容（没有公开，或不适用），从不表示零。没有人公开数值的年份没有对应的行：不估算、不插值、不补全。",
        "An empty cell means there is nothing there (not published, or not applicable), never zero. A year nobody published a figure for has no row: nothing is estimated, interpolated or filled in.",
    )
}

fn citation(lang: Lang, r: &Release) -> String {
    let (site, release, date) = (Msg::SiteTitle.text(lang), &r.info.release, i18n::date(lang, &r.info.as_of));
    let path = gansu_eco_dashboard::model::layout::package_zip(&r.info.release);
    let zip = gansu_eco_dashboard::model::layout::file_name(&path);
    match lang {
        Lang::Zh => format!("{site}，数据版本{release}（更新于{date}），文件 {zip}。请写明下载地址和访问日期。"),
        Lang::En => format!(
            "{site}, data release {release} (updated {date}), file {zip}. Please add the address you downloaded it from and the date you accessed it."
        ),
    }
}

fn heading(lang: Lang, zh: &'static str, en: &'static str) -> String {
    format!("### {}\n\n", say(lang, zh, en))
}

/// One of the about page's sections, as a heading and its paragraphs.
fn about(out: &mut String, lang: Lang, id: &str) {
    for s in i18n::about_sections(lang).into_iter().filter(|s| s.id == id) {
        out.push_str(&format!("#### {}\n\n", s.heading));
        for p in s.paragraphs {
            out.push_str(&format!("{p}\n\n"));
        }
    }
}

/// The codes of a vocabulary as table rows: code, and its words in `lang`.
fn code_rows(lang: Lang, vocab: Vocab, r: &Release) -> Vec<Vec<String>> {
    columns::codes(vocab, &r.data)
        .into_iter()
        .map(|c| vec![format!("`{}`", c.value), pick(lang, &c.label).to_string()])
        .collect()
}

/// The README's half in one language.
fn part(lang: Lang, r: &Release) -> String {
    let mut out = format!("## {}\n\n{}\n\n", say(lang, "中文", "English"), Msg::PlanIntro.text(lang));
    let changed = say(lang, "本版本的变化", "What changed in this release");
    out.push_str(&format!("**{changed}**{}{}\n\n", i18n::colon(lang), pick(lang, &r.info.note)));

    out.push_str(&heading(lang, "文件", "Files"));
    for (name, text) in zip_names().iter().zip(file_descriptions()) {
        out.push_str(&format!("- `{name}`{}{}\n", i18n::colon(lang), pick(lang, &text)));
    }
    let together = words(
        "元数据文件用这些相对文件名指向数据文件，请把五个文件放在同一个文件夹中。",
        "The metadata files name the data files by these relative names: keep the five files in one folder.",
    );
    out.push_str(&format!("\n{}\n\n", pick(lang, &together)));

    out.push_str(&heading(lang, "各列的含义", "The columns"));
    out.push_str(&format!("{}\n\n", pick(lang, &no_key())));
    let see_below = words("见下文。", " See below.");
    let rows = r.columns().into_iter().map(|c| {
        let text = match c.kind {
            Kind::OneOf(Vocab::Unit | Vocab::Status | Vocab::Report | Vocab::Tier | Vocab::Place) => {
                let own = words(c.zh, c.en);
                format!("{}{}", pick(lang, &own), pick(lang, &see_below))
            }
            _ => pick(lang, &columns::describe(c, &r.data)).to_string(),
        };
        vec![format!("`{}`", c.name), text]
    });
    table(&mut out, &[say(lang, "列", "Column"), say(lang, "含义", "Meaning")], rows);

    out.push_str(&heading(lang, "单位（unit 列）", "Units (the unit column)"));
    table(&mut out, &[say(lang, "代码", "Code"), say(lang, "单位", "Unit")], code_rows(lang, Vocab::Unit, r));

    out.push_str(&heading(lang, "口径", "Bases"));
    out.push_str(&format!("{}\n\n", pick(lang, &basis_words())));

    out.push_str(&heading(lang, "状态（status 列）", "Statuses (the status column)"));
    let status_head = [say(lang, "代码", "Code"), say(lang, "名称与含义", "Name and meaning")];
    table(&mut out, &status_head, code_rows(lang, Vocab::Status, r));
    about(&mut out, lang, "status");

    // Releases before the report column was added do not get its section.
    if r.header.iter().any(|h| h == "report") {
        out.push_str(&format!(
            "### {}{}\n\n",
            i18n::report_heading(lang),
            say(lang, "（report 列）", " (the report column)")
        ));
        table(&mut out, &status_head, code_rows(lang, Vocab::Report, r));
        out.push_str(&format!("{}\n\n", i18n::report_caveat(lang)));
    }

    // Releases before the place column was added do not get its section.
    if r.header.iter().any(|h| h == "place") {
        out.push_str(&heading(lang, "地点（place 列）", "Places (the place column)"));
        out.push_str(&format!("{}\n\n", pick(lang, &place_words())));
        table(&mut out, &[say(lang, "代码", "Code"), say(lang, "地点", "Place")], code_rows(lang, Vocab::Place, r));
    }

    out.push_str(&heading(lang, "来源（source_tier 列）", "Sources (the source_tier column)"));
    table(&mut out, &[say(lang, "代码", "Code"), say(lang, "名称", "Name")], code_rows(lang, Vocab::Tier, r));
    about(&mut out, lang, "tiers");

    out.push_str(&heading(lang, "空缺", "Gaps"));
    out.push_str(&format!("{}\n\n", pick(lang, &gap_words())));

    about(&mut out, lang, "licence");
    out.push_str(&format!("CC BY 4.0{}{}\n\n", i18n::colon(lang), meta::LICENCE_URL));
    out.push_str(&format!("#### {}\n\n{}\n\n", Msg::HowToCite.text(lang), citation(lang, r)));
    out
}

/// The README of a release, in Markdown.
pub fn readme(r: &Release) -> String {
    let title = meta::title();
    let release = |lang: Lang| {
        let date = i18n::date(lang, &r.info.as_of);
        match lang {
            Lang::Zh => format!("数据版本 {}（更新于{date}）", r.info.release),
            Lang::En => format!("Data release {} (updated {date})", r.info.release),
        }
    };
    let mut out = format!("# {}\n\n{}\n\n{}  \n{}\n\n", title.zh, title.en, release(Lang::Zh), release(Lang::En));
    out.push_str("[中文](#中文) · [English](#english)\n\n");
    out.push_str(&part(Lang::Zh, r));
    out.push_str(&part(Lang::En, r));
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
