//! The one component that touches ECharts: it owns a chart instance for its
//! lifetime. It initialises on mount, updates when the chart changes (re-creating
//! the instance when the set of series changes, so no stale series survive a
//! merge), resizes with its container, and disposes on unmount.
//!
//! The bindings are our own rather than charming's `WasmRenderer`: that one
//! re-initialises on every render, has no `dispose`, and compiles every bundled
//! theme's JavaScript into the wasm file.

use super::chart_keys::KeyReader;
use crate::charts::palette;
use crate::charts::Chart;
use crate::i18n::{Lang, Msg};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    #[derive(Clone)]
    pub(super) type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(el: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Result<ECharts, JsValue>;

    /// `init(null, theme, {ssr: true, …})`: a chart that renders to a string, off the page.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init_offscreen(el: &JsValue, theme: &JsValue, opts: &JsValue) -> Result<ECharts, JsValue>;

    /// The instance already drawing in `el`, if any (public/chart-early.js's).
    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    fn echarts_instance_of(el: &web_sys::HtmlElement) -> Option<ECharts>;

    /// public/chart-early.js's loader of ECharts' script (see `load_echarts`).
    #[wasm_bindgen(catch, js_name = __loadECharts)]
    fn load_echarts_script() -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &ECharts) -> String;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &ECharts, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &ECharts);

    #[wasm_bindgen(method, js_name = dispatchAction)]
    pub(super) fn dispatch_action(this: &ECharts, action: &JsValue);

    #[wasm_bindgen(method)]
    fn dispose(this: &ECharts);
}

/// A live chart: the instance, what it was built with, and its resize observer.
struct Hosted {
    instance: ECharts,
    series_key: String,
    dark: bool,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
}

impl Hosted {
    fn dispose(self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
        self.instance.dispose();
    }
}

/// The names and types of the series: when they change, a merge would keep
/// the old ones, so the instance is rebuilt instead.
fn series_key(option: &serde_json::Value) -> String {
    option["series"]
        .as_array()
        .map(|s| s.iter().map(|x| format!("{}:{}", x["type"], x["name"])).collect::<Vec<_>>().join("|"))
        .unwrap_or_default()
}

fn to_js(option: &serde_json::Value) -> Result<JsValue, String> {
    js_sys::JSON::parse(&option.to_string()).map_err(|e| format!("{e:?}"))
}

fn init(el: &web_sys::HtmlElement, option: &serde_json::Value, dark: bool) -> Result<Hosted, String> {
    // A chart drawn before the page woke (public/chart-early.js) gives way to
    // this one, in the same task: nothing moves or flashes.
    if let Some(early) = echarts_instance_of(el) {
        early.dispose();
    }
    let theme = if dark { JsValue::from_str("dark") } else { JsValue::NULL };
    let opts = to_js(&serde_json::json!({ "renderer": "svg" }))?;
    let instance = echarts_init(el, &theme, &opts).map_err(|e| format!("{e:?}"))?;
    instance.set_option(&to_js(option)?, true).map_err(|e| format!("{e:?}"))?;
    let inst = instance.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || inst.resize());
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(el);
    }
    Ok(Hosted { instance, series_key: series_key(option), dark, observer, _on_resize: on_resize })
}

/// Renders a chart's option to a standalone SVG document of the given size, without
/// touching the page (for downloads). Loads ECharts first if no chart has yet.
pub async fn chart_svg(option: &serde_json::Value, width: u32, height: u32, dark: bool) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(load_echarts()).await.map_err(|e| format!("{e:?}"))?;
    let theme = if dark { JsValue::from_str("dark") } else { JsValue::NULL };
    let opts = to_js(&serde_json::json!({ "renderer": "svg", "ssr": true, "width": width, "height": height }))?;
    let instance = echarts_init_offscreen(&JsValue::NULL, &theme, &opts).map_err(|e| format!("{e:?}"))?;
    let drawn = instance.set_option(&to_js(option)?, true).map_err(|e| format!("{e:?}"));
    let svg = drawn.map(|()| instance.render_to_svg_string());
    instance.dispose();
    svg
}

/// ECharts' script, loaded the first time a chart needs it: every chart
/// first shows the picture the build drew of it (see `ChartPictures`), so
/// nothing waits for the script until a reader points at, touches or focuses
/// a chart, or a chart without a picture comes near. The loader is the page's
/// own (`public/chart-early.js`, inlined into every page): one load, shared
/// with the charts it drew before the wasm woke. It reads the file from the
/// page's `<meta name="echarts">`, which the build writes.
pub fn load_echarts() -> js_sys::Promise {
    load_echarts_script().unwrap_or_else(|e| js_sys::Promise::reject(&e))
}

/// The build's render of a page collects the options of its charts here;
/// the build then draws each as the picture its chart box holds until
/// ECharts takes over (`sitegen pages`, `scripts/inline-charts.mjs`).
#[derive(Clone, Default)]
pub struct ChartPictures(pub std::sync::Arc<std::sync::Mutex<Vec<(String, String, serde_json::Value)>>>);

impl ChartPictures {
    /// Keeps the option of a chart box with this CSS class, and returns the key
    /// its box carries (`data-chart`): the same for the same chart on any page.
    fn add(&self, class: &str, option: serde_json::Value) -> String {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        (class, option.to_string()).hash(&mut hasher);
        let key = format!("{:016x}", hasher.finish());
        let mut all = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        all.push((key.clone(), class.to_string(), option));
        key
    }
}

/// What one chart box draws, decided where its page is rendered (by the build,
/// or in the browser for a page drawn afresh): ECharts' option in the light and
/// in the dark look, the box's accessible name, and whether the keyboard reads
/// it point by point. Plain data, with no closure over the indicator: the chart
/// host needs none of the chart builders or the data model.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChartSpec {
    pub light: serde_json::Value,
    pub dark: serde_json::Value,
    /// What the chart shows, in words, for screen readers: the chart box's
    /// accessible name (ECharts' own aria support is not used: its generated
    /// description reads gaps in the data as "NaN", and it would make the box
    /// an image on every drawing, where a keyboard chart is an application).
    pub describe: Option<String>,
    /// Whether Tab reaches the chart and arrow keys read it point by point
    /// (`charts::keys`), each point announced in a live region.
    pub keyboard: bool,
    /// What a point's value means against the target, added to its
    /// announcement: for each value the keyboard can reach that has words.
    pub against: Vec<(f64, String)>,
}

impl ChartSpec {
    /// The option `make` builds for the light and for the dark look.
    pub fn new(make: impl Fn(bool) -> Chart) -> ChartSpec {
        let option = |dark| serde_json::to_value(make(dark)).unwrap_or_default();
        ChartSpec { light: option(false), dark: option(true), ..ChartSpec::default() }
    }
}

/// A page that fixes its theme (an embed with `?theme=dark`) provides this;
/// otherwise charts follow the reader's system setting.
#[derive(Clone, Copy, Debug)]
pub struct ForcedTheme(pub bool);

/// Becomes true once the element is within a screen of the viewport. Charts
/// further down a long page are drawn when the reader scrolls towards them,
/// so the first screen is ready sooner.
fn near_viewport(node: NodeRef<Div>) -> Signal<bool> {
    type Watch = (web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);
    fn stop(watch: &mut Option<Watch>) {
        if let Some((observer, _callback)) = watch.take() {
            observer.disconnect();
        }
    }
    let (near, set_near) = signal(false);
    let watch = StoredValue::new_local(None::<Watch>);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting()) {
                set_near.set(true);
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("100% 0px");
        match web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) {
            Ok(observer) => {
                observer.observe(&el);
                watch.set_value(Some((observer, seen)));
            }
            // Without IntersectionObserver, draw at once.
            Err(_) => set_near.set(true),
        }
    });
    // Once near, or when the chart goes away, stop watching.
    Effect::new(move |_| {
        if near.get() {
            watch.update_value(stop);
        }
    });
    on_cleanup(move || {
        watch.try_update_value(stop);
    });
    near.into()
}

/// Draws `spec` in the reader's theme and look.
#[component]
pub fn ChartHost(
    /// What to draw; drawn again when it changes (the page's language).
    #[prop(into)]
    spec: Signal<ChartSpec>,
    /// Language of the keyboard reader's words.
    #[prop(into)]
    lang: Signal<Lang>,
    /// CSS class of the container, which sets its size.
    #[prop(into, optional)]
    class: String,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let hosted = StoredValue::new_local(None::<Hosted>);
    let (error, set_error) = signal(None::<String>);
    let dark = match use_context::<ForcedTheme>() {
        Some(ForcedTheme(dark)) => Signal::stored(dark),
        None => crate::context::use_system_dark(),
    };
    let display = crate::context::use_display();
    let reader = StoredValue::new_local(None::<KeyReader>);

    // The build's render: the option the box's picture is drawn from.
    let picture = use_context::<ChartPictures>().map(|pictures| {
        let mut option = spec.with_untracked(|s| s.light.clone());
        crate::charts::look::still(&mut option);
        pictures.add(&class, option)
    });

    // ECharts draws a box that holds the build's picture once a reader reaches
    // for it, or at once if the reader's look is not the picture's (dark, larger
    // text, high contrast); a box without one (a page drawn in the browser) as
    // it comes near the viewport.
    let near = near_viewport(node);
    let (reached, set_reached) = signal(false);
    let has_picture = StoredValue::new(None::<bool>);
    let wanted = Memo::new(move |_| {
        let Some(el) = node.get() else { return false };
        // Read once, before ECharts adds its own drawing to the box.
        let pictured = has_picture.get_value().unwrap_or_else(|| {
            let pictured = el.first_element_child().is_some_and(|c| c.class_list().contains("chart-picture"));
            has_picture.set_value(Some(pictured));
            pictured
        });
        let look = display.get();
        let as_pictured = !dark.get() && !look.large_text && !look.high_contrast;
        near.get() && (!pictured || reached.get() || !as_pictured)
    });
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| {
        if wanted.get() && !ready.get_untracked() {
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(load_echarts()).await {
                    Ok(_) => set_ready.set(true),
                    Err(e) => set_error.set(Some(format!("{e:?}"))),
                }
            });
        }
    });

    let keyboard = spec.with_untracked(|s| s.keyboard);
    Effect::new(move |_| {
        let (lang, dark) = (lang.get(), dark.get());
        let Some(el) = node.get() else { return };
        if !ready.get() || !wanted.get() {
            return;
        }
        let mut option = spec.with(|s| if dark { s.dark.clone() } else { s.light.clone() });
        crate::charts::look::still(&mut option);
        let look = display.get();
        if look.large_text {
            crate::charts::look::large_text(&mut option, f64::from(el.client_width()));
        }
        if look.high_contrast {
            crate::charts::look::high_contrast(&mut option, palette::themed(palette::INK, dark));
        }
        let key = series_key(&option);
        let result = hosted.try_update_value(|slot| {
            if let Some(h) = slot.as_ref().filter(|h| h.series_key == key && h.dark == dark) {
                return to_js(&option).and_then(|js| h.instance.set_option(&js, false).map_err(|e| format!("{e:?}")));
            }
            if let Some(old) = slot.take() {
                old.dispose();
            }
            init(&el, &option, dark).map(|h| *slot = Some(h))
        });
        match result {
            Some(Ok(())) => {
                // The picture goes in the same frame ECharts drew in: nothing moves or flashes.
                while let Ok(Some(picture)) = el.query_selector(":scope > .chart-picture") {
                    picture.remove();
                }
                if keyboard {
                    if reader.with_value(Option::is_none) {
                        reader.set_value(KeyReader::new(&el));
                    }
                    let instance = hosted.with_value(|h| h.as_ref().map(|h| h.instance.clone()));
                    spec.with_untracked(|s| {
                        reader.with_value(|r| {
                            r.as_ref().zip(instance).map(|(r, i)| r.update(&i, &option, lang, &s.against))
                        })
                    });
                }
                set_error.set(None);
                let _ = el.set_attribute("data-rendered", "true");
            }
            Some(Err(e)) => set_error.set(Some(e)),
            None => {}
        }
    });

    on_cleanup(move || {
        hosted.try_update_value(|slot| slot.take().map(Hosted::dispose));
    });

    // The box's name and role are in the markup, so a page read without
    // script names its chart too. An application lets a screen reader pass the
    // arrow keys through to a chart read by keyboard.
    let label = move || spec.with(|s| s.describe.clone());
    let role = spec.with_untracked(|s| s.describe.is_some()).then_some(if keyboard { "application" } else { "img" });
    // Any move over the chart counts (not only entering it): a pointer already
    // resting on the chart when the page woke reaches for it with its next move.
    let reach = move || {
        if !reached.get_untracked() {
            set_reached.set(true);
        }
    };
    view! {
        <div
            class="chart-frame"
            on:pointermove=move |_| reach()
            on:focusin=move |_| reach()
            on:touchstart=move |_| reach()
        >
            <div
                class=format!("chart {class}")
                node_ref=node
                data-testid="chart"
                data-chart=picture
                aria-label=label
                role=role
                tabindex=keyboard.then_some("0")
            ></div>
        </div>
        {move || error.get().map(|e| view! {
            <p class="chart-error" role="alert">
                {move || lang.get().t(Msg::ChartFailed)}
                " (" {e} ")"
            </p>
        })}
    }
}
