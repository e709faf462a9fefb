//! The plan's pages: public (no wasm) and the organizer's (hydrated).

pub mod documentation;
pub mod form;
pub mod parts;
pub mod public;
pub mod staff;

pub use documentation::WorkshopDocPage;
pub use public::{MeasurePageView, PlanPageView, PlanPrintView};
pub use staff::{ComparePage, MeasureEditPage, PlanAdminPage, PromotePage};

/// An id for a heading from a name (letters and digits, the rest dashes).
#[must_use]
pub fn anchor(name: &str) -> String {
    name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect()
}
