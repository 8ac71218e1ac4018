//! Reusable view pieces shared by the pages.

pub mod chart_host;
pub mod layout;
pub mod load;
pub mod status;

pub use chart_host::ChartHost;
pub use layout::{Footer, Header};
pub use load::{ErrorPanel, Loading};
pub use status::StatusBadge;
