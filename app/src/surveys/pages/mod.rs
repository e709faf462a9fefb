//! The survey pages: answering (participant pages, no wasm), the organizer's builder, list and
//! preview (hydrated), and the results with their charts (both).

pub mod answer;
pub mod results;
pub mod staff;
