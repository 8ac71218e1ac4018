//! The journalist's panel of an indicator page: embed code with its options,
//! downloads (picture and data), code to load the data, and a citation. An
//! island (`crate::islands`): it is drawn from `ShareProps` alone.

use crate::charts::export::{EXPORT_HEIGHT, EXPORT_WIDTH};
use crate::charts::{export_chart, ChartOpts, Layout};
use crate::components::{chart_svg, download, CopyButton, ShareButton};
use crate::context::{absolute, use_lang, use_site_url, use_today};
use crate::i18n::{self, Lang, Msg};
use crate::model::{IndicatorFile, IndicatorId, Text};
use crate::route::{Page, Query, Route, Theme};
use crate::share::{self, Downloads};
use leptos::prelude::*;

/// What the panel shows: the indicator's id and names, the release, and the
/// option of the chart its picture downloads draw (in the page's language).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ShareProps {
    pub id: IndicatorId,
    pub name: Text,
    pub release: String,
    pub picture: serde_json::Value,
}

impl ShareProps {
    pub fn of(lang: Lang, file: &IndicatorFile) -> ShareProps {
        let footer = i18n::embed_source_line(lang, file);
        let chart = export_chart(&file.indicator, &ChartOpts { lang, dark: false, layout: Layout::Export }, &footer);
        ShareProps {
            id: file.indicator.id.clone(),
            name: file.indicator.name.clone(),
            release: file.release.clone(),
            picture: serde_json::to_value(chart).unwrap_or_default(),
        }
    }
}

#[component]
pub fn SharePanel(props: ShareProps) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="share" aria-labelledby="share-heading" data-testid="share">
            <h2 id="share-heading">{move || lang.get().t(Msg::ShareAndDownload)}</h2>
            <EmbedCode props=props.clone()/>
            <DownloadList props=props.clone()/>
            <CiteBox props=props.clone()/>
            <SharePage props/>
        </section>
    }
}

/// The page's link for a phone's share sheet (or the clipboard), and its QR
/// code for WeChat, which has no share link of its own.
#[component]
fn SharePage(props: ShareProps) -> impl IntoView {
    let lang = use_lang();
    let site_url = use_site_url();
    let ShareProps { id, name, .. } = props;
    let qr = {
        let id = id.clone();
        move || share::qr_code(lang.get(), &id)
    };
    let link = move || absolute(&site_url.get(), &Route::new(lang.get(), Page::Indicator(id.clone())).href());
    let title = move || format!("{} · {}", lang.get().pick(&name), lang.get().t(Msg::SiteShortTitle));
    let alt = {
        let link = link.clone();
        move || format!("QR: {}", link())
    };
    view! {
        <details class="share__part">
            <summary>{move || lang.get().t(Msg::SharePage)}</summary>
            <p>{move || view! { <ShareButton title=title() url=link() lang/> }}</p>
            <figure class="share__qr">
                <img src=qr alt=alt width="160" height="160" loading="lazy" data-testid="share-qr"/>
                <figcaption class="muted">{move || lang.get().t(Msg::ShareQr)}</figcaption>
            </figure>
        </details>
    }
}

#[component]
fn EmbedCode(props: ShareProps) -> impl IntoView {
    let lang = use_lang();
    let site_url = use_site_url();
    let (embed_lang, set_embed_lang) = signal(lang.get_untracked());
    let (theme, set_theme) = signal(None::<Theme>);
    let (table, set_table) = signal(false);
    let (pinned, set_pinned) = signal(false);
    let ShareProps { id, name, release, .. } = props;
    let snippet = Memo::new(move |_| {
        let query = Query {
            theme: theme.get(),
            table: table.get(),
            release: pinned.get().then(|| release.clone()),
            ..Query::default()
        };
        let l = embed_lang.get();
        share::embed_snippet(&site_url.get(), l, &id, &name, query)
    });
    let choice = |label: Msg, on: Signal<bool>, set: Callback<()>| {
        view! {
            <button type="button" class="chip" aria-pressed=move || on.get().to_string() on:click=move |_| set.run(())>
                {move || lang.get().t(label)}
            </button>
        }
    };
    view! {
        <details class="share__part" open>
            <summary>{move || lang.get().t(Msg::EmbedChart)}</summary>
            <p class="muted">{move || lang.get().t(Msg::EmbedIntro)}</p>
            <div class="share__options" role="group" aria-label=move || lang.get().t(Msg::EmbedOptions)>
                <fieldset class="segmented">
                    <legend>{move || lang.get().t(Msg::GroupLanguage)}</legend>
                    {choice(Msg::LangZh, Signal::derive(move || embed_lang.get() == Lang::Zh), Callback::new(move |_| set_embed_lang.set(Lang::Zh)))}
                    {choice(Msg::LangEn, Signal::derive(move || embed_lang.get() == Lang::En), Callback::new(move |_| set_embed_lang.set(Lang::En)))}
                </fieldset>
                <fieldset class="segmented">
                    <legend>{move || lang.get().t(Msg::GroupTheme)}</legend>
                    {choice(Msg::ThemeAuto, Signal::derive(move || theme.get().is_none()), Callback::new(move |_| set_theme.set(None)))}
                    {choice(Msg::ThemeLight, Signal::derive(move || theme.get() == Some(Theme::Light)), Callback::new(move |_| set_theme.set(Some(Theme::Light))))}
                    {choice(Msg::ThemeDark, Signal::derive(move || theme.get() == Some(Theme::Dark)), Callback::new(move |_| set_theme.set(Some(Theme::Dark))))}
                </fieldset>
                <fieldset class="segmented">
                    <legend>{move || lang.get().t(Msg::GroupContent)}</legend>
                    {choice(Msg::Chart, Signal::derive(move || !table.get()), Callback::new(move |_| set_table.set(false)))}
                    {choice(Msg::DataTable, table.into(), Callback::new(move |_| set_table.set(true)))}
                </fieldset>
                <fieldset class="segmented">
                    <legend>{move || lang.get().t(Msg::GroupRelease)}</legend>
                    {choice(Msg::Live, Signal::derive(move || !pinned.get()), Callback::new(move |_| set_pinned.set(false)))}
                    {choice(Msg::Pinned, pinned.into(), Callback::new(move |_| set_pinned.set(true)))}
                </fieldset>
            </div>
            <label class="visually-hidden" for="embed-code">{move || lang.get().t(Msg::EmbedChart)}</label>
            <textarea id="embed-code" class="code" readonly rows="5" data-testid="embed-code" prop:value=snippet></textarea>
            <CopyButton text=snippet label=Msg::Copy lang testid="copy-embed"/>
        </details>
    }
}

#[component]
fn DownloadList(props: ShareProps) -> impl IntoView {
    let lang = use_lang();
    let site_url = use_site_url();
    let ShareProps { id, release, picture: option, .. } = props;
    let d = Downloads::new(&release, &id);
    let csv_path = d.csv.clone();
    let option = StoredValue::new(option);
    let picture = move |png: bool| {
        let name = format!("{id}-{release}.{}", if png { "png" } else { "svg" });
        let option = option.get_value();
        leptos::task::spawn_local(async move {
            let svg = chart_svg(&option, EXPORT_WIDTH, EXPORT_HEIGHT, false).await;
            let saved = svg.map_err(|e| e.into()).and_then(|svg| {
                if png {
                    download::save_svg_as_png(&name, &svg, EXPORT_WIDTH, EXPORT_HEIGHT, 2)
                } else {
                    download::save_text(&name, "image/svg+xml", &svg)
                }
            });
            if let Err(e) = saved {
                web_sys::console::error_1(&e);
            }
        });
    };
    let picture_png = picture.clone();
    view! {
        <details class="share__part">
            <summary>{move || lang.get().t(Msg::Download)}</summary>
            <ul class="share__downloads">
                <li><button type="button" class="button" data-testid="download-png" on:click=move |_| picture_png(true)>{move || lang.get().t(Msg::ChartPng)}</button></li>
                <li><button type="button" class="button" data-testid="download-svg" on:click=move |_| picture(false)>{move || lang.get().t(Msg::ChartSvg)}</button></li>
                <li><a href=d.csv.clone() download="" rel="external" data-testid="download-csv">{move || lang.get().t(Msg::DataCsv)}</a></li>
                <li><a href=d.json.clone() download="" rel="external" data-testid="download-json">{move || lang.get().t(Msg::DataJson)}</a></li>
                <li><a href=d.all_csv.clone() download="" rel="external">{move || lang.get().t(Msg::AllCsv)}</a></li>
                <li><a href=d.all_json.clone() download="" rel="external">{move || lang.get().t(Msg::AllJson)}</a></li>
                <li><a href=d.zip.clone() download="" rel="external" data-testid="download-zip">{move || lang.get().t(Msg::AllZip)}</a></li>
            </ul>
            <p class="muted">{move || lang.get().t(Msg::CsvNote)}</p>
            <details class="share__more">
                <summary>{move || lang.get().t(Msg::ForDataUsers)}</summary>
                {move || share::reuse_snippets(&absolute(&site_url.get(), &csv_path)).into_iter().map(|(tool, code)| view! {
                    <p class="share__tool">{tool}</p>
                    <pre class="code"><code>{code}</code></pre>
                }).collect_view()}
            </details>
        </details>
    }
}

#[component]
fn CiteBox(props: ShareProps) -> impl IntoView {
    let lang = use_lang();
    let (site_url, today) = (use_site_url(), use_today());
    let ShareProps { id, name, release, .. } = props;
    let cite = StoredValue::new(move |l: Lang| {
        let permalink = absolute(&site_url.get(), &Route::new(l, Page::Indicator(id.clone())).href());
        i18n::indicator_citation(l, &name, &permalink, &release, &today.get())
    });
    // The page's language first; each citation with its own copy button.
    let one = move |l: Lang| {
        let (code, testid, copy_id) = match l {
            Lang::Zh => ("zh-CN", "cite-zh", "copy-cite-zh"),
            Lang::En => ("en", "cite-en", "copy-cite-en"),
        };
        let text = Signal::derive(move || cite.with_value(|c| c(l)));
        view! {
            <p class="citation" lang=code data-testid=testid>{text}</p>
            <p><CopyButton text label=Msg::CopyCitation lang testid=copy_id/></p>
        }
    };
    view! {
        <details class="share__part">
            <summary>{move || lang.get().t(Msg::Cite)}</summary>
            {move || match lang.get() {
                Lang::Zh => view! { {one(Lang::Zh)} {one(Lang::En)} }.into_any(),
                Lang::En => view! { {one(Lang::En)} {one(Lang::Zh)} }.into_any(),
            }}
        </details>
    }
}
