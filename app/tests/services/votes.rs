//! Votes: every method, every refusal, the lock after the first ballot, changing and
//! abstaining, paper dots, the timer, the frozen result, secrecy, concurrency, permissions.

use std::collections::BTreeMap;

use app::{
    auth::types::{Actor, Role},
    error::AppError,
    i18n::Lang,
    participants::service::{Participant, resolve},
    processes::{
        self,
        types::{ActionFieldInput, ProcessInput},
    },
    server::{LiveHub, Writer, live::Audience},
    votes::{
        ballots, service,
        tally::{self, Method},
        types::{RoundForm, RoundId, RoundState, form_key, option_field},
    },
    workshops::{
        self,
        types::{JoinInput, ProposalForm, WorkshopId, WorkshopInput, WorkshopState},
    },
};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::support::staff;

struct Room {
    orga: Actor,
    ws: WorkshopId,
    code: String,
    live: std::sync::Arc<LiveHub>,
    writer: Writer,
    people: Vec<Participant>,
    /// Option ids: one cluster of two proposals, then three loose proposals.
    options: Vec<String>,
}

/// A workshop in state voting: one cluster and three loose proposals, `n` participants.
async fn room(db: &DatabaseConnection, n: usize) -> Room {
    let orga = staff(db, Role::Organizer).await;
    let process = processes::service::create(db, &orga, Lang::default(), &ProcessInput::parse("P", "K", "").unwrap())
        .await
        .unwrap();
    let field =
        processes::service::add_action_field(db, &orga, process, &ActionFieldInput::parse("Bildung", "").unwrap())
            .await
            .unwrap();
    let input = WorkshopInput::parse("W", "", "in_person", "", "").unwrap();
    let ws = workshops::service::create(db, &orga, process, &input, &[], &[]).await.unwrap();
    let live = std::sync::Arc::new(LiveHub::default());
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    let code = workshops::service::admin_view(db, &orga, ws, "").await.unwrap().info.join_code;
    let mut people = Vec::new();
    for _ in 0..n.max(1) {
        let (token, _) =
            app::participants::service::join(db, &live, &code, &JoinInput::parse("", "", "", true).unwrap())
                .await
                .unwrap();
        people.push(resolve(db, &code, Some(&token)).await.unwrap());
    }
    let mut cards = Vec::new();
    for title in ["Sprachcafé", "Sprachcafé im Stadtteil", "Anonyme Bewerbungen", "Beratungsstelle", "Straßenfest"] {
        let form = ProposalForm { action_field: field.to_string(), title: title.into(), ..ProposalForm::default() };
        cards.push(
            app::proposals::service::submit(&app::server::Writer::start(db.clone()), &live, &people[0], &form)
                .await
                .unwrap()
                .id,
        );
    }
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Collecting, WorkshopState::Clustering)
        .await
        .unwrap();
    let text = app::clustering::types::ClusterText::parse("Sprachcafés", "").unwrap();
    let clustering =
        app::clustering::service::create(db, &live, &orga, ws, 0, &cards[..2], &text, false).await.unwrap();
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Clustering, WorkshopState::Voting)
        .await
        .unwrap();
    let mut options = vec![clustering.clusters[0].id.to_string()];
    options.extend(cards[2..].iter().map(ToString::to_string));
    Room { orga, ws, code, live, writer: Writer::start(db.clone()), people, options }
}

fn round_form(method: &str, options: &[String]) -> RoundForm {
    RoundForm {
        title: format!("Runde {method}"),
        method: method.into(),
        pick: options.iter().map(|o| (form_key(o), "on".to_owned())).collect(),
        ..RoundForm::default()
    }
}

async fn open_round(db: &DatabaseConnection, r: &Room, form: &RoundForm) -> RoundId {
    let id = service::create(db, &r.live, &r.orga, r.ws, form).await.unwrap();
    service::open(db, &r.live, &r.orga, id).await.unwrap();
    id
}

/// A ballot as the page shows it saved (by option id).
fn ballot(pairs: &[(&String, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).clone(), (*v).to_owned())).collect()
}

/// A ballot as its form posts it (`ballot[o<id>]`).
fn posted(pairs: &[(&String, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (form_key(k), (*v).to_owned())).collect()
}

async fn cast(
    r: &Room,
    who: usize,
    round: RoundId,
    pairs: &[(&String, &str)],
) -> Result<BTreeMap<String, String>, AppError> {
    ballots::cast(&r.writer, &r.live, &r.people[who], round, &posted(pairs), false).await
}

fn field_key(e: &AppError, field: &str) -> Option<String> {
    e.field(field).map(|m| m.key)
}

db_test!(
    a_dot_vote_counts_changed_ballots_abstentions_and_paper_dots_and_freezes,
    |db: DatabaseConnection| async move {
        let r = room(&db, 4).await;
        let o = &r.options;
        let id = open_round(&db, &r, &round_form("dots", o)).await;
        assert_eq!(
            cast(&r, 0, id, &[(&o[0], "3"), (&o[1], "2")]).await.unwrap(),
            ballot(&[(&o[0], "3"), (&o[1], "2")])
        );
        cast(&r, 1, id, &[(&o[1], "3")]).await.unwrap();
        // A changed ballot replaces the first: the last one counts.
        cast(&r, 1, id, &[(&o[2], "1")]).await.unwrap();
        ballots::cast(&r.writer, &r.live, &r.people[2], id, &BTreeMap::new(), true).await.unwrap();
        let page = ballots::page(&db, &r.people[1]).await.unwrap();
        assert_eq!(page.saved, Some(ballot(&[(&o[2], "1")])), "the phone shows the ballot as saved");
        assert!(ballots::page(&db, &r.people[2]).await.unwrap().abstained);
        let paper: BTreeMap<String, String> = [(form_key(&o[3]), "4".to_owned())].into();
        service::set_paper(&db, &r.live, &r.orga, id, &paper).await.unwrap();
        let result = service::close(&db, &r.live, &r.orga, id).await.unwrap();
        let totals = result.tally.totals.clone().unwrap();
        assert_eq!((totals[&o[0]], totals[&o[1]], totals[&o[2]], totals[&o[3]]), (3, 2, 1, 4));
        assert_eq!(result.tally.paper.as_ref().unwrap()[&o[3]], 4);
        assert_eq!(result.tally.online.as_ref().unwrap()[&o[3]], 0);
        assert_eq!(result.tally.ballots, 3, "three ballots, one of them an abstention");
        assert_eq!(result.eligible, 4);
        assert_eq!(result.tally.ranking[0], vec![o[3].clone()]);
        assert_eq!(result.options[0].title, "Sprachcafés");
        // Frozen: no more ballots, no paper, no reopening; the kept result is the one computed.
        let late = cast(&r, 3, id, &[(&o[0], "1")]).await.unwrap_err();
        assert!(matches!(&late, AppError::Conflict(m) if m.key == "vote-closed"), "{late:?}");
        assert!(matches!(service::set_paper(&db, &r.live, &r.orga, id, &paper).await, Err(AppError::Conflict(_))));
        assert!(matches!(service::open(&db, &r.live, &r.orga, id).await, Err(AppError::Conflict(_))));
        assert!(matches!(service::close(&db, &r.live, &r.orga, id).await, Err(AppError::Conflict(_))));
        let shown = service::screen(&db, &r.orga, r.ws).await.unwrap().unwrap();
        assert_eq!(shown.state, RoundState::Closed);
        assert_eq!(shown.result.map(|f| f.tally), Some(result.tally.clone()));
        // The anonymous file recounts to the same result.
        let file = service::ballot_file(&db, &r.orga, id).await.unwrap();
        let recount = tally::recount(&serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(recount, result.tally);
    }
);

db_test!(every_broken_rule_is_refused_next_to_its_field_with_its_limit, |db: DatabaseConnection| async move {
    let r = room(&db, 2).await;
    let o = &r.options;
    let dots = open_round(&db, &r, &round_form("dots", o)).await;
    let e = cast(&r, 0, dots, &[(&o[0], "4")]).await.unwrap_err();
    assert_eq!(field_key(&e, &option_field(&o[0])).as_deref(), Some("ballot-too-many-on-one"));
    assert_eq!(e.field(&option_field(&o[0])).unwrap().args, vec![("max".to_owned(), "3".to_owned())]);
    let e = cast(&r, 0, dots, &[(&o[0], "3"), (&o[1], "3")]).await.unwrap_err();
    assert_eq!(field_key(&e, "ballot").as_deref(), Some("ballot-too-many-dots"));
    let stranger = uuid::Uuid::new_v4().to_string();
    let e = cast(&r, 0, dots, &[(&stranger, "1")]).await.unwrap_err();
    assert_eq!(field_key(&e, &option_field(&stranger)).as_deref(), Some("ballot-unknown-option"));
    let e = cast(&r, 0, dots, &[(&o[0], "zwei")]).await.unwrap_err();
    assert!(e.field(&option_field(&o[0])).is_some());
    assert_eq!(service::screen(&db, &r.orga, r.ws).await.unwrap().unwrap().cast, 0, "nothing was stored");
    service::close(&db, &r.live, &r.orga, dots).await.unwrap();

    let approval = open_round(&db, &r, &RoundForm { max: "2".into(), ..round_form("approval", o) }).await;
    let e = cast(&r, 0, approval, &[(&o[0], "on"), (&o[1], "on"), (&o[2], "on")]).await.unwrap_err();
    assert_eq!(field_key(&e, "ballot").as_deref(), Some("ballot-too-many-approvals"));
    service::close(&db, &r.live, &r.orga, approval).await.unwrap();

    let score = open_round(&db, &r, &round_form("score", o)).await;
    let e = cast(&r, 0, score, &[(&o[0], "6")]).await.unwrap_err();
    assert_eq!(field_key(&e, &option_field(&o[0])).as_deref(), Some("ballot-score-range"));
    cast(&r, 0, score, &[(&o[0], "5"), (&o[1], "0")]).await.unwrap();
    cast(&r, 1, score, &[(&o[0], "4")]).await.unwrap();
    let result = service::close(&db, &r.live, &r.orga, score).await.unwrap();
    assert_eq!(result.tally.means.as_ref().unwrap()[&o[0]], Some(4.5));
    assert_eq!(result.tally.counts.as_ref().unwrap()[&o[1]], 1);
    assert_eq!(result.tally.counts.as_ref().unwrap()[&o[2]], 0, "left out is not scored");

    let ranking = open_round(&db, &r, &round_form("ranking", o)).await;
    let e = cast(&r, 0, ranking, &[(&o[0], "1"), (&o[1], "1")]).await.unwrap_err();
    assert!(matches!(e, AppError::Invalid(_)));
    cast(&r, 0, ranking, &[(&o[2], "1"), (&o[0], "2")]).await.unwrap();
    cast(&r, 1, ranking, &[(&o[2], "1")]).await.unwrap();
    let result = service::close(&db, &r.live, &r.orga, ranking).await.unwrap();
    assert_eq!(result.tally.ranking[0], vec![o[2].clone()]);
    let pairwise = result.tally.pairwise.unwrap();
    assert_eq!(pairwise[&o[2]][&o[0]], 2);
    assert_eq!(pairwise[&o[0]][&o[1]], 1, "ranked above unranked");
    assert_eq!(pairwise[&o[1]][&o[3]], 0, "unranked options tie");
});

db_test!(the_first_ballot_locks_method_settings_and_options, |db: DatabaseConnection| async move {
    let r = room(&db, 1).await;
    let o = &r.options;
    let id = open_round(&db, &r, &round_form("dots", o)).await;
    // Before any ballot the moderator may still change it (here: only three options).
    service::update(&db, &r.live, &r.orga, id, &round_form("dots", &o[..3])).await.unwrap();
    cast(&r, 0, id, &[(&o[0], "1")]).await.unwrap();
    let e = service::update(&db, &r.live, &r.orga, id, &round_form("approval", o)).await.unwrap_err();
    assert!(matches!(&e, AppError::Conflict(m) if m.key == "vote-locked"), "{e:?}");
    let view = service::screen(&db, &r.orga, r.ws).await.unwrap().unwrap();
    assert!(view.locked);
    assert_eq!((view.method, view.options.len()), (Method::Dots, 3));
    // A ballot refused for breaking a rule does not lock a fresh round.
    service::close(&db, &r.live, &r.orga, id).await.unwrap();
    let next = open_round(&db, &r, &round_form("dots", o)).await;
    assert!(cast(&r, 0, next, &[(&o[0], "9")]).await.is_err());
    service::update(&db, &r.live, &r.orga, next, &round_form("score", o)).await.unwrap();
});

db_test!(
    rounds_open_one_at_a_time_only_while_voting_and_refuse_ballots_before_and_after,
    |db: DatabaseConnection| async move {
        let r = room(&db, 1).await;
        let o = &r.options;
        let first = service::create(&db, &r.live, &r.orga, r.ws, &round_form("dots", o)).await.unwrap();
        let e = cast(&r, 0, first, &[(&o[0], "1")]).await.unwrap_err();
        assert!(matches!(&e, AppError::Conflict(m) if m.key == "vote-not-open-yet"), "{e:?}");
        service::open(&db, &r.live, &r.orga, first).await.unwrap();
        let second = service::create(&db, &r.live, &r.orga, r.ws, &round_form("approval", o)).await.unwrap();
        let e = service::open(&db, &r.live, &r.orga, second).await.unwrap_err();
        assert!(matches!(&e, AppError::Conflict(m) if m.key == "vote-one-open"), "{e:?}");
        service::close(&db, &r.live, &r.orga, first).await.unwrap();
        service::open(&db, &r.live, &r.orga, second).await.unwrap();
        // A round of another workshop is not found with this workshop's participant.
        let other = room(&db, 1).await;
        let theirs = open_round(&db, &other, &round_form("dots", &other.options)).await;
        let e = ballots::cast(&r.writer, &r.live, &r.people[0], theirs, &BTreeMap::new(), true).await.unwrap_err();
        assert_eq!(e, AppError::NotFound);
        // The token of another workshop is no participant here.
        let token_elsewhere = resolve(&db, &other.code, None).await.unwrap_err();
        assert_eq!(token_elsewhere, AppError::Unauthenticated);
        // Out of voting: no opening.
        service::close(&db, &r.live, &r.orga, second).await.unwrap();
        let third = service::create(&db, &r.live, &r.orga, r.ws, &round_form("dots", o)).await.unwrap();
        workshops::service::set_state(&db, &r.live, &r.orga, r.ws, WorkshopState::Voting, WorkshopState::Closed)
            .await
            .unwrap();
        let e = service::open(&db, &r.live, &r.orga, third).await.unwrap_err();
        assert!(matches!(&e, AppError::Conflict(m) if m.key == "vote-not-voting"), "{e:?}");
        let bad = RoundForm { title: String::new(), ..round_form("dots", &o[..1]) };
        assert!(matches!(
            service::create(&db, &r.live, &r.orga, r.ws, &bad).await,
            Err(AppError::Conflict(_) | AppError::Invalid(_))
        ));
    }
);

db_test!(a_timed_round_refuses_late_ballots_and_closes_when_the_timer_ends, |db: DatabaseConnection| async move {
    let r = room(&db, 2).await;
    let o = &r.options;
    let id = open_round(&db, &r, &RoundForm { minutes: "2".into(), ..round_form("dots", o) }).await;
    let view = service::screen(&db, &r.orga, r.ws).await.unwrap().unwrap();
    assert!(view.remaining_secs.is_some_and(|s| (110..=120).contains(&s)), "{:?}", view.remaining_secs);
    cast(&r, 0, id, &[(&o[0], "2")]).await.unwrap();
    assert_eq!(service::close_due(&db, &r.live).await.unwrap(), 0, "not due yet");
    // The timer runs out.
    let past = chrono::Utc::now() - chrono::Duration::seconds(1);
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "UPDATE vote_rounds SET ends_at = $1 WHERE id = $2",
        _ => "UPDATE vote_rounds SET ends_at = ? WHERE id = ?",
    };
    db.execute_raw(Statement::from_sql_and_values(backend, sql, [past.into(), id.0.into()])).await.unwrap();
    let e = cast(&r, 1, id, &[(&o[0], "1")]).await.unwrap_err();
    assert!(matches!(&e, AppError::Conflict(m) if m.key == "vote-closed"), "{e:?}");
    assert_eq!(service::close_due(&db, &r.live).await.unwrap(), 1);
    let view = service::screen(&db, &r.orga, r.ws).await.unwrap().unwrap();
    assert_eq!(view.state, RoundState::Closed);
    assert_eq!(view.result.unwrap().tally.totals.unwrap()[&o[0]], 2);
});

db_test!(no_query_or_export_links_a_ballot_to_a_participant, |db: DatabaseConnection| async move {
    let r = room(&db, 3).await;
    let o = &r.options;
    let id = open_round(&db, &r, &round_form("dots", o)).await;
    for (who, option) in o.iter().take(3).enumerate() {
        cast(&r, who, id, &[(option, "1")]).await.unwrap();
    }
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), "SELECT * FROM vote_ballots"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 3);
    let columns: Vec<String> = rows[0].column_names();
    assert_eq!(columns.len(), 3, "round, keyed hash, ballot: {columns:?}");
    let hashes: Vec<String> = rows.iter().map(|row| row.try_get::<String>("", "voter").unwrap()).collect();
    for p in &r.people {
        let id = p.record.id.to_string();
        assert!(hashes.iter().all(|h| !h.contains(&id) && !h.contains(&id.replace('-', ""))));
        assert!(hashes.iter().all(|h| h != &p.record.token_hash));
    }
    service::close(&db, &r.live, &r.orga, id).await.unwrap();
    let secret = <app::server::entities::vote_rounds::Entity as sea_orm::EntityTrait>::find_by_id(id.0)
        .one(&db)
        .await
        .unwrap()
        .map(|round| round.secret)
        .unwrap_or_else(|| "missing".into());
    assert_eq!(secret, "", "the key of the hashes is gone once the round closed");
    let file = serde_json::to_string(&service::ballot_file(&db, &r.orga, id).await.unwrap()).unwrap();
    for p in &r.people {
        assert!(!file.contains(&p.record.id.to_string()));
        assert!(!file.contains(&p.record.token_hash));
    }
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, vec!["ballots", "method", "options", "settings"]);
});

db_test!(concurrent_ballots_of_one_participant_count_once, |db: DatabaseConnection| async move {
    let r = std::sync::Arc::new(room(&db, 2).await);
    let o = r.options.clone();
    let id = open_round(&db, &r, &round_form("dots", &o)).await;
    let mut tasks = Vec::new();
    for n in 0..20 {
        let (r, o) = (r.clone(), o.clone());
        tasks.push(tokio::spawn(async move {
            let option = &o[n % o.len()];
            cast(&r, 0, id, &[(option, "1")]).await.map(|_| option.clone())
        }));
    }
    let mut acknowledged = Vec::new();
    for t in tasks {
        acknowledged.push(t.await.unwrap().unwrap());
    }
    cast(&r, 1, id, &[(&o[0], "3")]).await.unwrap();
    let result = service::close(&db, &r.live, &r.orga, id).await.unwrap();
    assert_eq!(result.tally.ballots, 2, "one ballot per participant");
    let totals = result.tally.totals.unwrap();
    assert_eq!(totals.values().sum::<u32>(), 4, "the first participant's one dot and the other's three");
});

db_test!(turnout_reaches_staff_views_coalesced_and_never_the_phones, |db: DatabaseConnection| async move {
    let r = std::sync::Arc::new(room(&db, 30).await);
    let o = r.options.clone();
    let id = open_round(&db, &r, &round_form("approval", &o)).await;
    let mut staff = r.live.subscribe(r.ws.0, Audience::Data);
    let mut phone = r.live.subscribe(r.ws.0, Audience::Page(Lang::default()));
    let mut tasks = Vec::new();
    for who in 0..30 {
        let (r, o) = (r.clone(), o.clone());
        tasks.push(tokio::spawn(async move { cast(&r, who, id, &[(&o[0], "on")]).await }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    tokio::time::sleep(app::server::live::COALESCE * 3).await;
    let mut frames = Vec::new();
    while let Ok(f) = staff.frames.try_recv() {
        frames.push(String::from_utf8(f.to_vec()).unwrap());
    }
    let turnout: Vec<&String> = frames.iter().filter(|f| f.contains("\"turnout\"")).collect();
    assert!(!turnout.is_empty() && turnout.len() <= 10, "{} turnout frames for 30 ballots", turnout.len());
    assert!(turnout.last().unwrap().contains("\"cast\":30"), "{turnout:?}");
    assert!(phone.frames.try_recv().is_err(), "phones get no turnout");
});

db_test!(only_the_workshops_moderators_run_its_votes, |db: DatabaseConnection| async move {
    let r = room(&db, 1).await;
    let o = &r.options;
    let id = open_round(&db, &r, &round_form("dots", o)).await;
    let stranger = staff(&db, Role::Moderator).await;
    let paper = BTreeMap::new();
    for actor in [&stranger, &Actor::Anonymous] {
        let expected = if matches!(actor, Actor::Anonymous) { AppError::Unauthenticated } else { AppError::Forbidden };
        assert_eq!(service::create(&db, &r.live, actor, r.ws, &round_form("dots", o)).await.unwrap_err(), expected);
        assert_eq!(service::admin(&db, actor, r.ws).await.unwrap_err(), expected);
        assert_eq!(service::screen(&db, actor, r.ws).await.unwrap_err(), expected);
        assert_eq!(service::set_paper(&db, &r.live, actor, id, &paper).await.unwrap_err(), expected);
        assert_eq!(service::close(&db, &r.live, actor, id).await.unwrap_err(), expected);
        assert_eq!(service::ballot_file(&db, actor, id).await.unwrap_err(), expected);
        assert_eq!(service::update(&db, &r.live, actor, id, &round_form("dots", o)).await.unwrap_err(), expected);
    }
    // Paper dots only where dots are stuck on paper.
    service::close(&db, &r.live, &r.orga, id).await.unwrap();
    let score = open_round(&db, &r, &round_form("score", o)).await;
    let paper: BTreeMap<String, String> = [(form_key(&o[0]), "2".to_owned())].into();
    assert!(matches!(service::set_paper(&db, &r.live, &r.orga, score, &paper).await, Err(AppError::Conflict(_))));
    assert!(matches!(service::ballot_file(&db, &r.orga, score).await, Err(AppError::Conflict(_))), "not before close");
});
