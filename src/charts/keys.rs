//! Reading a chart point by point from the keyboard: which points an option
//! holds, and where each key moves. Pure, so it is tested natively; the page
//! side (focus, announcing, ECharts highlight) is in `components::chart_host`.
//!
//! A point is a data item that carries a name (the builders name every
//! published figure with its tooltip text) and a number. Gaps (`null`) and
//! mark lines are not points: there is nothing to read there.

use serde_json::Value;

/// One readable point: where it is in the option, its year, its words and its number.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyPoint {
    pub series: usize,
    pub index: usize,
    /// The x-axis category (the year), to keep the year when moving between series.
    pub x: String,
    /// "2024：25.7 μg/m³（实际值）": the item's name with its series' name.
    pub words: String,
    pub value: f64,
}

/// A key that moves the reading position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    SeriesUp,
    SeriesDown,
}

impl Step {
    /// The step a `KeyboardEvent.key` stands for.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowRight" => Step::Next,
            "ArrowLeft" => Step::Previous,
            "Home" => Step::First,
            "End" => Step::Last,
            "ArrowUp" => Step::SeriesUp,
            "ArrowDown" => Step::SeriesDown,
            _ => return None,
        })
    }
}

/// The readable points of an ECharts option, series by series, each in data order.
/// `join` puts an item's name and its series' name together in the reader's language.
pub fn key_points(option: &Value, join: impl Fn(&str, &str) -> String) -> Vec<KeyPoint> {
    let categories = x_categories(option);
    let Some(series) = option["series"].as_array() else { return Vec::new() };
    let mut points = Vec::new();
    for (s, one) in series.iter().enumerate() {
        let series_name = one["name"].as_str().unwrap_or_default();
        for (index, item) in one["data"].as_array().into_iter().flatten().enumerate() {
            let Some(name) = item["name"].as_str() else { continue };
            // A line's item is {value: v}, a scatter's {value: [year, v]}.
            let (x, value) = match &item["value"] {
                Value::Array(xy) if xy.len() == 2 => (category(&xy[0]), xy[1].as_f64()),
                v => (categories.get(index).cloned().unwrap_or_default(), v.as_f64()),
            };
            if let Some(value) = value {
                points.push(KeyPoint { series: s, index, x, words: join(name, series_name), value });
            }
        }
    }
    points
}

fn x_categories(option: &Value) -> Vec<String> {
    let axis = match &option["xAxis"] {
        Value::Array(axes) => axes.first().cloned().unwrap_or_default(),
        axis => axis.clone(),
    };
    axis["data"].as_array().map(|d| d.iter().map(category).collect()).unwrap_or_default()
}

fn category(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Where `step` goes from `current` (an index into `points`). With nothing
/// read yet, any step starts at the first point (End at the first series' last).
/// At an edge the position stays.
pub fn step(points: &[KeyPoint], current: Option<usize>, step: Step) -> Option<usize> {
    let first_series = points.first()?.series;
    let Some(at) = current.filter(|&i| i < points.len()) else {
        return match step {
            Step::Last => points.iter().rposition(|p| p.series == first_series),
            _ => Some(0),
        };
    };
    let here = &points[at];
    let same = |i: &usize| points[*i].series == here.series;
    let in_series: Vec<usize> = (0..points.len()).filter(same).collect();
    let pos = in_series.iter().position(|&i| i == at).unwrap_or(0);
    Some(match step {
        Step::Next => in_series.get(pos + 1).copied().unwrap_or(at),
        Step::Previous => pos.checked_sub(1).map_or(at, |p| in_series[p]),
        Step::First => in_series[0],
        Step::Last => in_series[in_series.len() - 1],
        Step::SeriesUp | Step::SeriesDown => {
            let mut series: Vec<usize> = points.iter().map(|p| p.series).collect();
            series.dedup();
            let s = series.iter().position(|&s| s == here.series).unwrap_or(0);
            let target = match step {
                Step::SeriesUp => s.checked_sub(1).map(|t| series[t]),
                _ => series.get(s + 1).copied(),
            };
            match target {
                Some(t) => nearest_in(points, t, &here.x),
                None => at,
            }
        }
    })
}

/// The point of series `s` at year `x`, or else the one nearest to it.
/// (Years parse as integers: parsing floats would add a large routine to the wasm.)
fn nearest_in(points: &[KeyPoint], s: usize, x: &str) -> usize {
    let wanted = x.parse::<i64>().ok();
    let distance = |i: &usize| match (points[*i].x.parse::<i64>().ok(), wanted) {
        (Some(y), Some(w)) => (y - w).unsigned_abs(),
        _ => u64::MAX,
    };
    let candidates = (0..points.len()).filter(|&i| points[i].series == s);
    match candidates.clone().find(|&i| points[i].x == x) {
        Some(i) => i,
        None => candidates.min_by_key(distance).unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn option() -> Value {
        json!({
            "xAxis": {"data": ["2020", "2021", "2022", "2023"]},
            "series": [
                {"name": "实际值", "data": [
                    {"value": 30.0, "name": "2020：30"}, null, {"value": 27.0, "name": "2022：27"}, {"value": 25.7, "name": "2023：25.7"}
                ], "markLine": {"data": [{"yAxis": 25, "name": "目标"}]}},
                {"name": "部分年份", "data": [{"value": ["2021", 28.0], "name": "2021：28（1—11月）"}]},
                {"name": "基准", "data": [{"value": ["2020", 30.0], "name": "2020：30"}]},
                {"name": "无名", "data": [{"value": 1.0}]}
            ]
        })
    }

    fn points() -> Vec<KeyPoint> {
        key_points(&option(), |item, series| format!("{item}（{series}）"))
    }

    #[test]
    fn points_skip_gaps_and_unnamed_items_and_keep_their_year() {
        let p = points();
        let read: Vec<(usize, usize, &str, &str)> =
            p.iter().map(|p| (p.series, p.index, p.x.as_str(), p.words.as_str())).collect();
        assert_eq!(
            read,
            vec![
                (0, 0, "2020", "2020：30（实际值）"),
                (0, 2, "2022", "2022：27（实际值）"),
                (0, 3, "2023", "2023：25.7（实际值）"),
                (1, 0, "2021", "2021：28（1—11月）（部分年份）"),
                (2, 0, "2020", "2020：30（基准）"),
            ]
        );
    }

    #[test]
    fn arrows_move_along_a_series_and_stop_at_its_ends() {
        let p = points();
        assert_eq!(step(&p, None, Step::Next), Some(0));
        assert_eq!(step(&p, None, Step::Last), Some(2));
        assert_eq!(step(&p, Some(0), Step::Next), Some(1));
        assert_eq!(step(&p, Some(2), Step::Next), Some(2), "the last point stays");
        assert_eq!(step(&p, Some(0), Step::Previous), Some(0), "the first point stays");
        assert_eq!(step(&p, Some(1), Step::Last), Some(2));
        assert_eq!(step(&p, Some(2), Step::First), Some(0));
    }

    #[test]
    fn up_and_down_change_series_keeping_the_year_or_the_nearest() {
        let p = points();
        // 2022 on the line → the part-year series has only 2021: the nearest.
        assert_eq!(step(&p, Some(1), Step::SeriesDown), Some(3));
        // 2021 part-year → baseline series (2020 only).
        assert_eq!(step(&p, Some(3), Step::SeriesDown), Some(4));
        assert_eq!(step(&p, Some(4), Step::SeriesDown), Some(4), "the last series stays");
        // Up from the baseline reaches the part-year series (its only point).
        assert_eq!(step(&p, Some(4), Step::SeriesUp), Some(3));
        assert_eq!(step(&p, Some(0), Step::SeriesUp), Some(0));
        // Up from part-year 2021: the line has a gap there; 2020 and 2022 are as near, the first wins.
        assert_eq!(step(&p, Some(3), Step::SeriesUp), Some(0));
    }

    #[test]
    fn keys_map_to_steps_and_nothing_else() {
        assert_eq!(Step::from_key("ArrowDown"), Some(Step::SeriesDown));
        assert_eq!(Step::from_key("Tab"), None);
        assert_eq!(step(&[], None, Step::Next), None);
    }
}
