//! Surveys (*Datenabfrage*, evaluation questionnaires): organizers build questionnaires of
//! sections and nine kinds of questions with conditions, open them by a public link, in a
//! workshop or as the evaluation of plan measures; participants answer page by page on a phone
//! without wasm and without an account (saved at each step, resumable by a link); results are
//! counted per question with charts, compared between waves of the same survey, exported as CSV,
//! and questionnaires are shared as JSON files.

pub mod answers;
pub mod api;
pub mod pages;
pub mod results;
pub mod types;

#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
