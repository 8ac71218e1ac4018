//! The progress chart of one indicator: yearly values per basis, the baseline,
//! the target line, the path needed to reach it, part-year and alternative
//! figures as separate marks, and a marker where the basis changes.
//!
//! The x axis is one category per year, so a year nobody published a value for
//! stays an empty slot and lines never bridge it: gaps stay gaps.

use super::axes::{value_range, year_range};
use super::Chart;
use super::{palette, ChartOpts, Layout};
use crate::i18n::{self, Lang, Msg};
use crate::model::progress::{comparable_baseline, judging_basis, running_total};
use crate::model::{BasisId, Indicator, Observation, TargetKind};
use charming::component::{Axis, Grid, Legend};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisType, BoundaryGap, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData,
    MarkLineVariant, Symbol, TextStyle, Tooltip, Trigger, TriggerOn,
};
use charming::series::{Line, Scatter};

/// "2024：25.7 μg/m³" — the tooltip line of one published figure.
fn point_name(lang: Lang, ind: &Indicator, o: &Observation) -> String {
    format!("{}{}{}", o.year, i18n::colon(lang), i18n::observation_text(lang, ind, o))
}

fn null() -> DataPoint {
    DataPoint::Value(CompositeValue::OptionalNumber(None))
}

/// One value per year slot, `null` where nothing was published.
fn line_data(years: &[i32], points: &[(i32, f64, String)]) -> Vec<DataPoint> {
    years
        .iter()
        .map(|y| match points.iter().find(|(py, _, _)| py == y) {
            Some((_, v, name)) => DataPointItem::new(*v).name(name.clone()).into(),
            None => null(),
        })
        .collect()
}

/// Points placed by year on the category axis, for marks that are not lines.
fn scatter_data(points: Vec<(i32, f64, String)>) -> Vec<DataPoint> {
    points
        .into_iter()
        .map(|(y, v, name)| {
            let xy: Vec<CompositeValue> = vec![y.to_string().into(), v.into()];
            DataPointItem::new(xy).name(name).into()
        })
        .collect()
}

/// The bases to draw a line for: the headline basis first, then every other
/// basis that has a full-year value. `None` stands for "the only basis".
fn drawn_bases(ind: &Indicator) -> Vec<Option<&BasisId>> {
    let headline = ind.headline_basis.as_ref();
    let mut bases = vec![headline];
    for b in &ind.bases {
        // Only a full-year value makes a line: a basis with part-year figures
        // alone would be an empty legend entry (its figures are marks).
        let has_values = ind.values.iter().any(|o| o.is_headline_full_year() && o.basis_or(headline) == Some(&b.id));
        if Some(&b.id) != headline && has_values {
            bases.push(Some(&b.id));
        }
    }
    bases
}

fn series_name(lang: Lang, ind: &Indicator, basis: Option<&BasisId>) -> String {
    let cumulative = ind.is_cumulative();
    let base = match basis.and_then(|b| ind.basis(b)) {
        Some(b) if ind.bases.len() > 1 || b.proxy => lang.pick(&b.label).to_string(),
        _ => lang.t(Msg::Actual).to_string(),
    };
    if cumulative {
        format!("{base}{}", lang.t(Msg::RunningTotalSince))
    } else {
        base
    }
}

/// Full-year headline figures on `basis`, as (year, value, tooltip). For a
/// cumulative target the judging basis gets the model's running total (the same
/// sums the status and the arithmetic panel use) and other bases no line.
fn line_points(lang: Lang, ind: &Indicator, basis: Option<&BasisId>) -> Vec<(i32, f64, String)> {
    if ind.is_cumulative() {
        if basis != judging_basis(ind) {
            return Vec::new();
        }
        return running_total(ind)
            .into_iter()
            .map(|p| {
                let total = i18n::with_unit(lang, ind.unit, p.value);
                (p.year, p.value, format!("{}{}{total}", p.year, lang.t(Msg::RunningTotalAt)))
            })
            .collect();
    }
    let headline = ind.headline_basis.as_ref();
    let mut obs: Vec<&Observation> =
        ind.values.iter().filter(|o| o.is_headline_full_year() && o.basis_or(headline) == basis).collect();
    obs.sort_by_key(|o| o.year);
    obs.iter().filter_map(|o| Some((o.year, o.value?, point_name(lang, ind, o)))).collect()
}

/// The marker of the n-th basis after the headline one.
fn other_basis_symbol(n: usize) -> Symbol {
    match n % 3 {
        0 => Symbol::Triangle,
        1 => Symbol::Rect,
        _ => Symbol::Custom("emptyTriangle".into()),
    }
}

fn dashed(color: &str, width: f64, kind: LineStyleType) -> LineStyle {
    LineStyle::new().color(color).width(width).type_(kind)
}

pub fn progress_chart(ind: &Indicator, opts: &ChartOpts) -> Chart {
    let lang = opts.lang;
    let years = year_range(ind);
    let text_color = palette::themed(palette::TEXT, opts.dark);
    let unit = i18n::unit_symbol(lang, ind.unit);
    let mut chart = Chart::new()
        .animation(false)
        .background_color("transparent")
        // On hover and on tap: the point's series, then its year, value, period and basis.
        .tooltip(
            Tooltip::new().trigger(Trigger::Item).trigger_on(TriggerOn::MousemoveAndClick).formatter("{a}<br/>{b}"),
        )
        // A plain legend wraps onto more rows instead of paging ("1/3" with
        // arrows hides entries on a phone); the grid leaves room for three rows.
        // The picture export places it itself (`export::export_chart`).
        .legend(
            Legend::new()
                .show(opts.layout != Layout::Compact)
                .bottom(0)
                .left(8)
                .right(8)
                .item_gap(12)
                .text_style(TextStyle::new().color(text_color)),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .boundary_gap(BoundaryGap::CategoryAxis(false))
                .data(years.iter().map(|y| y.to_string()).collect()),
        )
        .y_axis(match value_range(ind) {
            Some((min, max)) => Axis::new().type_(AxisType::Value).name(unit).min(min).max(max),
            None => Axis::new().type_(AxisType::Value).name(unit),
        });

    // The picture export places its grid under its wrapped texts itself.
    chart = match opts.layout {
        Layout::Compact => chart.grid(Grid::new().left(4).right(20).top(24).bottom(8).contain_label(true)),
        Layout::Page => chart.grid(Grid::new().left(8).right(16).top(40).bottom(92).contain_label(true)),
        Layout::Export => chart,
    };
    for (i, basis) in drawn_bases(ind).into_iter().enumerate() {
        let proxy = basis.and_then(|b| ind.basis(b)).is_some_and(|b| b.proxy);
        // Each line differs by colour, dash and marker shape, so none is told by colour alone.
        let color = if i == 0 { palette::HEADLINE } else { palette::OTHER_BASES[(i - 1) % 3] };
        let symbol = if i == 0 { Symbol::Circle } else { other_basis_symbol(i - 1) };
        let style = match (i, proxy) {
            (_, true) => dashed(color, 2.0, LineStyleType::Dotted),
            (0, _) => dashed(color, 3.0, LineStyleType::Solid),
            _ => dashed(color, 2.0, LineStyleType::Dashed),
        };
        let points = line_points(lang, ind, basis);
        // Full-year values are filled points; hollow marks are kept for part-year figures.
        let mut line = Line::new()
            .name(series_name(lang, ind, basis))
            .data(line_data(&years, &points))
            .connect_nulls(false)
            .show_symbol(true)
            .symbol(symbol)
            .symbol_size(9)
            .line_style(style)
            .item_style(ItemStyle::new().color(color));
        if i == 0 {
            line = line.mark_line(target_mark(lang, ind, opts.dark));
        }
        chart = chart.series(line);
    }

    let (partial, alternative) = off_line_points(lang, ind);
    if !partial.is_empty() {
        chart = chart.series(
            Scatter::new()
                .name(lang.t(Msg::PartialYear))
                .symbol(Symbol::Custom("emptyCircle".into()))
                .symbol_size(11)
                .item_style(ItemStyle::new().color(palette::HEADLINE))
                .data(scatter_data(partial)),
        );
    }
    if !alternative.is_empty() {
        chart = chart.series(
            Scatter::new()
                .name(lang.t(Msg::Alternative))
                .symbol(Symbol::Custom("emptyDiamond".into()))
                .symbol_size(11)
                .item_style(ItemStyle::new().color(palette::PATH))
                .data(scatter_data(alternative)),
        );
    }
    if let Some(b) = ind.baseline.as_ref().filter(|b| b.value.is_some()) {
        let color = palette::themed(palette::BASELINE, opts.dark);
        let name = i18n::paren(lang, lang.t(Msg::Baseline), &b.year.to_string());
        let point = (b.year, b.value.unwrap_or_default(), point_name(lang, ind, b));
        let mut scatter = Scatter::new()
            .name(name)
            .symbol(Symbol::Diamond)
            .symbol_size(13)
            .item_style(ItemStyle::new().color(color))
            .data(scatter_data(vec![point]));
        if let Some(mark) = basis_break_mark(lang, ind, &years, text_color, opts.layout == Layout::Compact) {
            scatter = scatter.mark_line(mark);
        }
        chart = chart.series(scatter);
    }
    if let Some(path) = required_path(lang, ind, &years) {
        chart = chart.series(path);
    }
    if let Some(standard) = standard_line(lang, ind, &years, opts.dark) {
        chart = chart.series(standard);
    }
    chart
}

/// A national limit (GB 3095's Grade II) as a reference line: not the plan's
/// target, so a thin solid line (the target is dashed, the path dotted) in its
/// own legend entry, named as what it is.
fn standard_line(lang: Lang, ind: &Indicator, years: &[i32], dark: bool) -> Option<Line> {
    let s = ind.standard.as_ref()?;
    let label = format!("{} {}", lang.pick(&s.label), i18n::with_unit(lang, ind.unit, s.value));
    let mark = MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(dashed(palette::STANDARD, 1.0, LineStyleType::Solid))
        .data(vec![MarkLineVariant::Simple(
            MarkLineData::new().y_axis(s.value).name(label.clone()).label(
                Label::new()
                    .formatter(label.as_str())
                    .position(LabelPosition::InsideStartTop)
                    .color(palette::themed(palette::STANDARD_LABEL, dark)),
            ),
        )]);
    Some(
        Line::new()
            .name(label.clone())
            .data(line_data(years, &[]))
            .show_symbol(false)
            .line_style(dashed(palette::STANDARD, 1.0, LineStyleType::Solid))
            .item_style(ItemStyle::new().color(palette::STANDARD))
            .mark_line(mark),
    )
}

/// Points as (year, value, tooltip).
type Points = Vec<(i32, f64, String)>;

/// Part-year figures and alternative figures, drawn as marks off the lines.
fn off_line_points(lang: Lang, ind: &Indicator) -> (Points, Points) {
    let mut partial = Vec::new();
    let mut alternative = Vec::new();
    for o in &ind.values {
        let Some(v) = o.value else { continue };
        let entry = (o.year, v, point_name(lang, ind, o));
        if o.alternative.is_some() {
            alternative.push(entry);
        } else if !o.period.is_full_year() {
            partial.push(entry);
        }
    }
    (partial, alternative)
}

/// The target line.
fn target_mark(lang: Lang, ind: &Indicator, dark: bool) -> MarkLine {
    let mut data: Vec<MarkLineData> = Vec::new();
    if let Some(t) = &ind.target {
        if let (Some(v), true) = (t.value, t.kind != TargetKind::Qualitative) {
            let label = format!("{} {}", lang.t(Msg::Target), i18n::target_phrase(lang, ind, t));
            data.push(
                MarkLineData::new().y_axis(v).name(label.clone()).label(
                    Label::new()
                        .formatter(label.as_str())
                        .position(LabelPosition::InsideEndTop)
                        .color(palette::themed(palette::TARGET_LABEL, dark)),
                ),
            );
        }
    }
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(dashed(palette::TARGET, 2.0, LineStyleType::Dashed))
        .data(data.into_iter().map(MarkLineVariant::Simple).collect())
}

/// A vertical marker where the headline line starts on another basis than the
/// baseline (38 → 74 sections), so nobody reads one line across the change.
fn basis_break_mark(lang: Lang, ind: &Indicator, years: &[i32], text_color: &str, compact: bool) -> Option<MarkLine> {
    let headline = ind.headline_basis.as_ref();
    let baseline_basis = ind.baseline.as_ref()?.basis_or(headline);
    if baseline_basis == headline {
        return None;
    }
    let year = ind
        .values
        .iter()
        .filter(|o| o.basis_or(headline) == headline && o.period.is_full_year())
        .map(|o| o.year)
        .min()
        .filter(|y| years.contains(y))?;
    let label = lang.t(Msg::BasisChanges);
    Some(
        MarkLine::new()
            .silent(true)
            .symbol(vec![Symbol::None, Symbol::None])
            .line_style(dashed(palette::PATH, 1.5, LineStyleType::Dotted))
            .label(
                Label::new().show(!compact).formatter(label).position(LabelPosition::InsideStartTop).color(text_color),
            )
            .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(year.to_string()).name(label))]),
    )
}

/// The straight path from a comparable baseline to the target, when the
/// baseline had not yet reached it.
fn required_path(lang: Lang, ind: &Indicator, years: &[i32]) -> Option<Line> {
    let t = ind.target.as_ref()?;
    if !matches!(t.kind, TargetKind::AtLeast | TargetKind::AtMost) {
        return None;
    }
    let target = t.value?;
    let base = comparable_baseline(ind, judging_basis(ind))?;
    let already_met = match t.kind {
        TargetKind::AtLeast => base.value >= target,
        _ => base.value <= target,
    };
    if already_met {
        return None;
    }
    let name = |year: i32, v: f64| format!("{year}{}{}", i18n::colon(lang), i18n::with_unit(lang, ind.unit, v));
    let points = [(base.year, base.value, name(base.year, base.value)), (t.year, target, name(t.year, target))];
    Some(
        Line::new()
            .name(lang.t(Msg::RequiredPath))
            .data(line_data(years, &points))
            .connect_nulls(true)
            .show_symbol(false)
            .line_style(dashed(palette::PATH, 1.5, LineStyleType::Dotted))
            .item_style(ItemStyle::new().color(palette::PATH)),
    )
}

#[cfg(test)]
#[path = "progress_tests.rs"]
pub(crate) mod tests;
