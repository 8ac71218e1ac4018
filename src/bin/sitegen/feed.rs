//! The data releases as an Atom 1.0 feed (RFC 4287), one per language:
//! `feed.xml` in Chinese at the site root, `en/feed.xml` in English. One entry
//! per release in `releases.json`, newest first: its note, its changes counted
//! by kind and listed one per line, in the words of the changes page, and a link
//! to the release on that page. Every page names its language's feed in a
//! `<link rel="alternate" type="application/atom+xml">` (`head_link`), so feed
//! readers find it. Atom wants absolute, permanent ids and links: they come from
//! `--site-url`, like the canonical URLs.

use gansu_eco_dashboard::i18n::{self, Lang, Msg};
use gansu_eco_dashboard::model::changes::{ChangesFile, ReleaseWords};
use gansu_eco_dashboard::model::{self, layout, Indicator, ReleaseInfo, ReleasesFile, Text};
use gansu_eco_dashboard::route::{release_fragment, Page, Route};
use gansu_eco_dashboard::share::escape_html;
use std::path::Path;

/// A feed's path from the site root.
pub fn path(lang: Lang) -> &'static str {
    gansu_eco_dashboard::share::feed_path(lang)
}

/// The `<link>` in a page's head that names its language's feed; relative to the
/// page's `<base href>` (the site root), like every other link.
pub fn head_link(lang: Lang) -> String {
    format!(
        r#"<link rel="alternate" type="application/atom+xml" href="{}" title="{}">"#,
        path(lang),
        escape_html(i18n::releases_title(lang))
    )
}

/// The changes page, which lists every release with its differences.
fn changes_page(site_url: &str, lang: Lang) -> String {
    Route::new(lang, Page::Changes).url(site_url)
}

/// Text for XML: escaped, and without the control characters XML 1.0 cannot
/// hold at all (not even escaped).
fn text(s: &str) -> String {
    let allowed: String = s
        .chars()
        .filter(|c| matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}')))
        .collect();
    escape_html(&allowed)
}

/// A release date as an RFC 3339 timestamp: the start of the day in China.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00+08:00")
}

/// One release as the feed tells it: its record in `releases.json` and the
/// indicators it publishes (their names, units and bases).
pub struct Release<'a> {
    pub info: &'a ReleaseInfo,
    pub indicators: &'a [Indicator],
}

/// A release in words, both languages: the one wording the feeds and the
/// changes page (through `changes.json`) share.
pub fn release_words(release: &Release, first: bool) -> ReleaseWords {
    let info = release.info;
    let both = |f: &dyn Fn(Lang) -> String| Text { zh: f(Lang::Zh), en: f(Lang::En) };
    let lines = info
        .changes
        .iter()
        .map(|change| {
            let ind = change.indicator().and_then(|id| release.indicators.iter().find(|i| &i.id == id));
            both(&|lang| i18n::change_line(lang, change, ind))
        })
        .collect();
    ReleaseWords {
        release: info.release.clone(),
        as_of: info.as_of.clone(),
        note: info.note.clone(),
        summary: both(&|lang| i18n::changes_summary(lang, &info.changes, first)),
        lines,
    }
}

/// An entry's content, as HTML: the note, the changes counted, then listed.
fn content(lang: Lang, words: &ReleaseWords) -> String {
    let mut html =
        format!("<p>{}</p><p>{}</p>", escape_html(lang.pick(&words.note)), escape_html(lang.pick(&words.summary)));
    if !words.lines.is_empty() {
        html.push_str("<ul>");
        for line in &words.lines {
            html.push_str(&format!("<li>{}</li>", escape_html(lang.pick(line))));
        }
        html.push_str("</ul>");
    }
    html
}

/// The feed in one language. `releases` are newest first, as `releases.json`
/// lists them; the last one is the first release.
pub fn atom(lang: Lang, site_url: &str, releases: &[Release]) -> Result<String, String> {
    let newest = releases.first().ok_or("no release to write a feed of")?;
    let feed_url = format!("{site_url}{}", path(lang));
    let page = changes_page(site_url, lang);
    let mut xml = format!(
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            "\n",
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">"#,
            "\n<id>{id}</id>\n<title>{title}</title>\n<updated>{updated}</updated>\n",
            "<author><name>{author}</name><uri>{site}</uri></author>\n",
            r#"<link rel="self" type="application/atom+xml" href="{id}"/>"#,
            "\n",
            r#"<link rel="alternate" type="text/html" href="{page}"/>"#,
            "\n",
            r#"<link rel="license" href="{license}"/>"#,
            "\n"
        ),
        lang = lang.code(),
        id = text(&feed_url),
        title = text(i18n::releases_title(lang)),
        updated = timestamp(&newest.info.as_of),
        author = text(lang.t(Msg::SiteShortTitle)),
        site = text(site_url),
        page = text(&page),
        license = super::jsonld::LICENSE,
    );
    for (i, release) in releases.iter().enumerate() {
        let info = release.info;
        let link = format!("{page}#{}", release_fragment(&info.release));
        let words = release_words(release, i + 1 == releases.len());
        xml.push_str(&format!(
            concat!(
                "<entry>\n<id>{link}</id>\n<title>{title}</title>\n",
                "<published>{date}</published>\n<updated>{date}</updated>\n",
                r#"<link rel="alternate" type="text/html" href="{link}"/>"#,
                "\n<summary>{summary}</summary>\n",
                r#"<content type="html">{content}</content>"#,
                "\n</entry>\n"
            ),
            link = text(&link),
            title = text(&i18n::release_title(lang, &info.release)),
            date = timestamp(&info.as_of),
            summary = text(lang.pick(&words.summary)),
            content = text(&content(lang, &words)),
        ));
    }
    xml.push_str("</feed>\n");
    Ok(xml)
}

/// A built site's release list and, for each release, the indicators of its overview.
fn read_releases(dist: &Path) -> Result<(ReleasesFile, Vec<Vec<Indicator>>), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let list_path = dist.join(layout::on_site(layout::RELEASES));
    let list: ReleasesFile =
        serde_json::from_str(&read(&list_path)?).map_err(|e| format!("{}: {e}", list_path.display()))?;
    let mut overviews = Vec::new();
    for info in &list.releases {
        let path = dist.join(layout::on_site(&layout::overview(&info.release)));
        let loaded = model::parse_overview(&path.display().to_string(), &read(&path)?).map_err(|e| format!("{e:?}"))?;
        overviews.push(loaded.data.indicators);
    }
    Ok((list, overviews))
}

/// Writes both feeds into a built site, from its `data/releases.json` and each
/// release's overview.
pub fn write(dist: &Path, site_url: &str) -> Result<(), String> {
    let (list, overviews) = read_releases(dist)?;
    let releases: Vec<Release> =
        list.releases.iter().zip(&overviews).map(|(info, indicators)| Release { info, indicators }).collect();
    for lang in [Lang::Zh, Lang::En] {
        let path = dist.join(path(lang));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, atom(lang, site_url, &releases)?).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let n = releases.len();
    let words =
        ChangesFile { releases: releases.iter().enumerate().map(|(i, r)| release_words(r, i + 1 == n)).collect() };
    let path = dist.join(layout::on_site(layout::CHANGES));
    let json = serde_json::to_string(&words).map_err(|e| e.to_string())?;
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gansu_eco_dashboard::model::changes::IndicatorField;
    use gansu_eco_dashboard::model::{Change, Text};

    fn info(release: &str, note: &str, changes: Vec<Change>) -> ReleaseInfo {
        ReleaseInfo {
            schema_version: 1,
            release: release.into(),
            as_of: release.into(),
            note: Text { zh: note.into(), en: note.into() },
            changes,
        }
    }

    fn between<'a>(xml: &'a str, start: &str, end: &str) -> Vec<&'a str> {
        xml.split(start).skip(1).filter_map(|s| s.split(end).next()).collect()
    }

    #[test]
    fn one_entry_per_release_linking_to_the_release_on_the_changes_page() {
        let details = Change::DetailsChanged { indicator: "AIR-02".into(), fields: vec![IndicatorField::Notes] };
        let (newer, older) =
            (info("2026-12-04", "Sources <b> & notes", vec![details]), info("2026-11-28", "First", vec![]));
        let releases = [Release { info: &newer, indicators: &[] }, Release { info: &older, indicators: &[] }];
        let xml = atom(Lang::En, "https://e.org/g/", &releases).unwrap();
        assert!(xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
        ));
        assert_eq!(between(&xml, "<id>", "</id>")[0], "https://e.org/g/en/feed.xml", "the feed's id is its address");
        assert!(xml.contains(r#"<link rel="self" type="application/atom+xml" href="https://e.org/g/en/feed.xml"/>"#));
        assert!(xml.contains(r#"<link rel="alternate" type="text/html" href="https://e.org/g/en/changes/"/>"#));
        assert_eq!(
            between(&xml, "<updated>", "</updated>")[0],
            "2026-12-04T00:00:00+08:00",
            "the newest release's date"
        );
        assert_eq!(
            between(&xml, "<entry>\n<id>", "</id>"),
            ["https://e.org/g/en/changes/#release-2026-12-04", "https://e.org/g/en/changes/#release-2026-11-28"]
        );
        assert_eq!(between(&xml, "<entry>\n<id>", "</id>").len(), xml.matches("</entry>").count());
        assert_eq!(between(&xml, "<title>", "</title>")[1..], ["Data release 2026-12-04", "Data release 2026-11-28"]);
        assert_eq!(between(&xml, "<summary>", "</summary>"), ["1 indicator with updated details", "First release"]);
        // Text is escaped once for HTML and once more for XML: a reader shows `<b> &` as written.
        let content = between(&xml, r#"<content type="html">"#, "</content>")[0];
        assert!(content.starts_with("&lt;p&gt;Sources &amp;lt;b&amp;gt; &amp;amp; notes&lt;/p&gt;"), "{content}");
        assert!(content.contains("&lt;li&gt;AIR-02: notes updated&lt;/li&gt;"), "{content}");
        let zh = atom(Lang::Zh, "https://e.org/g/", &releases).unwrap();
        assert!(zh.contains(r#"href="https://e.org/g/changes/#release-2026-11-28"/>"#), "{zh}");
        assert!(zh.contains("<title>数据更新 2026-12-04</title>"));
        assert!(atom(Lang::Zh, "https://e.org/g/", &[]).is_err(), "a feed needs a release");
    }

    #[test]
    fn the_published_releases_each_have_an_entry_with_every_change() {
        // The committed releases, laid out as in dist/.
        let (list, overviews) = read_releases(&Path::new(env!("CARGO_MANIFEST_DIR")).join("public")).unwrap();
        let releases: Vec<Release> =
            list.releases.iter().zip(&overviews).map(|(info, indicators)| Release { info, indicators }).collect();
        for lang in [Lang::Zh, Lang::En] {
            let xml = atom(lang, "https://e.org/g/", &releases).unwrap();
            let entries = between(&xml, "<entry>", "</entry>");
            assert_eq!(entries.len(), list.releases.len());
            for (entry, info) in entries.iter().zip(&list.releases) {
                assert!(entry.contains(&format!("#release-{}</id>", info.release)), "{entry}");
                assert_eq!(entry.matches("&lt;li&gt;").count(), info.changes.len(), "{}", info.release);
                // A change names its indicator as the release does, not by its id.
                assert!(!entry.contains("&lt;li&gt;AIR-"), "{entry}");
            }
        }
    }

    #[test]
    fn text_that_xml_cannot_hold_is_dropped_and_the_rest_escaped() {
        assert_eq!(text("a\u{1}b <&> \"\tc"), "ab &lt;&amp;&gt; &quot;\tc");
        assert_eq!(
            head_link(Lang::En),
            r#"<link rel="alternate" type="application/atom+xml" href="en/feed.xml" title="Gansu eco-environment goals: data releases">"#
        );
    }
}
