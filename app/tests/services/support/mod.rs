//! Test databases (fresh SQLite in memory, or a fresh PostgreSQL database per test) and builders.

use std::time::Duration;

use app::auth::{
    service,
    types::{Actor, CurrentUser, Role},
};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

/// Where the PostgreSQL tests create their databases (an admin connection URL).
pub const POSTGRES_ENV: &str = "PLENUM_TEST_POSTGRES_URL";

pub struct TestDb {
    pub db: DatabaseConnection,
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let mut options = ConnectOptions::new("sqlite::memory:".to_owned());
        options.max_connections(1).min_connections(1).sqlx_logging(false);
        let db = Database::connect(options).await.expect("in-memory SQLite opens");
        Migrator::up(&db, None).await.expect("migrations run on SQLite");
        Self { db, postgres: None }
    }

    /// A fresh database on the PostgreSQL server; `None` when no server is configured.
    pub async fn postgres() -> Option<Self> {
        let Ok(admin_url) = std::env::var(POSTGRES_ENV) else {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("{POSTGRES_ENV} must be set under CI=true");
            }
            eprintln!("skipped: {POSTGRES_ENV} not set");
            return None;
        };
        let name = format!("plenum_test_{}", uuid::Uuid::new_v4().simple());
        let admin = connect(&admin_url).await;
        admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("test database is created");
        admin.close().await.expect("admin connection closes");
        let url = match admin_url.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("{POSTGRES_ENV} must end in /<database>"),
        };
        let db = connect(&url).await;
        Migrator::up(&db, None).await.expect("migrations run on PostgreSQL");
        Some(Self { db, postgres: Some((admin_url, name)) })
    }

    /// The connection URL of this PostgreSQL test database (`None` on SQLite).
    pub fn postgres_url(&self) -> Option<String> {
        let (admin_url, name) = self.postgres.as_ref()?;
        admin_url.rsplit_once('/').map(|(server, _)| format!("{server}/{name}"))
    }

    pub async fn cleanup(self) {
        let _ = self.db.close().await;
        if let Some((admin_url, name)) = self.postgres {
            let admin = connect(&admin_url).await;
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await
                .expect("test database is dropped");
            let _ = admin.close().await;
        }
    }
}

async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(4)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    Database::connect(options).await.unwrap_or_else(|e| panic!("PostgreSQL at {url} does not answer: {e}"))
}

/// Runs the test body (`|db: DatabaseConnection| async move { … }`) once on SQLite and once on PostgreSQL.
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let test_db = $crate::support::TestDb::sqlite().await;
                ($body)(test_db.db.clone()).await;
                test_db.cleanup().await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(test_db) = $crate::support::TestDb::postgres().await else {
                    return;
                };
                ($body)(test_db.db.clone()).await;
                test_db.cleanup().await;
            }
        }
    };
}

/// A staff member of this role, with an account in the database.
pub async fn staff(db: &DatabaseConnection, role: Role) -> Actor {
    let email = format!("{}-{}@example.org", role.as_str(), uuid::Uuid::new_v4().simple());
    let password = Some("richtig-gutes-passwort".to_owned());
    service::create_user(db, &Actor::System, &email, role.as_str(), password).await.expect("account is created");
    let (user, _) = service::login(
        db,
        &app::auth::LoginLimiter::default(),
        [127, 0, 0, 1].into(),
        &email,
        "richtig-gutes-passwort",
    )
    .await
    .expect("new account logs in");
    Actor::Staff(user)
}

/// The user behind a staff actor.
pub fn user(actor: &Actor) -> &CurrentUser {
    actor.staff().expect("a staff actor")
}
