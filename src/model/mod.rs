//! The data model: plain serde types and pure logic, with no browser or UI code,
//! so everything here is tested natively.
//!
//! Glossary
//! - **indicator**: one measurable goal (or context figure) of the plan, e.g. PM2.5.
//! - **baseline**: the value in the plan's base year (2020) that progress is measured from.
//! - **target**: what the plan commits to by a year (≤ 25 μg/m³ by 2025), of a kind:
//!   at least, at most (a ceiling), reduce by a percentage, cumulative total, or in words only.
//! - **actual** (observation): a value published for a year, always with its source.
//! - **basis**: the way a value was measured or scoped (with or without dust days;
//!   38 or 74 monitoring sections). Values on different bases are not compared.
//! - **qualifier**: how exact a figure is (a bound such as "91%以上", or "约") and what
//!   period it covers (a full year, part of a year, a point in time).
//! - **tier**: how trustworthy a source is: the official document, official media, or a reprint.
//! - **release**: one published snapshot of the data, never changed once published; a figure
//!   that reads differently from the previous release's is **revised** (see `changes`).

pub mod changes;
// Writing CSV and the dataset on disk, and comparing releases, are publishing
// steps: native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod csv;
#[cfg(not(target_arch = "wasm32"))]
pub mod dataset;
#[cfg(not(target_arch = "wasm32"))]
pub mod diff;
pub mod files;
#[cfg(not(target_arch = "wasm32"))]
pub mod history;
pub mod layout;
pub mod place;
pub mod progress;
pub mod scorecard;
pub mod trend;
pub mod types;
pub mod validate;
pub mod vocab;

pub use changes::{Change, ChangeKind, Figure};
pub use files::*;
pub use progress::{assess, Arithmetic, Assessment, Pace, Reason, Status};
pub use trend::Trend;
pub use types::*;
pub use validate::DataError;
