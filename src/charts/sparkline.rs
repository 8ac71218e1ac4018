//! A small trend line for cards and rows: the values the status is judged on
//! (baseline first), no axes.
//! The card next to it states the numbers in text; the line is decoration that
//! must still never invent a point, so gaps stay gaps here too.

use super::axes::year_range;
use super::palette;
use super::Chart;
use crate::model::{progress, Indicator};
use charming::component::{Axis, Grid};
use charming::datatype::{CompositeValue, DataPoint};
use charming::element::{AxisType, ItemStyle, Label, LineStyle, MarkLine, MarkLineData, MarkLineVariant, Symbol};
use charming::series::Line;

/// The same in every language and look: it has no words, and ECharts' dark
/// theme colours it.
pub fn sparkline(ind: &Indicator) -> Chart {
    let years = year_range(ind);
    let points = progress::assess(ind).points;
    let data: Vec<DataPoint> = years
        .iter()
        .map(|y| {
            let v = points.iter().find(|p| p.year == *y).map(|p| p.value);
            DataPoint::Value(CompositeValue::OptionalNumber(v.map(Into::into)))
        })
        .collect();
    let mut line = Line::new()
        .data(data)
        .connect_nulls(false)
        .symbol_size(5)
        .line_style(LineStyle::new().color(palette::HEADLINE).width(2))
        .item_style(ItemStyle::new().color(palette::HEADLINE));
    if let Some(v) = ind.target.as_ref().and_then(|t| t.value) {
        line = line.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(LineStyle::new().color(palette::TARGET).width(1))
                // No number at the line's end: a card's small line has no room for it.
                .label(Label::new().show(false))
                .data(vec![MarkLineVariant::Simple(MarkLineData::new().y_axis(v))]),
        );
    }
    Chart::new()
        .animation(false)
        .background_color("transparent")
        .grid(Grid::new().left(2).right(2).top(4).bottom(4))
        .x_axis(Axis::new().type_(AxisType::Category).show(false).data(years.iter().map(|y| y.to_string()).collect()))
        .y_axis(Axis::new().type_(AxisType::Value).show(false).scale(true))
        .series(line)
}
