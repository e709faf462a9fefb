//! Workshops: set-up and course, joining with a cookie token, proposals with their limits,
//! the live board, moderation, privacy, and what each role may not do.

use app::participants::service::resolve;
use app::{
    auth::types::{Actor, Role},
    error::AppError,
    i18n::Lang,
    processes::{
        self,
        types::{ActionFieldId, ActionFieldInput, ProcessId, ProcessInput},
    },
    server::{LiveHub, entities::proposals, live::Audience},
    workshops::{
        service,
        types::{
            Author, Entry, JOIN_CODE_ALPHABET, JoinInput, LiveEvent, ProposalForm, ProposalStatus, WorkshopId,
            WorkshopInput, WorkshopState,
        },
    },
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};

use crate::support::{staff, user};

struct Setup {
    orga: Actor,
    process: ProcessId,
    fields: Vec<ActionFieldId>,
    ws: WorkshopId,
    code: String,
    live: std::sync::Arc<LiveHub>,
}

/// A process with two action fields and a workshop on both, in state `state`.
async fn setup(db: &DatabaseConnection, state: WorkshopState) -> Setup {
    let orga = staff(db, Role::Organizer).await;
    let process = processes::service::create(
        db,
        &orga,
        Lang::default(),
        &ProcessInput::parse("Handlungskonzept", "Krefeld", "").unwrap(),
    )
    .await
    .unwrap();
    let mut fields = Vec::new();
    for name in ["Bildung", "Arbeit"] {
        let input = ActionFieldInput::parse(name, "").unwrap();
        fields.push(processes::service::add_action_field(db, &orga, process, &input).await.unwrap());
    }
    let input = WorkshopInput::parse("Workshop Bildung", "2026-03-05T18:00", "in_person", "VHS", "").unwrap();
    let ws = service::create(db, &orga, process, &input, &[], &[]).await.unwrap();
    let live = std::sync::Arc::new(LiveHub::default());
    let mut current = WorkshopState::Draft;
    while current != state {
        let next = current.next().unwrap();
        service::set_state(db, &live, &orga, ws, current, next).await.unwrap();
        current = next;
    }
    let code = service::admin_view(db, &orga, ws, "http://x").await.unwrap().info.join_code;
    Setup { orga, process, fields, ws, code, live }
}

/// The event in a server-sent-events frame.
fn event(frame: axum::body::Bytes) -> serde_json::Result<LiveEvent> {
    let text = String::from_utf8_lossy(&frame);
    serde_json::from_str(text.trim().trim_start_matches("data: "))
}

fn join_input(name: &str) -> JoinInput {
    JoinInput::parse(name, "Verein Vielfalt", "association", true).unwrap()
}

fn proposal(field: ActionFieldId, title: &str) -> ProposalForm {
    ProposalForm { action_field: field.to_string(), title: title.into(), ..ProposalForm::default() }
}

/// The participant behind a token, as a server function resolves it from the cookie.
async fn who(db: &DatabaseConnection, code: &str, token: &str) -> app::participants::service::Participant {
    resolve(db, code, Some(token)).await.unwrap()
}

async fn join(db: &DatabaseConnection, s: &Setup, name: &str) -> String {
    app::participants::service::join(db, &s.live, &s.code, &join_input(name)).await.unwrap().0
}

db_test!(only_organizers_create_workshops_with_a_safe_join_code, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Draft).await;
    assert_eq!(s.code.len(), 6);
    assert!(s.code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b)));
    let admin = service::admin_view(&db, &s.orga, s.ws, "https://beteiligung.krefeld.de/").await.unwrap();
    assert_eq!(admin.info.state, WorkshopState::Draft);
    assert_eq!(admin.info.fields.len(), 2, "no choice means every action field of the process");
    assert_eq!(admin.short_link, format!("https://beteiligung.krefeld.de/w/{}", s.code));
    assert!(admin.qr_svg.starts_with("<?xml") && admin.qr_svg.contains("<svg"));
    let input = WorkshopInput::parse("Noch einer", "", "online", "", "https://meet.example/x").unwrap();
    let moderator = staff(&db, Role::Moderator).await;
    let err = service::create(&db, &moderator, s.process, &input, &[], &[]).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let err = service::create(&db, &Actor::Anonymous, s.process, &input, &[], &[]).await.unwrap_err();
    assert_eq!(err, AppError::Unauthenticated);
    let one = service::create(&db, &s.orga, s.process, &input, &s.fields[..1], &[]).await.unwrap();
    assert_eq!(service::admin_view(&db, &s.orga, one, "").await.unwrap().info.fields.len(), 1);
});

db_test!(moderators_run_only_their_workshops_one_step_at_a_time, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Draft).await;
    let moderator = staff(&db, Role::Moderator).await;
    let err = service::set_state(&db, &s.live, &moderator, s.ws, WorkshopState::Draft, WorkshopState::Collecting)
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    assert!(service::list_mine(&db, &moderator).await.unwrap().is_empty());
    let input = WorkshopInput::parse("Workshop Bildung", "", "hybrid", "VHS", "").unwrap();
    service::update(&db, &s.orga, s.ws, &input, &[], &[user(&moderator).id]).await.unwrap();
    assert_eq!(service::list_mine(&db, &moderator).await.unwrap().len(), 1);
    let err = service::set_state(&db, &s.live, &moderator, s.ws, WorkshopState::Draft, WorkshopState::Clustering)
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "ws-state-step"));
    service::set_state(&db, &s.live, &moderator, s.ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    // A second moderator who still saw "draft" is told, not obeyed.
    let err = service::set_state(&db, &s.live, &s.orga, s.ws, WorkshopState::Draft, WorkshopState::Collecting)
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "ws-state-changed"));
    service::set_state(&db, &s.live, &moderator, s.ws, WorkshopState::Collecting, WorkshopState::Draft).await.unwrap();
    let err = service::update(&db, &moderator, s.ws, &input, &[], &[]).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden, "moderators do not configure workshops");
    let err =
        service::set_state(&db, &s.live, &Actor::Anonymous, s.ws, WorkshopState::Draft, WorkshopState::Collecting)
            .await
            .unwrap_err();
    assert_eq!(err, AppError::Unauthenticated);
});

db_test!(draft_and_closed_workshops_let_nobody_in, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Draft).await;
    assert!(matches!(
        app::board::service::entry(&db, &LiveHub::default(), &s.code, None).await.unwrap(),
        Entry::NotOpen(..)
    ));
    let err = app::participants::service::join(&db, &s.live, &s.code, &join_input("Ayşe")).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "ws-not-started"));
    let closed = setup(&db, WorkshopState::Closed).await;
    let err = app::participants::service::join(&db, &closed.live, &closed.code, &join_input("Ayşe")).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "ws-closed"));
    assert_eq!(
        app::board::service::entry(&db, &LiveHub::default(), "ZZZZZZ", None).await.unwrap_err(),
        AppError::NotFound
    );
});

db_test!(a_participant_is_recognised_by_the_token_only, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let mut events = s.live.subscribe(s.ws.0, Audience::Data).frames;
    assert!(matches!(
        app::board::service::entry(&db, &LiveHub::default(), &s.code, None).await.unwrap(),
        Entry::Join(_)
    ));
    let token = join(&db, &s, "Ayşe").await;
    let event: LiveEvent = event(events.recv().await.unwrap()).unwrap();
    assert_eq!(event, LiveEvent::Participants { count: 1 });
    // Lower-case codes with spaces, as typed on a phone, find the same workshop.
    let typed = format!(" {} ", s.code.to_lowercase());
    match app::board::service::entry(&db, &LiveHub::default(), &typed, Some(&token)).await.unwrap() {
        Entry::Joined { me, board } => {
            assert_eq!(me.display_name.as_deref(), Some("Ayşe"));
            assert_eq!(board.participants, 1);
        }
        other => panic!("expected the board, got {other:?}"),
    }
    let form = proposal(s.fields[0], "Fortbildung für Lehrkräfte");
    // Every participant's call resolves the token first: a forged one, none, or another
    // workshop's never reaches a service.
    let err = resolve(&db, &s.code, Some("gefälscht")).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let err = resolve(&db, &s.code, None).await.unwrap_err();
    assert_eq!(err, AppError::Unauthenticated);
    assert_eq!(resolve(&db, "ZZZZZZ", Some(&token)).await.unwrap_err(), AppError::NotFound);
    // A token of another workshop does not open this one.
    let other = setup(&db, WorkshopState::Collecting).await;
    let err = resolve(&db, &other.code, Some(&token)).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let me = resolve(&db, &typed, Some(&token)).await.unwrap();
    app::proposals::service::submit(&app::server::Writer::start(db.clone()), &s.live, &me, &form).await.unwrap();
});

db_test!(proposals_are_checked_and_reach_the_live_board, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let token = join(&db, &s, "Ayşe").await;
    let mut events = s.live.subscribe(s.ws.0, Audience::Data).frames;
    let no_field = ProposalForm { title: "Ohne Feld".into(), ..ProposalForm::default() };
    let err = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &no_field,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&err, AppError::Invalid(_)) && err.field("action_field").unwrap().key == "proposal-field-required"
    );
    let long = proposal(s.fields[0], &"x".repeat(121));
    let err = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &long,
    )
    .await
    .unwrap_err();
    assert!(err.field("title").unwrap().args.contains(&("max".into(), "120".into())));
    let foreign = proposal(ActionFieldId(uuid::Uuid::new_v4()), "Fremdes Feld");
    let err = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &foreign,
    )
    .await
    .unwrap_err();
    assert!(err.field("action_field").is_some());
    let sent = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &proposal(s.fields[1], "Ausbildungspaten"),
    )
    .await
    .unwrap();
    assert!(sent.mine);
    assert_eq!(sent.author, Author::Named("Ayşe".into()));
    assert_eq!(sent.organisation.as_deref(), Some("Verein Vielfalt"));
    match event(events.recv().await.unwrap()).unwrap() {
        LiveEvent::Upsert { proposal } => {
            assert_eq!(proposal.id, sent.id);
            assert!(!proposal.mine, "events tell nobody whose it is");
        }
        other => panic!("expected an upsert, got {other:?}"),
    }
    let board = app::board::service::moderator_board(&db, &s.orga, s.ws).await.unwrap();
    assert_eq!(board.proposals.len(), 1);
    assert_eq!(board.proposals[0].action_field_id, s.fields[1]);
    // Not collecting any more: refused, with its own message.
    service::set_state(&db, &s.live, &s.orga, s.ws, WorkshopState::Collecting, WorkshopState::Clustering)
        .await
        .unwrap();
    let err = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &proposal(s.fields[0], "Zu spät"),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "proposal-not-collecting"));
});

db_test!(ten_per_minute_and_twenty_per_workshop, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let token = join(&db, &s, "Eifrig").await;
    for i in 0..10 {
        app::proposals::service::submit(
            &app::server::Writer::start(db.clone()),
            &s.live,
            &who(&db, &s.code, &token).await,
            &proposal(s.fields[0], &format!("Idee {i}")),
        )
        .await
        .unwrap();
    }
    let err = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &proposal(s.fields[0], "Elf"),
    )
    .await
    .unwrap_err();
    match err {
        AppError::RateLimited { retry_after_secs, limit: Some(msg) } => {
            assert!((1..=61).contains(&retry_after_secs));
            assert_eq!(msg.key, "proposal-rate");
            assert!(msg.args.contains(&("max".into(), "10".into())));
        }
        other => panic!("expected the rate limit, got {other:?}"),
    }
    // A minute later the next ten are fine; the 21st is not.
    let earlier = chrono::Utc::now() - chrono::Duration::minutes(2);
    proposals::Entity::update_many()
        .col_expr(proposals::Column::CreatedAt, Expr::value(earlier))
        .filter(proposals::Column::WorkshopId.eq(s.ws.0))
        .exec(&db)
        .await
        .unwrap();
    let mut last = None;
    for i in 10..20 {
        let p = app::proposals::service::submit(
            &app::server::Writer::start(db.clone()),
            &s.live,
            &who(&db, &s.code, &token).await,
            &proposal(s.fields[0], &format!("Idee {i}")),
        )
        .await
        .unwrap();
        last = Some(p.id);
    }
    proposals::Entity::update_many()
        .col_expr(proposals::Column::CreatedAt, Expr::value(earlier))
        .filter(proposals::Column::WorkshopId.eq(s.ws.0))
        .exec(&db)
        .await
        .unwrap();
    let err = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &proposal(s.fields[0], "21"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&err, AppError::Conflict(m) if m.key == "proposal-limit" && m.args.contains(&("max".into(), "20".into())))
    );
    assert_eq!(err.status(), 409);
    // Withdrawing one frees its place.
    app::proposals::service::withdraw_own(&db, &s.live, &who(&db, &s.code, &token).await, last.unwrap()).await.unwrap();
    app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &token).await,
        &proposal(s.fields[0], "Neu"),
    )
    .await
    .unwrap();
    let board = app::board::service::participant_board(&db, &who(&db, &s.code, &token).await).await.unwrap();
    assert_eq!(board.proposals.len(), 20);
    assert!(board.proposals.iter().all(|p| p.mine));
    assert_eq!(board.proposals[0].title, "Neu", "newest first");
});

db_test!(participants_change_only_their_own_proposals, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let ayse = join(&db, &s, "Ayşe").await;
    let jonas = join(&db, &s, "Jonas").await;
    let p = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &ayse).await,
        &proposal(s.fields[0], "Sprachcafé"),
    )
    .await
    .unwrap();
    let edit = proposal(s.fields[0], "Sprachcafé für Eltern");
    let err = app::proposals::service::update_own(&db, &s.live, &who(&db, &s.code, &jonas).await, p.id, &edit)
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let err =
        app::proposals::service::withdraw_own(&db, &s.live, &who(&db, &s.code, &jonas).await, p.id).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let updated =
        app::proposals::service::update_own(&db, &s.live, &who(&db, &s.code, &ayse).await, p.id, &edit).await.unwrap();
    assert!(updated.edited);
    let detail = app::proposals::service::proposal_detail(&db, &s.orga, p.id).await.unwrap();
    let titles: Vec<&str> = detail.revisions.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Sprachcafé", "Sprachcafé für Eltern"], "the original is kept");
    let jonas_board = app::board::service::participant_board(&db, &who(&db, &s.code, &jonas).await).await.unwrap();
    assert!(!jonas_board.proposals[0].mine);
    service::set_state(&db, &s.live, &s.orga, s.ws, WorkshopState::Collecting, WorkshopState::Clustering)
        .await
        .unwrap();
    let err = app::proposals::service::update_own(&db, &s.live, &who(&db, &s.code, &ayse).await, p.id, &edit)
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "proposal-not-collecting"));
});

db_test!(moderators_edit_hide_and_restore_with_history, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let ayse = join(&db, &s, "Ayşe").await;
    let jonas = join(&db, &s, "Jonas").await;
    let p = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &ayse).await,
        &proposal(s.fields[0], "Lehrer fortbilden"),
    )
    .await
    .unwrap();
    let mut events = s.live.subscribe(s.ws.0, Audience::Data).frames;
    let edit = proposal(s.fields[0], "Fortbildungen für Lehrkräfte");
    app::proposals::service::moderator_edit(&db, &s.live, &s.orga, p.id, 1, &edit).await.unwrap();
    // A second moderator working from the first version is told, and nothing is lost.
    let err = app::proposals::service::moderator_edit(&db, &s.live, &s.orga, p.id, 1, &proposal(s.fields[0], "Anders"))
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "proposal-changed"));
    let detail = app::proposals::service::proposal_detail(&db, &s.orga, p.id).await.unwrap();
    assert_eq!(detail.revisions.len(), 2);
    assert_eq!(detail.revisions[0].title, "Lehrer fortbilden");
    assert!(detail.revisions[0].edited_by.is_none());
    assert_eq!(detail.revisions[1].edited_by.as_deref(), Some(user(&s.orga).email.as_str()));
    assert!(matches!(event(events.recv().await.unwrap()).unwrap(), LiveEvent::Upsert { .. }));

    let err = app::proposals::service::hide(&db, &s.live, &s.orga, p.id, "  ").await.unwrap_err();
    assert!(err.field("reason").is_some(), "hiding needs a reason");
    let moderator = staff(&db, Role::Moderator).await;
    let err = app::proposals::service::hide(&db, &s.live, &moderator, p.id, "Doppelt").await.unwrap_err();
    assert_eq!(err, AppError::Forbidden, "a moderator of another workshop");
    app::proposals::service::hide(&db, &s.live, &s.orga, p.id, "Bitte sachlich bleiben").await.unwrap();
    assert_eq!(event(events.recv().await.unwrap()).unwrap(), LiveEvent::Remove { id: p.id, field: p.action_field_id });
    let author = app::board::service::participant_board(&db, &who(&db, &s.code, &ayse).await).await.unwrap();
    assert_eq!(author.proposals[0].status, ProposalStatus::Hidden);
    assert_eq!(author.proposals[0].hidden_reason.as_deref(), Some("Bitte sachlich bleiben"));
    assert!(
        app::board::service::participant_board(&db, &who(&db, &s.code, &jonas).await)
            .await
            .unwrap()
            .proposals
            .is_empty()
    );
    assert_eq!(app::board::service::moderator_board(&db, &s.orga, s.ws).await.unwrap().proposals.len(), 1);
    app::proposals::service::restore(&db, &s.live, &s.orga, p.id).await.unwrap();
    assert_eq!(
        app::board::service::participant_board(&db, &who(&db, &s.code, &jonas).await).await.unwrap().proposals.len(),
        1
    );

    let room =
        app::proposals::service::add_from_room(&db, &s.live, &s.orga, s.ws, &proposal(s.fields[1], "Von der Karte"))
            .await
            .unwrap();
    assert_eq!(room.author, Author::Room);
    let err = app::proposals::service::add_from_room(&db, &s.live, &moderator, s.ws, &proposal(s.fields[1], "x"))
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Forbidden);
});

db_test!(reports_reach_the_moderators_once, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let ayse = join(&db, &s, "Ayşe").await;
    let jonas = join(&db, &s, "Jonas").await;
    let p = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &ayse).await,
        &proposal(s.fields[0], "Etwas"),
    )
    .await
    .unwrap();
    app::proposals::service::report(&db, &who(&db, &s.code, &jonas).await, p.id, "beleidigend").await.unwrap();
    let err = app::proposals::service::report(&db, &who(&db, &s.code, &jonas).await, p.id, "").await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "report-twice"));
    let admin = service::admin_view(&db, &s.orga, s.ws, "").await.unwrap();
    assert_eq!(admin.reports.len(), 1);
    assert_eq!(admin.reports[0].reason, "beleidigend");
    assert_eq!(app::board::service::moderator_board(&db, &s.orga, s.ws).await.unwrap().proposals[0].reports, 1);
    assert_eq!(
        app::board::service::participant_board(&db, &who(&db, &s.code, &ayse).await).await.unwrap().proposals[0]
            .reports,
        0
    );
    app::proposals::service::dismiss_report(&db, &s.orga, admin.reports[0].id).await.unwrap();
    assert!(service::admin_view(&db, &s.orga, s.ws, "").await.unwrap().reports.is_empty());
});

db_test!(organizers_export_and_delete_a_participant, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let ayse = join(&db, &s, "Ayşe").await;
    let p = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &ayse).await,
        &proposal(s.fields[0], "Sprachcafé"),
    )
    .await
    .unwrap();
    let admin = service::admin_view(&db, &s.orga, s.ws, "").await.unwrap();
    let person = admin.participants[0].id;
    let moderator = staff(&db, Role::Moderator).await;
    assert_eq!(
        app::participants::service::export_participant(&db, &moderator, person).await.unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        app::participants::service::delete_participant(&db, &s.live, &moderator, person).await.unwrap_err(),
        AppError::Forbidden
    );
    let export = app::participants::service::export_participant(&db, &s.orga, person).await.unwrap();
    assert_eq!(export["participant"]["display_name"], "Ayşe");
    assert_eq!(export["proposals"][0]["title"], "Sprachcafé");
    assert_eq!(export["proposals"][0]["revisions"].as_array().unwrap().len(), 1);
    app::participants::service::delete_participant(&db, &s.live, &s.orga, person).await.unwrap();
    let board = app::board::service::moderator_board(&db, &s.orga, s.ws).await.unwrap();
    assert_eq!(board.proposals[0].id, p.id, "the proposal stays");
    assert_eq!(board.proposals[0].author, Author::Deleted);
    assert_eq!(board.participants, 0);
    let export = app::participants::service::export_participant(&db, &s.orga, person).await.unwrap();
    assert!(export["participant"]["display_name"].is_null());
    let err = resolve(&db, &s.code, Some(&ayse)).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden, "the old cookie no longer works");
    // The action field of a proposal cannot be deleted from the process.
    let err = processes::service::delete_action_field(&db, &s.orga, s.fields[0]).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "action-field-has-proposals"));
    processes::service::delete_action_field(&db, &s.orga, s.fields[1]).await.unwrap();
});

/// A participant page's frame: `event: page` with its version and operations.
fn page_frame(frame: &[u8]) -> serde_json::Value {
    let text = String::from_utf8_lossy(frame);
    assert!(text.starts_with("event: page\n"), "{text}");
    let data = text.lines().find_map(|l| l.strip_prefix("data: ")).unwrap();
    serde_json::from_str(data).unwrap()
}

db_test!(participant_pages_get_every_change_as_fragments_in_their_language, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let ayse = join(&db, &s, "Ayşe").await;
    let (de, en) = (Lang::parse("de").unwrap(), Lang::parse("en").unwrap());
    let mut german = s.live.subscribe(s.ws.0, Audience::Page(de));
    let mut english = s.live.subscribe(s.ws.0, Audience::Page(en));
    let mut staff_view = s.live.subscribe(s.ws.0, Audience::Data);
    assert_eq!(german.version, s.live.version(s.ws.0), "the stream starts where a snapshot read now would");

    let form = proposal(s.fields[0], "Sprachcafé <im> Stadtteil");
    let p = app::proposals::service::submit(
        &app::server::Writer::start(db.clone()),
        &s.live,
        &who(&db, &s.code, &ayse).await,
        &form,
    )
    .await
    .unwrap();
    let (de_frame, en_frame) =
        (page_frame(&german.frames.recv().await.unwrap()), page_frame(&english.frames.recv().await.unwrap()));
    assert_eq!(de_frame["v"], en_frame["v"], "one change, one version, whatever the language");
    assert_ne!(de_frame["v"].as_str().unwrap(), german.version);
    assert_eq!(de_frame["v"].as_str().unwrap(), s.live.version(s.ws.0));
    let put = &de_frame["ops"][0];
    assert_eq!(put[0], "put");
    assert_eq!(put[1], format!("p-{}", p.id));
    assert_eq!(put[3], format!("list-{}", s.fields[0]));
    let card = put[2].as_str().unwrap();
    assert!(card.starts_with(&format!("<li id=\"p-{}\"", p.id)), "{card}");
    assert!(card.contains("Sprachcafé &lt;im&gt; Stadtteil"), "user text is escaped: {card}");
    assert!(card.contains(">Melden</a>") && !card.contains("<!"), "{card}");
    assert!(!card.contains("data-mine"), "the fragment is the same for everybody: nobody's own card");
    assert!(en_frame["ops"][0][2].as_str().unwrap().contains(">Report</a>"));
    let counts = de_frame["ops"].to_string();
    assert!(counts.contains(&format!("[\"text\",\"count-{}\",\"(1)\"]", s.fields[0])), "{counts}");
    assert!(!counts.contains(&s.fields[1].to_string()), "the other field's count did not change: {counts}");
    assert!(de_frame["ops"].to_string().contains("1 Vorschlag"));
    assert!(en_frame["ops"].to_string().contains("1 proposal"));
    assert!(matches!(event(staff_view.frames.recv().await.unwrap()).unwrap(), LiveEvent::Upsert { .. }));

    app::proposals::service::withdraw_own(&db, &s.live, &who(&db, &s.code, &ayse).await, p.id).await.unwrap();
    let frame = page_frame(&german.frames.recv().await.unwrap());
    assert_eq!(frame["ops"][0], serde_json::json!(["del", format!("p-{}", p.id)]));
    assert!(frame["ops"].to_string().contains("0 Vorschläge"));
    assert!(frame["ops"].to_string().contains(&format!("[\"hide\",\"empty-{}\",false]", s.fields[0])));

    service::set_state(&db, &s.live, &s.orga, s.ws, WorkshopState::Collecting, WorkshopState::Clustering)
        .await
        .unwrap();
    let frame = page_frame(&german.frames.recv().await.unwrap());
    assert_eq!(frame["ops"], serde_json::json!([["reload"]]), "a new state: the page loads its snapshot");

    // The snapshot names the version it shows.
    match app::board::service::entry(&db, &s.live, &s.code, Some(&ayse)).await.unwrap() {
        Entry::Joined { board, .. } => assert_eq!(board.version, s.live.version(s.ws.0)),
        other => panic!("expected the board, got {other:?}"),
    }
});

db_test!(
    a_workshop_takes_as_many_participants_as_it_allows_and_names_the_number,
    |db: DatabaseConnection| async move {
        let s = setup(&db, WorkshopState::Collecting).await;
        let input = WorkshopInput::parse("Workshop Bildung", "", "in_person", "VHS", "")
            .unwrap()
            .with_max_participants("2")
            .unwrap();
        service::update(&db, &s.orga, s.ws, &input, &[], &[]).await.unwrap();
        assert_eq!(service::admin_view(&db, &s.orga, s.ws, "").await.unwrap().info.max_participants, 2);
        join(&db, &s, "Ayşe").await;
        join(&db, &s, "Jonas").await;
        let err = app::participants::service::join(&db, &s.live, &s.code, &join_input("Mira")).await.unwrap_err();
        assert_eq!(err, AppError::Conflict(app::error::Msg::new("join-full").arg("max", 2)));
        let count = app::server::entities::participants::Entity::find()
            .filter(app::server::entities::participants::Column::WorkshopId.eq(s.ws.0))
            .all(&db)
            .await
            .unwrap()
            .len();
        assert_eq!(count, 2, "nobody beyond the cap was written");
        // Joins at once cannot pass the cap together.
        let input = input.with_max_participants("5").unwrap();
        service::update(&db, &s.orga, s.ws, &input, &[], &[]).await.unwrap();
        let x = join_input("X");
        let many = (0..8).map(|_| app::participants::service::join(&db, &s.live, &s.code, &x));
        let joined = futures::future::join_all(many).await.into_iter().filter(Result::is_ok).count();
        assert_eq!(joined, 3);
        // Out of range or not a number: named at the field.
        for bad in ["0", "20001", "viele", "-3"] {
            let err =
                WorkshopInput::parse("W", "", "in_person", "", "").unwrap().with_max_participants(bad).unwrap_err();
            assert!(err.field("max_participants").is_some_and(|m| m.key == "field-number"), "{bad}");
        }
        let default = WorkshopInput::parse("W", "", "in_person", "", "").unwrap().with_max_participants("").unwrap();
        assert_eq!(default.max_participants, app::workshops::types::PARTICIPANTS_DEFAULT);
    }
);

db_test!(joining_again_keeps_the_participant_and_their_limits, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let token = join(&db, &s, "Ayşe").await;
    let first = who(&db, &s.code, &token).await.record.id;
    let (again, id) =
        app::participants::service::join_keeping(&db, &s.live, &s.code, &join_input("Ayşe"), Some(&token))
            .await
            .unwrap();
    assert_eq!((again.as_str(), id.0), (token.as_str(), first), "the same token, the same participant");
    // A token of no participant of this workshop makes a new one.
    let (fresh, other) =
        app::participants::service::join_keeping(&db, &s.live, &s.code, &join_input("Jonas"), Some("unbekannt"))
            .await
            .unwrap();
    assert_ne!(fresh, token);
    assert_ne!(other.0, first);
});

db_test!(boards_share_one_snapshot_per_version_and_keep_each_viewers_own, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let ayse = join(&db, &s, "Ayşe").await;
    let jonas = join(&db, &s, "Jonas").await;
    let writer = app::server::Writer::start(db.clone());
    let submit = |token: String, title: &'static str| {
        let (db, writer, s) = (&db, &writer, &s);
        async move {
            app::proposals::service::submit(
                writer,
                &s.live,
                &who(db, &s.code, &token).await,
                &proposal(s.fields[0], title),
            )
            .await
            .unwrap()
        }
    };
    let hers = submit(ayse.clone(), "Lehrer fortbilden").await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let his = submit(jonas.clone(), "Sprachcafé").await;
    app::proposals::service::hide(&db, &s.live, &s.orga, hers.id, "Bitte sachlich bleiben").await.unwrap();
    let board = |token: String| {
        let (db, s) = (&db, &s);
        async move {
            match app::board::service::entry(db, &s.live, &s.code, Some(&token)).await.unwrap() {
                Entry::Joined { board, .. } => board,
                other => panic!("expected the board, got {other:?}"),
            }
        }
    };
    let truth = |token: String| {
        let (db, s) = (&db, &s);
        async move { app::board::service::participant_board(db, &who(db, &s.code, &token).await).await.unwrap() }
    };

    // Each sees what they would see read alone: Jonas his card, Ayşe both, hers hidden with
    // the reason, and nobody's own card marked for the other.
    let read_at = std::time::Instant::now();
    let (for_jonas, for_ayse) = (board(jonas.clone()).await, board(ayse.clone()).await);
    assert_eq!(for_jonas.proposals, truth(jonas.clone()).await.proposals);
    assert_eq!(for_ayse.proposals, truth(ayse.clone()).await.proposals);
    assert_eq!(for_jonas.proposals.iter().map(|p| (p.id, p.mine)).collect::<Vec<_>>(), vec![(his.id, true)]);
    assert_eq!(
        for_ayse.proposals.iter().map(|p| (p.id, p.mine, p.status)).collect::<Vec<_>>(),
        vec![(his.id, false, ProposalStatus::Visible), (hers.id, true, ProposalStatus::Hidden)]
    );
    assert_eq!(for_ayse.proposals[1].hidden_reason.as_deref(), Some("Bitte sachlich bleiben"));
    assert_eq!(for_ayse.participants, 2);
    assert_eq!(for_ayse.version, s.live.version(s.ws.0));

    // Within the version, what everybody sees was read once: a write the hub was not told
    // of does not show yet ...
    proposals::Entity::update_many()
        .col_expr(proposals::Column::Title, Expr::value("Still geändert"))
        .filter(proposals::Column::Id.eq(his.id.0))
        .exec(&db)
        .await
        .unwrap();
    let seen = board(ayse.clone()).await.proposals[0].title.clone();
    if read_at.elapsed() < app::server::live::SNAPSHOT_TTL {
        assert_eq!(seen, "Sprachcafé");
    }
    // ... but the viewer's own cards are always read for them ...
    assert_eq!(board(jonas.clone()).await.proposals[0].title, "Still geändert");
    // ... and the next change, here the restore, is a new version read anew.
    app::proposals::service::restore(&db, &s.live, &s.orga, hers.id).await.unwrap();
    let for_jonas = board(jonas.clone()).await;
    assert_eq!(for_jonas.proposals, truth(jonas.clone()).await.proposals);
    assert_eq!(
        for_jonas.proposals.iter().map(|p| (p.title.as_str(), p.mine)).collect::<Vec<_>>(),
        vec![("Still geändert", true), ("Lehrer fortbilden", false)]
    );
    assert_eq!(board(ayse.clone()).await.proposals, truth(ayse).await.proposals);
    // A card withdrawn after the snapshot was read is gone for its author at once.
    proposals::Entity::update_many()
        .col_expr(proposals::Column::Status, Expr::value("withdrawn"))
        .filter(proposals::Column::Id.eq(his.id.0))
        .exec(&db)
        .await
        .unwrap();
    let ids: Vec<_> = board(jonas.clone()).await.proposals.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![hers.id]);
});

db_test!(submissions_at_once_through_two_instances_keep_the_rate_limit, |db: DatabaseConnection| async move {
    let s = setup(&db, WorkshopState::Collecting).await;
    let token = join(&db, &s, "Eifrig").await;
    let me = who(&db, &s.code, &token).await;
    // Two hubs, as two processes have: their orders do not know of each other, so only the
    // database keeps the checks and the writes in step.
    let (writer, other) = (app::server::Writer::start(db.clone()), std::sync::Arc::new(LiveHub::default()));
    let forms: Vec<ProposalForm> = (0..16).map(|i| proposal(s.fields[0], &format!("Idee {i}"))).collect();
    let results = futures::future::join_all(forms.iter().enumerate().map(|(i, form)| {
        let hub = if i % 2 == 0 { &s.live } else { &other };
        app::proposals::service::submit(&writer, hub, &me, form)
    }))
    .await;
    let taken = results.iter().filter(|r| r.is_ok()).count();
    let refused = results.iter().filter(|r| matches!(r, Err(AppError::RateLimited { .. }))).count();
    assert_eq!((taken, refused), (10, 6), "{results:?}");
    let stored =
        proposals::Entity::find().filter(proposals::Column::WorkshopId.eq(s.ws.0)).all(&db).await.unwrap().len();
    assert_eq!(stored, 10);
});
