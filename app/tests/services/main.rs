//! Service tests: every rule runs against SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod support;
mod auth;
mod cluster;
mod clustering;
mod hardening;
mod instance;
mod plan;
mod processes;
mod surveys;
mod votes;
mod workshops;
