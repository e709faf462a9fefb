//! Database schema of Plenum, portable between SQLite and PostgreSQL.
//!
//! Migrations speak in table and column names only: they never import the
//! application's entities, so an old migration keeps meaning what it meant.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_accounts;
mod m20261122_000002_create_processes;
mod m20261122_000003_create_workshops;
mod m20261122_000004_create_clusters;
mod m20261201_000005_create_votes;
mod m20261201_000006_create_plan;
mod m20261201_000007_create_surveys;
mod m20261201_000008_languages;
mod m20261202_000009_hardening;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_accounts::Migration),
            Box::new(m20261122_000002_create_processes::Migration),
            Box::new(m20261122_000003_create_workshops::Migration),
            Box::new(m20261122_000004_create_clusters::Migration),
            Box::new(m20261201_000005_create_votes::Migration),
            Box::new(m20261201_000006_create_plan::Migration),
            Box::new(m20261201_000007_create_surveys::Migration),
            Box::new(m20261201_000008_languages::Migration),
            Box::new(m20261202_000009_hardening::Migration),
        ]
    }
}
