//! The ECharts option every chart builder returns: only the components the
//! site draws with, each one charming's own type.
//!
//! charming's `Chart` holds every component and series kind ECharts has (3D
//! axes, maps, calendars, sankey, …), and serialising it links the serialiser
//! of each into the wasm file, used or not. This one holds what the builders
//! set, and serialises to the same JSON. (No `aria`: the chart host names the
//! chart box itself, see `components::chart_host`.)

use charming::component::{Axis, Grid, Legend, Title};
use charming::element::Tooltip;
use charming::series::{Line, Scatter};
use serde::Serialize;

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    title: Vec<Title>,
    #[serde(skip_serializing_if = "Option::is_none")]
    animation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_color: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<Tooltip>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<Legend>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    grid: Vec<Grid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x_axis: Option<Axis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y_axis: Option<Axis>,
    series: Vec<Series>,
}

/// The series kinds the charts use. Each serialises its own `type`. (Boxed:
/// charming's series are large structs of mostly empty options.)
#[derive(Serialize)]
#[serde(untagged)]
pub enum Series {
    Line(Box<Line>),
    Scatter(Box<Scatter>),
}

impl From<Line> for Series {
    fn from(line: Line) -> Self {
        Series::Line(Box::new(line))
    }
}

impl From<Scatter> for Series {
    fn from(scatter: Scatter) -> Self {
        Series::Scatter(Box::new(scatter))
    }
}

/// The builder methods of charming's `Chart` that the builders call.
impl Chart {
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds a title block (a picture has two: its title, and its credit line).
    pub fn title(mut self, title: Title) -> Self {
        self.title.push(title);
        self
    }
    pub fn animation(mut self, on: bool) -> Self {
        self.animation = Some(on);
        self
    }
    pub fn background_color(mut self, color: &str) -> Self {
        self.background_color = Some(color.to_string());
        self
    }
    pub fn tooltip(mut self, tooltip: Tooltip) -> Self {
        self.tooltip = Some(tooltip);
        self
    }
    pub fn legend(mut self, legend: Legend) -> Self {
        self.legend = Some(legend);
        self
    }
    pub fn grid(mut self, grid: Grid) -> Self {
        self.grid.push(grid);
        self
    }
    pub fn x_axis(mut self, axis: Axis) -> Self {
        self.x_axis = Some(axis);
        self
    }
    pub fn y_axis(mut self, axis: Axis) -> Self {
        self.y_axis = Some(axis);
        self
    }
    pub fn series(mut self, series: impl Into<Series>) -> Self {
        self.series.push(series.into());
        self
    }
}
