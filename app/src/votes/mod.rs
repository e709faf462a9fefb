//! Votes in the room: the moderator runs rounds over clusters and single proposals — dot voting
//! (*Punktabfrage*), approval, score or ranking (Schulze) — participants cast one secret ballot
//! each, changeable until the round closes, moderators add the dots counted on the paper
//! pinboard, and the result is frozen at close and recountable from the anonymous ballot file.
//! The counting itself is [`tally`], a pure module shared with `plenum tally`.

pub mod api;
pub mod components;
pub mod pages;
pub mod tally;
pub mod types;

#[cfg(feature = "ssr")]
pub mod ballots;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod service;
