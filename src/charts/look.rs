//! The reader's display choices applied to a built chart option: larger text
//! (every text of the chart half as large again, with room for it) and high
//! contrast (thicker lines, text and axes in the page's own text colour); and
//! for everyone, a chart where nothing moves.
//! Applied by the chart host after a builder ran, so no builder needs to know.

use serde_json::{json, Value};

/// ECharts' own sizes for the texts the charts leave at their default.
const AXIS_TEXT: f64 = 12.0;
const TOOLTIP_TEXT: f64 = 14.0;
const LEGEND_ICON: f64 = 14.0;
/// "Larger text": the page's text is 150 % (style/base.css), so is the chart's.
const LARGE: f64 = 1.5;

/// Every text of the chart at `LARGE` times its size, and the grid's margins
/// (which hold the legend's rows, the axis names and the half of a year's label
/// that stands out past the axis's end) grown to match. Labels on
/// lines wrap within `width` (the chart's, in px) rather than run off its edge.
pub fn large_text(option: &mut Value, width: f64) {
    let size = AXIS_TEXT * LARGE;
    // A line's label or a legend entry (a basis, the national limit) wraps
    // rather than runs off the edge.
    let wrapped = json!({ "fontSize": size, "width": (width - 64.0).max(96.0), "overflow": "break" });
    for axis in ["xAxis", "yAxis"] {
        if option[axis].is_object() {
            merge(
                &mut option[axis],
                json!({ "axisLabel": { "fontSize": size }, "nameTextStyle": { "fontSize": size } }),
            );
        }
    }
    if option["legend"].is_object() {
        merge(&mut option["legend"], json!({ "textStyle": wrapped.clone(), "itemHeight": LEGEND_ICON * LARGE }));
    }
    if option["tooltip"].is_object() {
        merge(&mut option["tooltip"], json!({ "textStyle": { "fontSize": TOOLTIP_TEXT * LARGE } }));
    }
    // (`pointer_mut`, not indexing: indexing a missing field would add it as null.)
    for series in option.get_mut("series").and_then(Value::as_array_mut).into_iter().flatten() {
        let items = series.pointer_mut("/markLine/data").and_then(Value::as_array_mut);
        for on_line in items.into_iter().flatten().filter_map(|item| item.get_mut("label")) {
            merge(on_line, wrapped.clone());
        }
        if let Some(on_line) = series.pointer_mut("/markLine/label") {
            merge(on_line, wrapped.clone());
        }
    }
    for grid in option.get_mut("grid").and_then(Value::as_array_mut).into_iter().flatten() {
        for side in ["top", "bottom", "left", "right"] {
            if let Some(px) = grid[side].as_f64() {
                grid[side] = json!(px * LARGE);
            }
        }
    }
}

/// Lines half as thick again (at least 2 px), and the axes, their labels and
/// the legend's text in `fg`, the page's text colour.
pub fn high_contrast(option: &mut Value, fg: &str) {
    let thicker = |style: Option<&mut Value>| {
        if let Some(style) = style.filter(|s| s.is_object()) {
            let width = style["width"].as_f64().unwrap_or(2.0);
            style["width"] = json!((width * 1.5).max(2.0));
        }
    };
    for series in option.get_mut("series").and_then(Value::as_array_mut).into_iter().flatten() {
        thicker(series.pointer_mut("/lineStyle"));
        thicker(series.pointer_mut("/markLine/lineStyle"));
    }
    let ink = json!({ "color": fg });
    for axis in ["xAxis", "yAxis"] {
        if option[axis].is_object() {
            merge(
                &mut option[axis],
                json!({ "axisLabel": ink, "nameTextStyle": ink, "axisLine": { "lineStyle": ink }, "axisTick": { "lineStyle": ink } }),
            );
        }
    }
    if option["legend"].is_object() {
        merge(&mut option["legend"], json!({ "textStyle": ink }));
    }
}

/// Nothing on a chart moves (WCAG 2.3.3, `prefers-reduced-motion`): the
/// builders turn ECharts' animation off, and this stops its tooltip gliding
/// from point to point (a charming `Tooltip` has no field for it).
pub fn still(option: &mut Value) {
    if option["tooltip"].is_object() {
        merge(&mut option["tooltip"], json!({ "transitionDuration": 0 }));
    }
}

/// Sets `add`'s fields into `into`, object by object, keeping the others.
fn merge(into: &mut Value, add: Value) {
    match (into, add) {
        (Value::Object(into), Value::Object(add)) => {
            for (k, v) in add {
                merge(into.entry(k).or_insert(Value::Null), v);
            }
        }
        (into, add) => *into = add,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option() -> Value {
        json!({
            "legend": { "textStyle": { "color": "#222222" } },
            "tooltip": { "trigger": "item" },
            "grid": [{ "top": 40, "bottom": 92, "right": 16 }],
            "xAxis": { "type": "category" },
            "yAxis": { "type": "value", "name": "μg/m³" },
            "series": [
                { "type": "line", "lineStyle": { "width": 3.0, "color": "#0072B2" },
                  "markLine": { "lineStyle": { "width": 2.0 }, "data": [{ "yAxis": 25, "label": { "color": "#007A5A" } }] } },
                { "type": "scatter" }
            ]
        })
    }

    #[test]
    fn large_text_grows_every_text_and_the_room_for_it() {
        let mut o = option();
        large_text(&mut o, 300.0);
        assert_eq!(
            o["legend"]["textStyle"],
            json!({ "color": "#222222", "fontSize": 18.0, "width": 236.0, "overflow": "break" }),
            "the colour is kept"
        );
        assert_eq!(o["xAxis"]["axisLabel"]["fontSize"], 18.0);
        assert_eq!(o["yAxis"]["nameTextStyle"]["fontSize"], 18.0);
        assert_eq!(o["tooltip"]["textStyle"]["fontSize"], 21.0);
        assert_eq!(
            o["series"][0]["markLine"]["data"][0]["label"],
            json!({ "color": "#007A5A", "fontSize": 18.0, "width": 236.0, "overflow": "break" })
        );
        assert_eq!(o["grid"][0], json!({ "top": 60.0, "bottom": 138.0, "right": 24.0 }));
        assert!(o["series"][1].get("markLine").is_none(), "nothing added where nothing was");
    }

    #[test]
    fn the_tooltip_does_not_glide() {
        let mut o = option();
        still(&mut o);
        assert_eq!(o["tooltip"], json!({ "trigger": "item", "transitionDuration": 0 }));
    }

    #[test]
    fn high_contrast_thickens_lines_and_inks_the_axes() {
        let mut o = option();
        high_contrast(&mut o, "#000000");
        assert_eq!(o["series"][0]["lineStyle"], json!({ "width": 4.5, "color": "#0072B2" }), "colour kept");
        assert_eq!(o["series"][0]["markLine"]["lineStyle"]["width"], 3.0);
        assert_eq!(o["xAxis"]["axisLine"]["lineStyle"]["color"], "#000000");
        assert_eq!(o["yAxis"]["axisLabel"]["color"], "#000000");
        assert_eq!(o["legend"]["textStyle"]["color"], "#000000");
        assert!(o["series"][1].get("lineStyle").is_none());
    }
}
