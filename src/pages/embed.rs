//! The embed view: one indicator's chart (or table), its title, a one-line
//! status, the source line and a small link back, with no site navigation. It
//! fills the width of the iframe it is put in and tells the host page its
//! height, in the message format newsroom CMSs already listen for.

use super::indicator_parts::DataTable;
use crate::components::{await_found, ForcedTheme, ProgressChart, StatusBadge};
use crate::context::{absolute, use_lang, use_route, use_site, use_site_url};
use crate::fetch;
use crate::i18n::{self, Msg};
use crate::model::scorecard::provisional;
use crate::model::{assess, IndicatorFile, IndicatorId};
use crate::route::{Page, Route, Theme};
use leptos::html::Main;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

#[component]
pub fn EmbedPage(id: IndicatorId) -> impl IntoView {
    let lang = use_lang();
    let route = use_route();
    let site = use_site();
    let query = route.get_untracked().query;
    if let Some(theme) = forced_theme(&route.get_untracked()) {
        provide_context(theme);
    }
    let detail = {
        let (id, release, place) = (id.clone(), query.release.clone(), query.place.clone());
        let ready = crate::start::use_preloaded().with_value(|p| p.indicator(&id, place.as_deref()));
        let ready = ready.filter(|_| release.is_none() || release == site.release);
        crate::loadable::Loadable::new(ready, move || {
            fetch::load_indicator_release(site.clone(), id.clone(), release.clone(), place.clone())
        })
    };
    let root = NodeRef::<Main>::new();
    view! {
        // The embed's one landmark: its content is the page's main content.
        <main class="embed" node_ref=root data-testid="embed">
            {await_found(
                detail,
                lang,
                Some(move || view! { <p data-testid="not-found">{lang.get().t(Msg::NotFoundBody)}</p> }.into_any()),
                move |file| view! { <EmbedBody file root/> }.into_any(),
            )}
        </main>
    }
}

/// What the embed shows once its data is in. Only then does it start telling
/// the host page its height: the loading notice's height is never sent.
#[component]
fn EmbedBody(file: IndicatorFile, root: NodeRef<Main>) -> impl IntoView {
    let lang = use_lang();
    let route = use_route();
    let site = use_site();
    let site_url = use_site_url();
    let ind = file.indicator.clone();
    post_height_on_resize(root, ind.id.to_string());
    let a = assess(&ind);
    let provisional = provisional(&ind, &a, &file.as_of).is_some();
    let query = route.get_untracked().query;
    let table = query.table;
    // A pinned embed of an older release points to the current figures.
    let newer = site.release.clone().filter(|current| query.release.is_some() && *current != file.release);
    let name = ind.name.clone();
    Effect::new({
        let name = name.clone();
        move |_| document().set_title(&format!("{} · {}", lang.get().pick(&name), lang.get().t(Msg::SiteShortTitle)))
    });
    let sentence = {
        let (ind, a) = (ind.clone(), a.clone());
        move || i18n::headline_sentence(lang.get(), &ind, &a)
    };
    let source_line = {
        let file = file.clone();
        move || i18n::embed_source_line(lang.get(), &file)
    };
    // The full page: the indicator's, or for a city's series the city's.
    // The series' key starts with its place's code (`PlaceSeries::key`).
    let place: Option<String> = query.place.as_deref().and_then(|key| key.split('.').next()).map(str::to_string);
    let unnumbered = place.is_some();
    let full_page = {
        let id = ind.id.clone();
        move || {
            let page = match &place {
                Some(code) => Page::City(code.clone()),
                None => Page::Indicator(id.clone()),
            };
            absolute(&site_url.get(), &Route::new(lang.get(), page).href())
        }
    };
    let source_page = full_page.clone();
    let newer_link = full_page.clone();
    view! {
        <h1 class="embed__title">{move || lang.get().pick(&name).to_string()}</h1>
        <p class="embed__status"><StatusBadge status=a.status lang year=a.judged.map(|p| p.year) provisional/> " " <span data-testid="sentence">{sentence}</span></p>
        {if table {
            // A city's page lists its sources in place, not numbered: name them without a number.
            view! { <DataTable ind=ind.clone() sources=file.sources.clone() source_page=source_page() unnumbered/> }.into_any()
        } else {
            view! { <ProgressChart ind=ind.clone() lang class="chart--embed"/> }.into_any()
        }}
        {newer.map(|current| view! {
            <p class="embed__newer" data-testid="embed-newer">
                <a href=newer_link target="_blank" rel="noopener">{move || i18n::newer_data(lang.get(), &current)}</a>
            </p>
        })}
        <p class="embed__source" data-testid="embed-source">
            {source_line} " · "
            <a href=full_page target="_blank" rel="noopener">{move || lang.get().t(Msg::SiteShortTitle)} " ›"</a>
        </p>
    }
}

/// The theme an embed's address fixes (`?theme=dark|light`): its chart is drawn
/// in it whatever the reader's system says. (The page's CSS gets it from the
/// embed's inline script, which sets `<html data-theme>` before the first paint.)
pub fn forced_theme(route: &Route) -> Option<ForcedTheme> {
    match route.page {
        Page::Embed(_) => route.query.theme.map(|theme| ForcedTheme(theme == Theme::Dark)),
        _ => None,
    }
}

/// Tells the host page the embed's height once `root` is drawn (`post_heights`).
fn post_height_on_resize(root: NodeRef<Main>, key: String) {
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            post_heights(&el, key.clone());
        }
    });
}

/// Sends `{"datawrapper-height": {"<key>": px}}` to the host page whenever
/// `el`'s height changes, when the page is inside an iframe.
pub fn post_heights(el: &web_sys::HtmlElement, key: String) {
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let window = window();
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let target = el.clone();
    let send = Closure::<dyn FnMut()>::new(move || {
        let height = f64::from(target.offset_height());
        let inner = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&inner, &JsValue::from_str(&key), &JsValue::from_f64(height));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str("datawrapper-height"), &inner);
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    // Observer and callback live as long as the embed, which is the page.
    send.forget();
}
