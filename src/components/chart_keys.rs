//! The page side of reading a chart by keyboard (`charts::keys` decides where
//! each key goes): the chart box takes focus, arrow keys highlight a point and
//! show its tooltip as a hover would, a polite live region announces it, and a
//! line over the chart tells the keys while it has keyboard focus. Escape leaves.
//!
//! Built with plain DOM calls rather than in the component's view: the view
//! version cost the embed's wasm several times more (every reactive attribute
//! and delegated event is code of its own), and the embed has no room for it.

use super::chart_host::ECharts;
use crate::charts::keys::{self, KeyPoint, Step};
use crate::i18n::{self, Lang, Msg};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

struct State {
    chart: web_sys::HtmlElement,
    instance: RefCell<Option<ECharts>>,
    points: RefCell<Vec<KeyPoint>>,
    at: Cell<Option<usize>>,
    lang: Cell<Lang>,
    live: web_sys::Element,
    hint: web_sys::Element,
    /// What each value means against the target (`ChartSpec::against`).
    against: RefCell<Vec<(f64, String)>>,
}

/// Keyboard reading of one chart box, for as long as it is kept.
pub struct KeyReader {
    state: Rc<State>,
    _keydown: Closure<dyn FnMut(web_sys::KeyboardEvent)>,
    _blur: Closure<dyn FnMut()>,
}

fn act(state: &State, action: &str, at: Option<&KeyPoint>) {
    let Some(instance) = state.instance.borrow().clone() else { return };
    let js = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&js, &JsValue::from_str(k), &v);
    let _ = set("type", JsValue::from_str(action));
    if let Some(p) = at {
        let _ = set("seriesIndex", JsValue::from(p.series as u32));
        let _ = set("dataIndex", JsValue::from(p.index as u32));
    }
    instance.dispatch_action(&js);
}

fn release(state: &State) {
    act(state, "hideTip", None);
    act(state, "downplay", None);
}

fn on_key(state: &State, ev: &web_sys::KeyboardEvent) {
    let key = ev.key();
    if key == "Escape" {
        release(state);
        let _ = state.chart.blur();
        return;
    }
    let Some(step) = Step::from_key(&key) else { return };
    ev.prevent_default();
    let points = state.points.borrow();
    let Some(i) = keys::step(&points, state.at.get(), step) else { return };
    let point = &points[i];
    state.at.set(Some(i));
    act(state, "downplay", None);
    act(state, "highlight", Some(point));
    act(state, "showTip", Some(point));
    // "2024：25.7 μg/m³（实际值）。目标：2025年 ≤ 25 μg/m³；此值距目标水平差 0.7 μg/m³"
    let lang = state.lang.get();
    let against = state.against.borrow();
    let words = match against.iter().find(|(v, _)| *v == point.value).map(|(_, words)| words) {
        Some(against) => format!("{}{}{against}", point.words, i18n::full_stop(lang)),
        None => point.words.clone(),
    };
    state.live.set_text_content(Some(&words));
}

impl KeyReader {
    /// Makes `chart` focusable and readable, adding its key line and live
    /// region after it (inside its frame).
    pub fn new(chart: &web_sys::HtmlElement) -> Option<KeyReader> {
        let document = chart.owner_document()?;
        let frame = chart.parent_element()?;
        let hint = document.create_element("p").ok()?;
        let id = format!("chart-keys-{}", next_id());
        hint.set_id(&id);
        hint.set_class_name("chart-keys");
        let live = document.create_element("p").ok()?;
        live.set_class_name("visually-hidden");
        let _ = live.set_attribute("aria-live", "polite");
        let _ = live.set_attribute("data-testid", "chart-live");
        let _ = frame.append_child(&hint);
        let _ = frame.append_child(&live);
        for (name, value) in [("tabindex", "0"), ("aria-describedby", id.as_str())] {
            let _ = chart.set_attribute(name, value);
        }
        let state = Rc::new(State {
            chart: chart.clone(),
            instance: RefCell::new(None),
            points: RefCell::new(Vec::new()),
            at: Cell::new(None),
            lang: Cell::new(Lang::Zh),
            live,
            hint,
            against: RefCell::new(Vec::new()),
        });
        let keydown = {
            let state = state.clone();
            Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| on_key(&state, &ev))
        };
        let blur = {
            let state = state.clone();
            Closure::<dyn FnMut()>::new(move || release(&state))
        };
        let _ = chart.add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref());
        let _ = chart.add_event_listener_with_callback("blur", blur.as_ref().unchecked_ref());
        Some(KeyReader { state, _keydown: keydown, _blur: blur })
    }

    /// After each drawing: the instance drawn on, what it now holds, the
    /// language, and what its values mean against the target.
    pub fn update(&self, instance: &ECharts, option: &serde_json::Value, lang: Lang, against: &[(f64, String)]) {
        let s = &self.state;
        *s.instance.borrow_mut() = Some(instance.clone());
        *s.points.borrow_mut() = keys::key_points(option, |item, series| i18n::paren(lang, item, series));
        s.at.set(None);
        s.lang.set(lang);
        *s.against.borrow_mut() = against.to_vec();
        s.hint.set_text_content(Some(lang.t(Msg::ChartKeys)));
        s.live.set_text_content(None);
    }
}

/// A number for each keyboard chart on the page, to tie its key line to it.
fn next_id() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
