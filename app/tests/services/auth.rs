//! Staff accounts: setup, login, lockout, sessions, and who may manage accounts.

use std::time::Duration;

use app::{
    auth::{
        LoginLimiter, service,
        types::{Actor, Role},
    },
    error::{AppError, Msg},
};
use sea_orm::DatabaseConnection;

use crate::support::{staff, user};

const PASSWORD: &str = "richtig-gutes-passwort";

fn ip() -> std::net::IpAddr {
    [192, 0, 2, 1].into()
}

db_test!(setup_link_creates_the_first_admin_exactly_once, |db: DatabaseConnection| async move {
    assert!(service::setup_needed(&db).await.unwrap());
    let token = service::issue_setup_token(&db).await.unwrap();
    assert!(service::setup_token_valid(&db, &token).await.unwrap());
    assert!(!service::setup_token_valid(&db, "wrong").await.unwrap());

    let (admin, session) = service::complete_setup(&db, &token, "Admin@Krefeld.de", PASSWORD, PASSWORD).await.unwrap();
    assert_eq!(admin.role, Role::Admin);
    assert_eq!(admin.email, "admin@krefeld.de");
    assert_eq!(service::session_user(&db, &session).await.unwrap(), Some(admin));

    assert!(!service::setup_needed(&db).await.unwrap());
    assert!(!service::setup_token_valid(&db, &token).await.unwrap());
    let again = service::complete_setup(&db, &token, "other@krefeld.de", PASSWORD, PASSWORD).await;
    assert_eq!(again.unwrap_err(), AppError::NotFound);
});

db_test!(setup_names_each_bad_field, |db: DatabaseConnection| async move {
    let token = service::issue_setup_token(&db).await.unwrap();
    let err = service::complete_setup(&db, &token, "keine-mail", "kurz", "anders").await.unwrap_err();
    assert!(err.field("email").is_some());
    assert_eq!(err.field("password").map(|m| m.key), Some("field-password".into()));
    assert_eq!(err.field("password_repeat"), Some(Msg::new("field-password-mismatch")));
    // The token is still good after a rejected form.
    assert!(service::setup_token_valid(&db, &token).await.unwrap());
});

db_test!(a_new_setup_token_replaces_the_old_one, |db: DatabaseConnection| async move {
    let first = service::issue_setup_token(&db).await.unwrap();
    let second = service::issue_setup_token(&db).await.unwrap();
    assert!(!service::setup_token_valid(&db, &first).await.unwrap());
    assert!(service::setup_token_valid(&db, &second).await.unwrap());
});

db_test!(login_opens_a_session_and_logout_ends_it, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (me, token) = service::login(&db, &limiter, ip(), " ORGA@krefeld.de ", PASSWORD).await.unwrap();
    assert_eq!(me.role, Role::Organizer);
    assert_eq!(service::session_user(&db, &token).await.unwrap(), Some(me));
    service::logout(&db, &token).await.unwrap();
    assert_eq!(service::session_user(&db, &token).await.unwrap(), None);
    assert_eq!(service::session_user(&db, "forged-token").await.unwrap(), None);
});

db_test!(wrong_password_and_unknown_email_get_the_same_message, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let wrong_password =
        service::login(&db, &limiter, ip(), "orga@krefeld.de", "falsch-falsch-falsch").await.unwrap_err();
    let unknown_email = service::login(&db, &limiter, ip(), "niemand@krefeld.de", PASSWORD).await.unwrap_err();
    assert_eq!(wrong_password, unknown_email);
    assert_eq!(wrong_password.field("password"), Some(Msg::new("login-failed")));
});

db_test!(repeated_failures_make_the_account_wait, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    for _ in 0..service::LOCK_AFTER_FAILURES {
        let err = service::login(&db, &limiter, ip(), "orga@krefeld.de", "falsch-falsch-falsch").await.unwrap_err();
        assert!(matches!(err, AppError::Invalid(_)));
    }
    // Even the right password waits now.
    let err = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap_err();
    assert!(
        matches!(err, AppError::RateLimited { retry_after_secs, .. } if retry_after_secs > 0 && retry_after_secs <= 30)
    );
});

db_test!(guesses_sent_at_once_cannot_slip_past_the_lockout, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::new(1_000, Duration::from_secs(600));
    let guesses = (0..20).map(|_| service::login(&db, &limiter, ip(), "orga@krefeld.de", "falsch-falsch-falsch"));
    let results = futures::future::join_all(guesses).await;
    let checked = results.iter().filter(|r| matches!(r, Err(AppError::Invalid(_)))).count();
    let refused = results.iter().filter(|r| matches!(r, Err(AppError::RateLimited { .. }))).count();
    assert_eq!(checked + refused, 20);
    let most = usize::try_from(service::LOCK_AFTER_FAILURES).unwrap() + 1;
    assert!(checked <= most, "{checked} of 20 guesses sent at once were checked (at most {most})");
    let err = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }), "the account waits");
});

db_test!(repeated_failures_from_one_address_make_it_wait, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::new(3, Duration::from_secs(600));
    for n in 0..3 {
        let email = format!("raten{n}@krefeld.de");
        assert!(service::login(&db, &limiter, ip(), &email, "egal-egal-egal").await.is_err());
    }
    let err = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }));
    // Another address is not affected.
    assert!(service::login(&db, &limiter, [192, 0, 2, 99].into(), "orga@krefeld.de", PASSWORD).await.is_ok());
});

db_test!(only_admins_create_accounts, |db: DatabaseConnection| async move {
    let admin = staff(&db, Role::Admin).await;
    let organizer = staff(&db, Role::Organizer).await;
    let moderator = staff(&db, Role::Moderator).await;
    for (actor, expected) in [
        (&organizer, AppError::Forbidden),
        (&moderator, AppError::Forbidden),
        (&Actor::Anonymous, AppError::Unauthenticated),
    ] {
        let err = service::create_user(&db, actor, "neu@krefeld.de", "organizer", None).await.unwrap_err();
        assert_eq!(err, expected);
        assert_eq!(service::list_users(&db, actor).await.unwrap_err(), expected);
    }
    let created = service::create_user(&db, &admin, "neu@krefeld.de", "moderator", None).await.unwrap();
    assert_eq!(created.password.chars().count(), 20);
    let users = service::list_users(&db, &admin).await.unwrap();
    assert!(users.iter().any(|u| u.email == "neu@krefeld.de" && u.role == Role::Moderator && u.active));
    // The generated password works.
    let limiter = LoginLimiter::default();
    assert!(service::login(&db, &limiter, ip(), "neu@krefeld.de", &created.password).await.is_ok());
});

db_test!(account_creation_names_bad_fields, |db: DatabaseConnection| async move {
    let admin = staff(&db, Role::Admin).await;
    service::create_user(&db, &admin, "neu@krefeld.de", "organizer", None).await.unwrap();
    let taken = service::create_user(&db, &admin, "NEU@krefeld.de", "organizer", None).await.unwrap_err();
    assert_eq!(taken.field("email"), Some(Msg::new("field-email-taken")));
    let bad = service::create_user(&db, &admin, "nicht gültig", "chef", Some("kurz".into())).await.unwrap_err();
    assert!(bad.field("email").is_some());
    assert!(bad.field("role").is_some());
    assert!(bad.field("password").is_some());
});

db_test!(deactivated_accounts_lose_their_sessions_and_cannot_log_in, |db: DatabaseConnection| async move {
    let admin = staff(&db, Role::Admin).await;
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (orga, token) = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap();
    service::set_active(&db, &admin, orga.id, false).await.unwrap();
    assert_eq!(service::session_user(&db, &token).await.unwrap(), None);
    let err = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap_err();
    assert_eq!(err.field("password"), Some(Msg::new("login-failed")));
    service::set_active(&db, &admin, orga.id, true).await.unwrap();
    assert!(service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.is_ok());
});

db_test!(
    admins_cannot_deactivate_themselves_and_others_cannot_deactivate_anyone,
    |db: DatabaseConnection| async move {
        let admin = staff(&db, Role::Admin).await;
        let organizer = staff(&db, Role::Organizer).await;
        let err = service::set_active(&db, &admin, user(&admin).id, false).await.unwrap_err();
        assert_eq!(err, AppError::Conflict(Msg::new("users-cannot-deactivate-self")));
        let err = service::set_active(&db, &organizer, user(&admin).id, false).await.unwrap_err();
        assert_eq!(err, AppError::Forbidden);
    }
);
