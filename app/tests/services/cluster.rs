//! Several instances on one PostgreSQL database share their live updates through it.

use std::{sync::Arc, time::Duration};

use app::{
    i18n::Lang,
    server::{
        LiveHub, cluster,
        live::Audience,
        streams::{Ending, Holder, StreamSlots},
    },
};
use axum::body::Bytes;
use tokio::sync::broadcast;
use uuid::Uuid;

use crate::support::TestDb;

/// One `plenum serve` process as far as live updates go: its hub, its streams, its relay.
struct Instance {
    live: Arc<LiveHub>,
    streams: StreamSlots,
}

async fn instance(test_db: &TestDb) -> Instance {
    let url = test_db.postgres_url().expect("a PostgreSQL test database");
    let live = Arc::new(LiveHub::default());
    let streams = StreamSlots::default().with_outbox(live.outbox.clone());
    cluster::start(&url, test_db.db.clone(), live.clone(), streams.clone()).await.expect("the relay listens");
    Instance { live, streams }
}

async fn next(frames: &mut broadcast::Receiver<Bytes>) -> String {
    let frame = tokio::time::timeout(Duration::from_secs(10), frames.recv())
        .await
        .expect("the frame arrives from the other instance")
        .expect("the channel is open");
    String::from_utf8(frame.to_vec()).expect("frames are text")
}

#[tokio::test]
async fn changes_ballot_counts_and_ended_streams_reach_the_other_instance() {
    let Some(test_db) = TestDb::postgres().await else { return };
    let (a, b) = (instance(&test_db).await, instance(&test_db).await);
    let topic = Uuid::new_v4();
    let arabic = Lang::parse("ar").expect("Arabic is a language of Plenum");
    let mut staff_on_a = a.live.subscribe(topic, Audience::Data);
    let mut staff_on_b = b.live.subscribe(topic, Audience::Data);
    let mut page_on_b = b.live.subscribe(topic, Audience::Page(arabic));
    let version_on_b = page_on_b.version.clone();

    // A change on A: B's staff view gets the data frame, B's Arabic page its fragments in Arabic,
    // though nobody on A reads Arabic.
    a.live.send(topic, &serde_json::json!({ "kind": "upsert", "n": 1 }), |lang| {
        format!(r#"[["text","card","{}"]]"#, lang.code())
    });
    assert_eq!(next(&mut staff_on_b.frames).await, "data: {\"kind\":\"upsert\",\"n\":1}\n\n");
    let page = next(&mut page_on_b.frames).await;
    assert!(page.contains(r#""ops":[["text","card","ar"]]"#), "{page}");
    assert_ne!(b.live.version(topic), version_on_b, "B counts the change in its own version");
    // A's own view got it once, not a second time back from PostgreSQL.
    assert_eq!(next(&mut staff_on_a.frames).await, "data: {\"kind\":\"upsert\",\"n\":1}\n\n");

    // A change longer than a notification (8,000 bytes) arrives whole.
    let long = "Straßenfest für alle – ".repeat(600);
    a.live.send(topic, &serde_json::json!({ "text": long }), |_| "[]".to_owned());
    let frame = next(&mut staff_on_b.frames).await;
    assert!(frame.len() > 12_000 && frame.contains(&long), "{} bytes", frame.len());
    let _ = next(&mut page_on_b.frames).await;

    // Turnout goes out coalesced on B too: the latest count.
    let round = Uuid::new_v4();
    for cast in 1..=30 {
        a.live.send_latest(topic, round, cast, &serde_json::json!({ "cast": cast }));
    }
    let mut last = String::new();
    while !last.contains("\"cast\":30") {
        last = next(&mut staff_on_b.frames).await;
    }

    // A participant deleted on A loses the live stream it holds on B; so does a logged-out session.
    let participant = Uuid::new_v4();
    let mut permit = b.streams.admit(Holder::Participant(participant)).expect("a slot");
    let mut other = b.streams.admit(Holder::Participant(Uuid::new_v4())).expect("a slot");
    a.streams.end(Ending::Participant(participant));
    tokio::time::timeout(Duration::from_secs(10), permit.ended.changed())
        .await
        .expect("the end reaches B")
        .expect("the signal is open");
    assert!(*permit.ended.borrow());
    let session = Holder::Session { token_hash: "ab12".into(), user: Uuid::new_v4() };
    let mut staff = b.streams.admit(session).expect("a slot");
    a.streams.end(Ending::Session("ab12"));
    tokio::time::timeout(Duration::from_secs(10), staff.ended.changed())
        .await
        .expect("the logout reaches B")
        .expect("the signal is open");
    assert!(!*other.ended.borrow_and_update(), "other participants keep their streams");

    // Fan-out latency from A to B (printed for BENCHMARKS.md, not asserted), each change on its
    // own (changes within a window of the last wait for its end: `live::WINDOW`).
    let mut latencies = Vec::new();
    for n in 0..50 {
        tokio::time::sleep(app::server::live::WINDOW * 2).await;
        let sent = std::time::Instant::now();
        a.live.send(topic, &serde_json::json!({ "n": n }), |_| "[]".to_owned());
        let expected = format!("data: {{\"n\":{n}}}\n\n");
        while next(&mut staff_on_b.frames).await != expected {}
        latencies.push(sent.elapsed());
    }
    latencies.sort();
    eprintln!("fan-out A→B over PostgreSQL, 50 changes: p50 {:?}, p99 {:?}", latencies[25], latencies[49]);
    test_db.cleanup().await;
}

/// A proposal sent to A, where no participant page is open, reaches the pages on B as its
/// card (not as "reload", which would make every page on B read its snapshot per proposal).
#[tokio::test]
async fn a_proposal_sent_to_one_instance_reaches_the_pages_on_another_as_its_card() {
    use app::{
        auth::types::Role,
        processes::{
            self,
            types::{ActionFieldInput, ProcessInput},
        },
        workshops::{
            self,
            types::{JoinInput, ProposalForm, WorkshopInput, WorkshopState, live_ids},
        },
    };
    let Some(test_db) = TestDb::postgres().await else { return };
    let (a, b) = (instance(&test_db).await, instance(&test_db).await);
    let db = &test_db.db;
    let orga = crate::support::staff(db, Role::Organizer).await;
    let process = processes::service::create(db, &orga, Lang::default(), &ProcessInput::parse("P", "K", "").unwrap())
        .await
        .unwrap();
    let field =
        processes::service::add_action_field(db, &orga, process, &ActionFieldInput::parse("Bildung", "").unwrap())
            .await
            .unwrap();
    let input = WorkshopInput::parse("W", "", "in_person", "", "").unwrap();
    let ws = workshops::service::create(db, &orga, process, &input, &[], &[]).await.unwrap();
    workshops::service::set_state(db, &a.live, &orga, ws, WorkshopState::Draft, WorkshopState::Collecting)
        .await
        .unwrap();
    let code = workshops::service::admin_view(db, &orga, ws, "").await.unwrap().info.join_code;
    let join = JoinInput::parse("", "", "", true).unwrap();
    let (token, _) = app::participants::service::join(db, &a.live, &code, &join).await.unwrap();
    let me = app::participants::service::resolve(db, &code, Some(&token)).await.unwrap();

    let mut page_on_b = b.live.subscribe(ws.0, Audience::Page(Lang::default()));
    assert!(a.live.page_languages(ws.0).is_empty(), "no page is open on A");
    let form = ProposalForm { action_field: field.to_string(), title: "Sprachcafé".into(), ..ProposalForm::default() };
    let card =
        app::proposals::service::submit(&app::server::Writer::start(db.clone()), &a.live, &me, &form).await.unwrap();
    let item = live_ids::item(card.id);
    let frame = loop {
        let frame = next(&mut page_on_b.frames).await;
        if frame.contains(&item) || frame.contains("reload") {
            break frame;
        }
    };
    assert!(frame.contains(&format!(r#"["put","{item}""#)) && frame.contains("Sprachcafé"), "{frame}");
    test_db.cleanup().await;
}
