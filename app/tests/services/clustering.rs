//! Clustering: every step, undo and redo, the invariants (a card in at most one cluster, no
//! card lost), concurrent moderators, permissions, suggestions.

use app::{
    auth::types::{Actor, Role},
    clustering::{
        service,
        types::{ClusterId, ClusterText, Clustering},
    },
    error::AppError,
    i18n::Lang,
    processes::{
        self,
        types::{ActionFieldId, ActionFieldInput, ProcessInput},
    },
    server::LiveHub,
    workshops::{
        self,
        types::{JoinInput, ProposalForm, ProposalId, WorkshopId, WorkshopInput, WorkshopState},
    },
};
use sea_orm::DatabaseConnection;

use crate::support::{staff, user};

struct Room {
    orga: Actor,
    ws: WorkshopId,
    live: std::sync::Arc<LiveHub>,
    cards: Vec<ProposalId>,
    fields: Vec<ActionFieldId>,
}

const TITLES: [(&str, usize); 6] = [
    ("Antirassismus-Training für Lehrkräfte", 0),
    ("Fortbildungen für Lehrer zu Rassismus", 0),
    ("Lehrkräfte zu Diskriminierung fortbilden", 0),
    ("Anonymisierte Bewerbungsverfahren in der Stadtverwaltung", 1),
    ("Anonyme Bewerbungen bei der Stadtverwaltung", 1),
    ("Mehr Straßenfeste im Quartier", 0),
];

/// A workshop in state clustering with six proposals in two action fields.
async fn room(db: &DatabaseConnection) -> Room {
    let orga = staff(db, Role::Organizer).await;
    let process = processes::service::create(db, &orga, Lang::default(), &ProcessInput::parse("P", "K", "").unwrap())
        .await
        .unwrap();
    let mut fields = Vec::new();
    for name in ["Bildung", "Arbeit"] {
        let input = ActionFieldInput::parse(name, "").unwrap();
        fields.push(processes::service::add_action_field(db, &orga, process, &input).await.unwrap());
    }
    let input = WorkshopInput::parse("W", "", "in_person", "", "").unwrap();
    let ws = workshops::service::create(db, &orga, process, &input, &[], &[]).await.unwrap();
    let live = std::sync::Arc::new(LiveHub::default());
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    let code = workshops::service::admin_view(db, &orga, ws, "").await.unwrap().info.join_code;
    let join = JoinInput::parse("", "", "", true).unwrap();
    let (token, _) = app::participants::service::join(db, &live, &code, &join).await.unwrap();
    let me = app::participants::service::resolve(db, &code, Some(&token)).await.unwrap();
    let mut cards = Vec::new();
    for (title, field) in TITLES {
        let form =
            ProposalForm { action_field: fields[field].to_string(), title: title.into(), ..ProposalForm::default() };
        cards.push(
            app::proposals::service::submit(&app::server::Writer::start(db.clone()), &live, &me, &form)
                .await
                .unwrap()
                .id,
        );
    }
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Collecting, WorkshopState::Clustering)
        .await
        .unwrap();
    Room { orga, ws, live, cards, fields }
}

fn text(title: &str) -> ClusterText {
    ClusterText::parse(title, "").unwrap()
}

/// No card lost, none in two clusters.
fn check_invariants(view: &Clustering, total: usize) {
    let mut all: Vec<ProposalId> = view.loose.clone();
    for c in &view.clusters {
        assert!(!c.members.is_empty(), "no empty cluster is left standing: {}", c.title);
        all.extend(c.members.iter().copied());
    }
    let unique: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(all.len(), unique.len(), "a card is in one cluster at most");
    assert_eq!(all.len(), total, "no card is lost");
}

db_test!(every_step_keeps_each_card_in_one_place_and_can_be_undone, |db: DatabaseConnection| async move {
    let r = room(&db).await;
    let c = &r.cards;
    let v = service::view(&db, &r.orga, r.ws).await.unwrap();
    assert_eq!((v.loose.len(), v.version, v.can_undo), (6, 0, false));
    let v = service::create(&db, &r.live, &r.orga, r.ws, 0, &c[0..2], &text("Fortbildung Lehrkräfte"), false)
        .await
        .unwrap();
    check_invariants(&v, 6);
    let teachers = v.clusters[0].id;
    let v = service::add(&db, &r.live, &r.orga, r.ws, v.version, teachers, &c[2..3], false).await.unwrap();
    assert_eq!(v.clusters[0].members.len(), 3);
    let v = service::create(&db, &r.live, &r.orga, r.ws, v.version, &c[3..5], &text("Anonyme Bewerbung"), false)
        .await
        .unwrap();
    check_invariants(&v, 6);
    let jobs = v.clusters.iter().find(|x| x.title == "Anonyme Bewerbung").unwrap().id;
    // Moving a card from one cluster to another.
    let v = service::add(&db, &r.live, &r.orga, r.ws, v.version, jobs, &c[2..3], true).await.unwrap();
    check_invariants(&v, 6);
    assert_eq!(v.clusters.iter().find(|x| x.id == jobs).unwrap().members.len(), 3);
    // Merge, then undo the merge: both clusters are back with their cards.
    let before_merge = v.clone();
    let v = service::merge(&db, &r.live, &r.orga, r.ws, v.version, teachers, jobs, true).await.unwrap();
    assert_eq!(v.clusters.len(), 1);
    assert_eq!(v.clusters[0].members.len(), 5);
    check_invariants(&v, 6);
    let v = service::undo_redo(&db, &r.live, &r.orga, r.ws, v.version, false).await.unwrap();
    assert_eq!(v.clusters, before_merge.clusters);
    assert!(v.can_redo);
    let v = service::undo_redo(&db, &r.live, &r.orga, r.ws, v.version, true).await.unwrap();
    assert_eq!(v.clusters.len(), 1);
    // Split off, rename, remove, dissolve.
    let v =
        service::split(&db, &r.live, &r.orga, r.ws, v.version, teachers, &c[3..5], &text("Bewerbung")).await.unwrap();
    check_invariants(&v, 6);
    assert_eq!(v.clusters.len(), 2);
    let v = service::rename(
        &db,
        &r.live,
        &r.orga,
        r.ws,
        v.version,
        teachers,
        &ClusterText::parse("Lehrkräfte fortbilden", "Alle Schulformen").unwrap(),
    )
    .await
    .unwrap();
    let renamed = v.clusters.iter().find(|x| x.id == teachers).unwrap();
    assert_eq!((renamed.title.as_str(), renamed.summary.as_str()), ("Lehrkräfte fortbilden", "Alle Schulformen"));
    let v = service::remove(&db, &r.live, &r.orga, r.ws, v.version, &c[0..1]).await.unwrap();
    assert!(v.loose.contains(&c[0]));
    let v = service::dissolve(&db, &r.live, &r.orga, r.ws, v.version, teachers).await.unwrap();
    check_invariants(&v, 6);
    assert!(v.clusters.iter().all(|x| x.id != teachers), "dissolved, its cards returned");
    // A new step ends what could be redone; everything can be undone back to the start.
    let v = service::undo_redo(&db, &r.live, &r.orga, r.ws, v.version, false).await.unwrap();
    let mut v = service::create(&db, &r.live, &r.orga, r.ws, v.version, &c[5..6], &text("Feste"), false).await.unwrap();
    assert!(!v.can_redo);
    while v.can_undo {
        v = service::undo_redo(&db, &r.live, &r.orga, r.ws, v.version, false).await.unwrap();
        check_invariants(&v, 6);
    }
    assert!(v.clusters.is_empty() && v.loose.len() == 6);
    let err = service::undo_redo(&db, &r.live, &r.orga, r.ws, v.version, false).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "clustering-nothing-to-undo"));
});

db_test!(history_tells_who_merged_what, |db: DatabaseConnection| async move {
    let r = room(&db).await;
    let v = service::create(&db, &r.live, &r.orga, r.ws, 0, &r.cards[0..1], &text("A"), false).await.unwrap();
    let a = v.clusters[0].id;
    let v = service::create(&db, &r.live, &r.orga, r.ws, v.version, &r.cards[1..2], &text("B"), false).await.unwrap();
    let b = v.clusters.iter().find(|x| x.title == "B").unwrap().id;
    service::merge(&db, &r.live, &r.orga, r.ws, v.version, a, b, false).await.unwrap();
    let history = service::history(&db, &r.orga, r.ws, b).await.unwrap();
    let kinds: Vec<&str> = history.iter().map(|h| h.kind.as_str()).collect();
    assert_eq!(kinds, ["create", "merge"]);
    assert_eq!(history[1].by.as_deref(), Some(user(&r.orga).email.as_str()));
});

db_test!(a_second_moderator_on_an_old_state_is_told_and_nothing_is_lost, |db: DatabaseConnection| async move {
    let r = room(&db).await;
    let v = service::create(&db, &r.live, &r.orga, r.ws, 0, &r.cards[0..2], &text("A"), false).await.unwrap();
    // The other moderator still works on version 0.
    let err = service::create(&db, &r.live, &r.orga, r.ws, 0, &r.cards[1..3], &text("B"), false).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "clustering-changed"));
    let now = service::view(&db, &r.orga, r.ws).await.unwrap();
    assert_eq!(now, v);
    check_invariants(&now, 6);
});

db_test!(clusters_keep_to_one_action_field_unless_confirmed, |db: DatabaseConnection| async move {
    let r = room(&db).await;
    let v = service::create(&db, &r.live, &r.orga, r.ws, 0, &r.cards[0..1], &text("Bildung"), false).await.unwrap();
    let id = v.clusters[0].id;
    assert_eq!(v.clusters[0].action_field_id, r.fields[0]);
    let err = service::add(&db, &r.live, &r.orga, r.ws, v.version, id, &r.cards[3..4], false).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "cluster-other-field"));
    service::add(&db, &r.live, &r.orga, r.ws, v.version, id, &r.cards[3..4], true).await.unwrap();
});

db_test!(only_the_workshops_moderators_cluster_and_only_while_clustering, |db: DatabaseConnection| async move {
    let r = room(&db).await;
    let cards = &r.cards[0..2];
    let err = service::create(&db, &r.live, &Actor::Anonymous, r.ws, 0, cards, &text("A"), false).await.unwrap_err();
    assert_eq!(err, AppError::Unauthenticated, "participants have no staff session");
    let other = staff(&db, Role::Moderator).await;
    let err = service::create(&db, &r.live, &other, r.ws, 0, cards, &text("A"), false).await.unwrap_err();
    assert_eq!(err, AppError::Forbidden);
    let foreign = [ProposalId(uuid::Uuid::new_v4())];
    let err = service::create(&db, &r.live, &r.orga, r.ws, 0, &foreign, &text("A"), false).await.unwrap_err();
    assert_eq!(err, AppError::NotFound, "ids of another workshop");
    let err = service::dissolve(&db, &r.live, &r.orga, r.ws, 0, ClusterId(uuid::Uuid::new_v4())).await.unwrap_err();
    assert_eq!(err, AppError::NotFound);
    workshops::service::set_state(&db, &r.live, &r.orga, r.ws, WorkshopState::Clustering, WorkshopState::Voting)
        .await
        .unwrap();
    let err = service::create(&db, &r.live, &r.orga, r.ws, 0, cards, &text("A"), false).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "clustering-not-open"));
    assert!(ClusterText::parse(&"x".repeat(121), "").unwrap_err().field("title").is_some());
});

db_test!(suggestions_group_near_duplicates_and_change_nothing, |db: DatabaseConnection| async move {
    let r = room(&db).await;
    let suggestions = service::suggest(&db, &r.orga, r.ws).await.unwrap();
    let jobs = suggestions.iter().find(|s| s.proposals.contains(&r.cards[3])).expect("the job proposals are grouped");
    assert!(jobs.proposals.contains(&r.cards[4]));
    assert!(!jobs.proposals.contains(&r.cards[5]));
    assert!(service::view(&db, &r.orga, r.ws).await.unwrap().clusters.is_empty(), "nothing changes by itself");
    // Accepting a suggestion is a normal step; the next suggestion offers the cluster for a loose card.
    let v = service::create(
        &db,
        &r.live,
        &r.orga,
        r.ws,
        0,
        &r.cards[0..2],
        &text("Fortbildung Lehrkräfte Rassismus"),
        false,
    )
    .await
    .unwrap();
    let next = service::suggest(&db, &r.orga, r.ws).await.unwrap();
    let teachers = v.clusters[0].id;
    assert!(next.iter().any(|s| s.cluster == Some(teachers) && s.proposals.contains(&r.cards[2])), "{next:?}");
});
