//! Staff accounts: setup, login, lockout, sessions, one's own password, and who may manage
//! accounts or see the staff's e-mail addresses.

use std::time::Duration;

use app::{
    auth::{
        LoginLimiter, service,
        types::{Actor, Role},
    },
    error::{AppError, Msg},
    i18n::Lang,
    processes::{self, types::ProcessInput},
    server::entities::{sessions, setup_tokens},
    workshops::{self, types::WorkshopInput},
};
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};

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

db_test!(repeated_failures_make_the_email_wait_at_that_address, |db: DatabaseConnection| async move {
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

db_test!(an_unknown_email_waits_just_like_a_known_one, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    for _ in 0..service::LOCK_AFTER_FAILURES {
        let known = service::login(&db, &limiter, ip(), "orga@krefeld.de", "falsch-falsch-falsch").await.unwrap_err();
        let unknown = service::login(&db, &limiter, ip(), "niemand@krefeld.de", PASSWORD).await.unwrap_err();
        assert_eq!(known, unknown);
    }
    let known = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap_err();
    let unknown = service::login(&db, &limiter, ip(), "Niemand@Krefeld.de ", PASSWORD).await.unwrap_err();
    for err in [known, unknown] {
        let waits = matches!(err, AppError::RateLimited { retry_after_secs: 1..=30, limit: None });
        assert!(waits, "{err:?}");
    }
});

db_test!(the_right_password_from_another_address_works_during_a_lockout, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "admin@krefeld.de", "admin", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let attacker: std::net::IpAddr = [203, 0, 113, 7].into();
    for _ in 0..service::LOCK_AFTER_FAILURES + 3 {
        let _ = service::login(&db, &limiter, attacker, "admin@krefeld.de", "falsch-falsch-falsch").await;
    }
    let err = service::login(&db, &limiter, attacker, "admin@krefeld.de", PASSWORD).await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }), "the guessing address waits");
    let (me, _) = service::login(&db, &limiter, ip(), "admin@krefeld.de", PASSWORD).await.unwrap();
    assert_eq!(me.role, Role::Admin);
    // The owner's success does not free the guessing address.
    let err = service::login(&db, &limiter, attacker, "admin@krefeld.de", PASSWORD).await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }));
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

/// Writes when a session was last used, as if it had been idle since.
async fn last_used(db: &DatabaseConnection, token: &str, at: chrono::DateTime<Utc>) {
    let done = sessions::Entity::update_many()
        .col_expr(sessions::Column::LastSeenAt, Expr::value(Some(at)))
        .filter(sessions::Column::TokenHash.eq(service::token_hash(token)))
        .exec(db)
        .await
        .unwrap();
    assert_eq!(done.rows_affected, 1);
}

async fn session_row(db: &DatabaseConnection, token: &str) -> Option<sessions::Model> {
    sessions::Entity::find_by_id(service::token_hash(token)).one(db).await.unwrap()
}

db_test!(a_session_unused_for_longer_than_the_idle_time_is_over, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (me, idle) = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap();
    let (_, other) = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap();
    let idle_time = chrono::Duration::hours(service::SESSION_IDLE_HOURS);
    last_used(&db, &idle, Utc::now() - idle_time + chrono::Duration::minutes(5)).await;
    assert_eq!(service::session_user(&db, &idle).await.unwrap(), Some(me.clone()), "not idle long enough");
    last_used(&db, &idle, Utc::now() - idle_time - chrono::Duration::minutes(1)).await;
    assert_eq!(service::session_user(&db, &idle).await.unwrap(), None);
    assert!(session_row(&db, &idle).await.is_none(), "the idle session is deleted");
    assert_eq!(service::session_user(&db, &other).await.unwrap(), Some(me));
    // Idle sessions nobody comes back to are swept out at the next login.
    last_used(&db, &other, Utc::now() - idle_time - chrono::Duration::minutes(1)).await;
    let (_, third) = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap();
    assert!(session_row(&db, &other).await.is_none());
    assert!(session_row(&db, &third).await.is_some());
});

db_test!(a_session_notes_its_use_at_most_once_a_minute, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (_, token) = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap();
    let opened = session_row(&db, &token).await.unwrap().last_seen_at;
    assert!(opened.is_some(), "a new session counts as used");
    service::session_user(&db, &token).await.unwrap();
    assert_eq!(session_row(&db, &token).await.unwrap().last_seen_at, opened, "not written again within a minute");
    let before = Utc::now() - chrono::Duration::minutes(2);
    last_used(&db, &token, before).await;
    let recent = session_row(&db, &token).await.unwrap().last_seen_at;
    assert!(service::session_user(&db, &token).await.unwrap().is_some());
    let seen = session_row(&db, &token).await.unwrap().last_seen_at;
    assert!(seen > recent && seen.is_some_and(|s| s > Utc::now() - chrono::Duration::seconds(30)), "{seen:?}");
});

db_test!(a_setup_token_expires_after_a_day, |db: DatabaseConnection| async move {
    let token = service::issue_setup_token(&db).await.unwrap();
    let aged = Utc::now() - chrono::Duration::hours(service::SETUP_TOKEN_HOURS) - chrono::Duration::minutes(1);
    setup_tokens::Entity::update_many()
        .col_expr(setup_tokens::Column::CreatedAt, Expr::value(aged))
        .exec(&db)
        .await
        .unwrap();
    assert!(!service::setup_token_valid(&db, &token).await.unwrap());
    let err = service::complete_setup(&db, &token, "admin@krefeld.de", PASSWORD, PASSWORD).await.unwrap_err();
    assert_eq!(err, AppError::NotFound);
    assert!(service::setup_needed(&db).await.unwrap(), "no admin was made");
    // A fresh link works.
    let token = service::issue_setup_token(&db).await.unwrap();
    assert!(service::complete_setup(&db, &token, "admin@krefeld.de", PASSWORD, PASSWORD).await.is_ok());
});

const NEW_PASSWORD: &str = "ein-ganz-neues-passwort";

fn change<'a>(current: &'a str, new: &'a str, repeat: &'a str) -> service::PasswordChange<'a> {
    service::PasswordChange { current, new, repeat }
}

db_test!(a_password_change_needs_the_current_password_and_a_good_new_one, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "mod@krefeld.de", "moderator", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (me, token) = service::login(&db, &limiter, ip(), "mod@krefeld.de", PASSWORD).await.unwrap();
    let actor = Actor::Staff(me);
    let wrong = service::change_password(
        &db,
        &limiter,
        ip(),
        &actor,
        &token,
        change("falsch-falsch-falsch", NEW_PASSWORD, NEW_PASSWORD),
    )
    .await
    .unwrap_err();
    assert_eq!(wrong.field("current_password"), Some(Msg::new("field-password-current")));
    assert_eq!(wrong.field("password"), None);
    let short = service::change_password(&db, &limiter, ip(), &actor, &token, change(PASSWORD, "kurz", "kurz"))
        .await
        .unwrap_err();
    assert_eq!(short.field("password").map(|m| m.key), Some("field-password".into()));
    assert_eq!(short.field("current_password"), None);
    let differ = service::change_password(
        &db,
        &limiter,
        ip(),
        &actor,
        &token,
        change(PASSWORD, NEW_PASSWORD, "ein-anderes-passwort"),
    )
    .await
    .unwrap_err();
    assert_eq!(differ.field("password_repeat"), Some(Msg::new("field-password-mismatch")));
    let err = service::change_password(
        &db,
        &limiter,
        ip(),
        &Actor::Anonymous,
        "",
        change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD),
    )
    .await
    .unwrap_err();
    assert_eq!(err, AppError::Unauthenticated);
    // Nothing changed.
    assert!(service::login(&db, &limiter, ip(), "mod@krefeld.de", PASSWORD).await.is_ok());
});

db_test!(guessing_the_current_password_in_a_session_waits_like_a_login, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "mod@krefeld.de", "moderator", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (me, token) = service::login(&db, &limiter, ip(), "mod@krefeld.de", PASSWORD).await.unwrap();
    let actor = Actor::Staff(me);
    for n in 0..service::LOCK_AFTER_FAILURES {
        let err = service::change_password(
            &db,
            &limiter,
            ip(),
            &actor,
            &token,
            change(&format!("rate-{n}-xxxx"), NEW_PASSWORD, NEW_PASSWORD),
        )
        .await
        .unwrap_err();
        assert_eq!(err.field("current_password"), Some(Msg::new("field-password-current")), "guess {n}");
    }
    // Now even the right one waits, here and at the login from this address ...
    let err =
        service::change_password(&db, &limiter, ip(), &actor, &token, change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
            .await
            .unwrap_err();
    assert!(matches!(err, AppError::RateLimited { retry_after_secs: 1..=30, .. }), "{err:?}");
    let err = service::login(&db, &limiter, ip(), "mod@krefeld.de", PASSWORD).await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }), "{err:?}");
    // ... the password is unchanged, and the owner elsewhere is not held up.
    assert!(service::login(&db, &limiter, [192, 0, 2, 77].into(), "mod@krefeld.de", PASSWORD).await.is_ok());
});

db_test!(a_changed_password_logs_in_and_ends_the_other_sessions, |db: DatabaseConnection| async move {
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let limiter = LoginLimiter::default();
    let (me, mine) = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap();
    let (_, elsewhere) =
        service::login(&db, &limiter, [192, 0, 2, 50].into(), "orga@krefeld.de", PASSWORD).await.unwrap();
    let colleague = Some(PASSWORD.to_owned());
    service::create_user(&db, &Actor::System, "kollege@krefeld.de", "organizer", colleague).await.unwrap();
    let (_, someone_else) = service::login(&db, &limiter, ip(), "kollege@krefeld.de", PASSWORD).await.unwrap();
    let actor = Actor::Staff(me.clone());
    let ended =
        service::change_password(&db, &limiter, ip(), &actor, &mine, change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
            .await
            .unwrap();
    assert_eq!(ended, vec![service::token_hash(&elsewhere)]);
    assert_eq!(service::session_user(&db, &mine).await.unwrap(), Some(me), "this session stays");
    assert_eq!(service::session_user(&db, &elsewhere).await.unwrap(), None, "the other one is over");
    assert!(service::session_user(&db, &someone_else).await.unwrap().is_some(), "other accounts keep theirs");
    let err = service::login(&db, &limiter, ip(), "orga@krefeld.de", PASSWORD).await.unwrap_err();
    assert_eq!(err.field("password"), Some(Msg::new("login-failed")), "the old password is refused");
    assert!(service::login(&db, &limiter, ip(), "orga@krefeld.de", NEW_PASSWORD).await.is_ok());
});

db_test!(moderators_see_only_their_workshops_and_no_staff_addresses, |db: DatabaseConnection| async move {
    let admin = staff(&db, Role::Admin).await;
    let organizer = staff(&db, Role::Organizer).await;
    let moderator = staff(&db, Role::Moderator).await;
    let input = ProcessInput::parse("Handlungskonzept", "Krefeld", "").unwrap();
    let process = processes::service::create(&db, &organizer, Lang::default(), &input).await.unwrap();
    let field = processes::types::ActionFieldInput::parse("Bildung", "").unwrap();
    processes::service::add_action_field(&db, &organizer, process, &field).await.unwrap();
    let input = WorkshopInput::parse("Workshop Bildung", "2026-03-05T18:00", "in_person", "VHS", "").unwrap();
    let theirs =
        workshops::service::create(&db, &organizer, process, &input, &[], &[user(&moderator).id]).await.unwrap();
    let other = workshops::service::create(&db, &organizer, process, &input, &[], &[]).await.unwrap();

    for actor in [&admin, &organizer] {
        let view = workshops::service::admin_view(&db, actor, theirs, "").await.unwrap();
        let assigned: Vec<_> = view.staff.iter().filter(|s| s.assigned).map(|s| s.email.clone()).collect();
        assert_eq!(assigned, vec![user(&moderator).email.clone()], "organizers choose among the staff");
        assert!(view.staff.iter().any(|s| s.email == user(&admin).email));
        assert_eq!(workshops::service::list_for_process(&db, actor, process).await.unwrap().len(), 2);
    }

    // The moderator runs their workshop but sees nobody's e-mail address there…
    let view = workshops::service::admin_view(&db, &moderator, theirs, "").await.unwrap();
    assert!(view.staff.is_empty(), "{:?}", view.staff);
    assert!(!view.can_configure);
    // …not the other workshop, not even in the process's list…
    let err = workshops::service::admin_view(&db, &moderator, other, "").await.unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let listed = workshops::service::list_for_process(&db, &moderator, process).await.unwrap();
    assert_eq!(listed.iter().map(|w| w.id).collect::<Vec<_>>(), vec![theirs]);
    // …and no list of the accounts.
    assert_eq!(service::list_users(&db, &moderator).await.unwrap_err(), AppError::Forbidden);
    assert_eq!(service::list_users(&db, &organizer).await.unwrap_err(), AppError::Forbidden);
    assert!(service::list_users(&db, &admin).await.is_ok());
});
