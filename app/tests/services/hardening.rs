//! Hardening: status changes of proposals are compare-and-set (a stale withdraw, hide or restore
//! is told and changes nothing, publishes nothing), and deleting a participant empties what
//! they wrote besides their proposals' current text.

use app::participants::service::{Participant, delete_participant, join, resolve};
use app::proposals::service::{hide, report, restore, submit, update_own, withdraw_own};
use app::{
    auth::types::{Actor, Role},
    error::AppError,
    i18n::Lang,
    processes::{
        self,
        types::{ActionFieldId, ActionFieldInput, ProcessInput},
    },
    server::{
        LiveHub, Writer,
        entities::{participants, proposal_reports, proposal_revisions, proposals},
        live::{Audience, WINDOW},
    },
    workshops::{
        service,
        types::{
            Author, BoardProposal, JoinInput, LiveEvent, ParticipantId, ProposalForm, ProposalId, WorkshopId,
            WorkshopInput, WorkshopState,
        },
    },
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::support::staff;

struct Setup {
    orga: Actor,
    field: ActionFieldId,
    ws: WorkshopId,
    code: String,
    live: std::sync::Arc<LiveHub>,
}

/// A collecting workshop on one action field.
async fn setup(db: &DatabaseConnection) -> Setup {
    let orga = staff(db, Role::Organizer).await;
    let input = ProcessInput::parse("Handlungskonzept", "Krefeld", "").unwrap();
    let process = processes::service::create(db, &orga, Lang::default(), &input).await.unwrap();
    let input = ActionFieldInput::parse("Bildung", "").unwrap();
    let field = processes::service::add_action_field(db, &orga, process, &input).await.unwrap();
    let input = WorkshopInput::parse("Workshop Bildung", "2026-03-05T18:00", "in_person", "VHS", "").unwrap();
    let ws = service::create(db, &orga, process, &input, &[], &[]).await.unwrap();
    let live = std::sync::Arc::new(LiveHub::default());
    service::set_state(db, &live, &orga, ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    let code = service::admin_view(db, &orga, ws, "http://x").await.unwrap().info.join_code;
    Setup { orga, field, ws, code, live }
}

/// Joins a participant: their cookie token and their id.
async fn enter(db: &DatabaseConnection, s: &Setup, name: &str) -> (String, ParticipantId) {
    let input = JoinInput::parse(name, "Verein Vielfalt", "association", true).unwrap();
    join(db, &s.live, &s.code, &input).await.unwrap()
}

async fn who(db: &DatabaseConnection, s: &Setup, token: &str) -> Participant {
    resolve(db, &s.code, Some(token)).await.unwrap()
}

fn form(s: &Setup, title: &str) -> ProposalForm {
    ProposalForm {
        action_field: s.field.to_string(),
        title: title.into(),
        description: format!("{title}: so geht es"),
        goal: format!("{title}: das Ziel"),
        ..ProposalForm::default()
    }
}

async fn propose(db: &DatabaseConnection, s: &Setup, token: &str, title: &str) -> BoardProposal {
    submit(&Writer::start(db.clone()), &s.live, &who(db, s, token).await, &form(s, title)).await.unwrap()
}

async fn stored(db: &DatabaseConnection, id: ProposalId) -> proposals::Model {
    proposals::Entity::find_by_id(id.0).one(db).await.unwrap().unwrap()
}

async fn proposal_count(db: &DatabaseConnection, id: ParticipantId) -> i32 {
    participants::Entity::find_by_id(id.0).one(db).await.unwrap().unwrap().proposal_count
}

async fn revisions(db: &DatabaseConnection, id: ProposalId) -> Vec<proposal_revisions::Model> {
    proposal_revisions::Entity::find()
        .filter(proposal_revisions::Column::ProposalId.eq(id.0))
        .order_by_asc(proposal_revisions::Column::Number)
        .all(db)
        .await
        .unwrap()
}

async fn report_reason(db: &DatabaseConnection, proposal: ProposalId, by: ParticipantId) -> String {
    proposal_reports::Entity::find()
        .filter(proposal_reports::Column::ProposalId.eq(proposal.0))
        .filter(proposal_reports::Column::ParticipantId.eq(by.0))
        .one(db)
        .await
        .unwrap()
        .expect("the report row stays")
        .reason
}

/// A staff view's live events, one at a time: a frame may hold several (those of one window).
struct Events {
    frames: tokio::sync::broadcast::Receiver<axum::body::Bytes>,
    queue: std::collections::VecDeque<LiveEvent>,
}

impl Events {
    fn of(s: &Setup) -> Self {
        Self { frames: s.live.subscribe(s.ws.0, Audience::Data).frames, queue: Default::default() }
    }

    async fn next(&mut self) -> LiveEvent {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return event;
            }
            let frame = self.frames.recv().await.unwrap();
            for event in String::from_utf8_lossy(&frame).split("\n\n").filter(|e| !e.trim().is_empty()) {
                self.queue.push_back(serde_json::from_str(event.trim().trim_start_matches("data: ")).unwrap());
            }
        }
    }

    /// Nothing was published (once the window a change would wait in has ended).
    async fn none(&mut self) -> bool {
        tokio::time::sleep(WINDOW * 3).await;
        self.queue.is_empty() && self.frames.try_recv().is_err()
    }
}

db_test!(withdraw_and_hide_at_once_leave_a_consistent_proposal_and_count, |db: DatabaseConnection| async move {
    let s = setup(&db).await;
    let (ayse, ayse_id) = enter(&db, &s, "Ayşe").await;
    let me = who(&db, &s, &ayse).await;
    // A hidden proposal may still be withdrawn by its author: its place is freed once.
    let p = propose(&db, &s, &ayse, "Sprachcafé").await;
    hide(&db, &s.live, &s.orga, p.id, "Bitte sachlich bleiben").await.unwrap();
    withdraw_own(&db, &s.live, &me, p.id).await.unwrap();
    assert_eq!(stored(&db, p.id).await.status, "withdrawn");
    assert_eq!(proposal_count(&db, ayse_id).await, 0);
    // The moderator who still saw it is told it is gone; nothing changes.
    let err = hide(&db, &s.live, &s.orga, p.id, "Nochmal").await.unwrap_err();
    assert_eq!(err, AppError::NotFound);
    assert_eq!(stored(&db, p.id).await.status, "withdrawn");

    // Sent at the same moment: whichever wins, the count matches the proposals that remain,
    // and a hidden one keeps its reason.
    for round in 0..8 {
        let q = propose(&db, &s, &ayse, &format!("Lesepaten {round}")).await;
        let me = who(&db, &s, &ayse).await;
        let (hid, withdrew) = futures::join!(
            hide(&db, &s.live, &s.orga, q.id, "Bitte sachlich bleiben"),
            withdraw_own(&db, &s.live, &me, q.id)
        );
        let row = stored(&db, q.id).await;
        match row.status.as_str() {
            "withdrawn" => assert!(withdrew.is_ok(), "round {round}: withdrawn by the withdraw"),
            "hidden" => {
                assert!(hid.is_ok() && withdrew.is_err(), "round {round}: {hid:?} {withdrew:?}");
                assert_eq!(row.hidden_reason.as_deref(), Some("Bitte sachlich bleiben"));
            }
            other => panic!("round {round}: {other}"),
        }
        let remaining = proposals::Entity::find()
            .filter(proposals::Column::ParticipantId.eq(ayse_id.0))
            .filter(proposals::Column::Status.ne("withdrawn"))
            .all(&db)
            .await
            .unwrap()
            .len();
        assert_eq!(usize::try_from(proposal_count(&db, ayse_id).await).unwrap(), remaining, "round {round}");
    }
});

db_test!(restoring_a_proposal_that_is_not_hidden_changes_nothing, |db: DatabaseConnection| async move {
    let s = setup(&db).await;
    let (ayse, _) = enter(&db, &s, "Ayşe").await;
    let p = propose(&db, &s, &ayse, "Sprachcafé").await;
    let visible = stored(&db, p.id).await;
    let mut events = Events::of(&s);
    let version = s.live.version(s.ws.0);

    let err = restore(&db, &s.live, &s.orga, p.id).await.unwrap_err();
    assert!(matches!(&err, AppError::Conflict(m) if m.key == "proposal-not-hidden"), "{err:?}");
    assert_eq!(stored(&db, p.id).await, visible);
    assert!(events.none().await);
    assert_eq!(s.live.version(s.ws.0), version);

    // A second moderator who still saw it hidden is told, and publishes nothing.
    hide(&db, &s.live, &s.orga, p.id, "Doppelt").await.unwrap();
    restore(&db, &s.live, &s.orga, p.id).await.unwrap();
    assert!(matches!(events.next().await, LiveEvent::Remove { .. }));
    assert!(matches!(events.next().await, LiveEvent::Upsert { .. }));
    let restored = stored(&db, p.id).await;
    assert_eq!((restored.status.as_str(), restored.hidden_reason.as_deref()), ("visible", None));
    let version = s.live.version(s.ws.0);
    let err = restore(&db, &s.live, &s.orga, p.id).await.unwrap_err();
    assert!(matches!(&err, AppError::Conflict(m) if m.key == "proposal-not-hidden"), "{err:?}");
    assert_eq!(stored(&db, p.id).await, restored);
    assert!(events.none().await);
    assert_eq!(s.live.version(s.ws.0), version);

    // A withdrawn proposal is gone for the moderation too, and stays withdrawn.
    withdraw_own(&db, &s.live, &who(&db, &s, &ayse).await, p.id).await.unwrap();
    assert_eq!(restore(&db, &s.live, &s.orga, p.id).await.unwrap_err(), AppError::NotFound);
    assert_eq!(stored(&db, p.id).await.status, "withdrawn");
});

db_test!(hiding_twice_keeps_the_first_reason_and_publishes_once, |db: DatabaseConnection| async move {
    let s = setup(&db).await;
    let (ayse, _) = enter(&db, &s, "Ayşe").await;
    let p = propose(&db, &s, &ayse, "Sprachcafé").await;
    let mut events = Events::of(&s);
    hide(&db, &s.live, &s.orga, p.id, "Bitte sachlich bleiben").await.unwrap();
    assert_eq!(events.next().await, LiveEvent::Remove { id: p.id, field: s.field });
    let hidden = stored(&db, p.id).await;
    let version = s.live.version(s.ws.0);

    let second = staff(&db, Role::Admin).await;
    let err = hide(&db, &s.live, &second, p.id, "Ein anderer Grund").await.unwrap_err();
    assert!(matches!(&err, AppError::Conflict(m) if m.key == "proposal-changed"), "{err:?}");
    let after = stored(&db, p.id).await;
    assert_eq!(after.hidden_reason.as_deref(), Some("Bitte sachlich bleiben"), "the first reason stays");
    assert_eq!(after, hidden);
    assert!(events.none().await, "the second hide publishes nothing");
    assert_eq!(s.live.version(s.ws.0), version);
});

db_test!(deleting_a_participant_empties_their_reports_and_versions_only, |db: DatabaseConnection| async move {
    let s = setup(&db).await;
    let (ayse, ayse_id) = enter(&db, &s, "Ayşe").await;
    let (jonas, jonas_id) = enter(&db, &s, "Jonas").await;
    let mine = propose(&db, &s, &ayse, "Sprachcafé").await;
    update_own(&db, &s.live, &who(&db, &s, &ayse).await, mine.id, &form(&s, "Sprachcafé für Eltern")).await.unwrap();
    let hidden = propose(&db, &s, &ayse, "Elterncafé").await;
    let theirs = propose(&db, &s, &jonas, "Lesepaten").await;
    update_own(&db, &s.live, &who(&db, &s, &jonas).await, theirs.id, &form(&s, "Lesepaten für Kitas")).await.unwrap();
    report(&db, &who(&db, &s, &ayse).await, theirs.id, "Steht schon auf dem Plan von Ayşe").await.unwrap();
    report(&db, &who(&db, &s, &jonas).await, mine.id, "doppelt").await.unwrap();
    hide(&db, &s.live, &s.orga, hidden.id, "Doppelt").await.unwrap();
    let (theirs_before, mine_before) = (revisions(&db, theirs.id).await, stored(&db, mine.id).await);
    let mut events = Events::of(&s);
    let mut page = s.live.subscribe(s.ws.0, Audience::Page(Lang::default())).frames;

    delete_participant(&db, &s.live, &s.orga, ayse_id).await.unwrap();

    assert_eq!(report_reason(&db, theirs.id, ayse_id).await, "", "the reason Ayşe gave is gone");
    assert_eq!(report_reason(&db, mine.id, jonas_id).await, "doppelt", "a report by someone else stays");
    for id in [mine.id, hidden.id] {
        let versions = revisions(&db, id).await;
        assert!(!versions.is_empty(), "the versions stay, numbered");
        for v in &versions {
            let texts = [&v.title, &v.description, &v.goal, &v.target_group, &v.partners, &v.timeframe];
            assert!(texts.iter().all(|t| t.is_empty()), "version {} still holds {texts:?}", v.number);
        }
    }
    assert_eq!(revisions(&db, mine.id).await.iter().map(|v| v.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(revisions(&db, theirs.id).await, theirs_before, "someone else's versions are untouched");
    assert_eq!(theirs_before[0].title, "Lesepaten");
    assert_eq!(stored(&db, mine.id).await, mine_before, "the proposal itself stays as it reads now");

    // Open boards show the proposals as from a deleted participant; pages reload once.
    let (mut upserted, mut removed) = (Vec::new(), Vec::new());
    for _ in 0..2 {
        match events.next().await {
            LiveEvent::Upsert { proposal } => upserted.push(*proposal),
            LiveEvent::Remove { id, .. } => removed.push(id),
            other => panic!("expected the proposals, got {other:?}"),
        }
    }
    assert_eq!(upserted.len(), 1);
    assert_eq!((upserted[0].id, &upserted[0].author, &upserted[0].organisation), (mine.id, &Author::Deleted, &None));
    assert_eq!(upserted[0].title, "Sprachcafé für Eltern");
    assert_eq!(removed, [hidden.id], "a hidden one: moderator boards load it again");
    assert_eq!(events.next().await, LiveEvent::Participants { count: 1 });
    tokio::time::sleep(WINDOW * 3).await;
    let mut frames = String::new();
    while let Ok(frame) = page.try_recv() {
        frames.push_str(&String::from_utf8_lossy(&frame));
    }
    assert_eq!(frames.matches("event: page").count(), 3, "{frames}");
    assert_eq!(frames.matches(r#"[["reload"]]"#).count(), 1, "{frames}");
    let board = app::board::service::moderator_board(&db, &s.orga, s.ws).await.unwrap();
    assert!(board.proposals.iter().filter(|p| p.id != theirs.id).all(|p| p.author == Author::Deleted));
});

db_test!(a_workshop_takes_at_most_its_number_of_proposals_and_names_it, |db: DatabaseConnection| async move {
    use app::workshops::types::PROPOSALS_PER_WORKSHOP;
    use sea_orm::{ActiveModelTrait, Set};
    let s = setup(&db).await;
    let (token, _) = enter(&db, &s, "Aylin").await;
    let first = propose(&db, &s, &token, "Sprachcafé im Stadtteil").await;
    // The room already gave all but one place (written directly: thousands of participants).
    let model = stored(&db, first.id).await;
    let copies: Vec<proposals::ActiveModel> = (1..PROPOSALS_PER_WORKSHOP - 1)
        .map(|_| {
            let mut copy = proposals::ActiveModel::from(model.clone()).reset_all();
            copy.id = Set(uuid::Uuid::new_v4());
            copy
        })
        .collect();
    for chunk in copies.chunks(400) {
        proposals::Entity::insert_many(chunk.to_vec()).exec(&db).await.unwrap();
    }
    let (other, _) = enter(&db, &s, "Jonas").await;
    propose(&db, &s, &other, "Der letzte Platz").await;
    let writer = Writer::start(db.clone());
    let refused = submit(&writer, &s.live, &who(&db, &s, &other).await, &form(&s, "Einer zu viel")).await;
    assert!(
        matches!(&refused, Err(AppError::Conflict(m)) if m.key == "proposal-workshop-full"
            && m.args.iter().any(|(k, v)| k == "max" && v == &PROPOSALS_PER_WORKSHOP.to_string())),
        "{refused:?}"
    );
    // A withdrawn proposal frees its place.
    withdraw_own(&db, &s.live, &who(&db, &s, &token).await, first.id).await.unwrap();
    submit(&writer, &s.live, &who(&db, &s, &other).await, &form(&s, "Jetzt passt er")).await.unwrap();
});
