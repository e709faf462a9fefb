//! The plan (*Handlungskonzept*): measures promoted from workshop results or written directly,
//! with their provenance (workshop, cluster, proposals, vote result) kept both ways; adoption of
//! frozen versions by the steering committee and their comparison; implementation status,
//! progress notes and milestones; the plan table as CSV (one format for export and import),
//! JSON and a print view; and the documentation of every workshop.

pub mod api;
pub mod pages;
pub mod types;

#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod doc;
#[cfg(feature = "ssr")]
pub mod documentation;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
