//! The plan: promoting with pre-fill, provenance both ways, merging, freezing and comparing
//! versions, status and progress, who may do what, the CSV round trip with hostile cells, and an
//! import refused as a whole.

use std::collections::BTreeMap;

use app::{
    auth::types::{Actor, Role},
    error::AppError,
    i18n::Lang,
    participants::service::{Participant, resolve},
    plan::{
        doc, import, service,
        types::{
            AdoptionInput, MeasureForm, MeasureId, MeasureStatus, NoteInput, PlanFilter, Progress, SourceRef, check_key,
        },
    },
    processes::{
        self,
        types::{ActionFieldInput, ProcessId, ProcessInput},
    },
    server::{LiveHub, Writer},
    votes::{self, types::form_key},
    workshops::{
        self,
        types::{Fate, JoinInput, ProposalForm, WorkshopId, WorkshopInput, WorkshopState},
    },
};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use app::proposals::fate::Reader::Staff;

use crate::support::staff;

struct Closed {
    orga: Actor,
    process: ProcessId,
    field: Uuid,
    ws: WorkshopId,
    /// The cluster "Sprachcafés" of proposals 0 and 1.
    cluster: Uuid,
    proposals: Vec<Uuid>,
    people: Vec<Participant>,
    goal: Uuid,
}

/// A closed workshop: a cluster of two proposals that won a dot vote (with 6 paper dots), two
/// loose proposals behind it.
async fn closed_workshop(db: &DatabaseConnection) -> Closed {
    let orga = staff(db, Role::Organizer).await;
    let process =
        processes::service::create(db, &orga, Lang::default(), &ProcessInput::parse("Plan", "Bielefeld", "").unwrap())
            .await
            .unwrap();
    let field =
        processes::service::add_action_field(db, &orga, process, &ActionFieldInput::parse("Bildung", "").unwrap())
            .await
            .unwrap();
    let goal = processes::service::add_goal(db, &orga, process, Some(field), "Sprachförderung").await.unwrap();
    processes::service::add_goal(db, &orga, process, None, "Teilhabe stärken").await.unwrap();
    let input = WorkshopInput::parse("Workshop Bildung", "2027-03-05T18:00", "in_person", "VHS", "").unwrap();
    let ws = workshops::service::create(db, &orga, process, &input, &[], &[]).await.unwrap();
    let live = std::sync::Arc::new(LiveHub::default());
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    let code = workshops::service::admin_view(db, &orga, ws, "").await.unwrap().info.join_code;
    let mut people = Vec::new();
    for org in ["migrant", "association", "migrant"] {
        let (token, _) =
            app::participants::service::join(db, &live, &code, &JoinInput::parse("", "", org, true).unwrap())
                .await
                .unwrap();
        people.push(resolve(db, &code, Some(&token)).await.unwrap());
    }
    let writer = Writer::start(db.clone());
    let mut proposals = Vec::new();
    for (i, (title, goal, partners)) in [
        ("Sprachcafé", "Sprachförderung", "Integrationsrat\nVHS"),
        ("Sprachcafé im Stadtteil", "Begegnung", "VHS"),
        ("Anonyme Bewerbungen", "", ""),
        ("Straßenfest", "", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let form = ProposalForm {
            action_field: field.to_string(),
            title: title.into(),
            goal: goal.into(),
            partners: partners.into(),
            target_group: if i == 0 { "Neuzugewanderte".into() } else { String::new() },
            timeframe: if i == 0 { "ab Herbst".into() } else { String::new() },
            ..ProposalForm::default()
        };
        proposals.push(app::proposals::service::submit(&writer, &live, &people[i % 3], &form).await.unwrap().id);
    }
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Collecting, WorkshopState::Clustering)
        .await
        .unwrap();
    let text = app::clustering::types::ClusterText::parse("Sprachcafés", "Orte zum Deutschsprechen").unwrap();
    let clustering =
        app::clustering::service::create(db, &live, &orga, ws, 0, &proposals[..2], &text, false).await.unwrap();
    let cluster = clustering.clusters[0].id.0;
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Clustering, WorkshopState::Voting)
        .await
        .unwrap();
    let options = [cluster.to_string(), proposals[2].to_string(), proposals[3].to_string()];
    let form = votes::types::RoundForm {
        title: "Punktabfrage".into(),
        method: "dots".into(),
        pick: options.iter().map(|o| (form_key(o), "on".to_owned())).collect(),
        ..votes::types::RoundForm::default()
    };
    let round = votes::service::create(db, &live, &orga, ws, &form).await.unwrap();
    votes::service::open(db, &live, &orga, round).await.unwrap();
    for (who, dots) in [(0, [("0", "3"), ("1", "2")]), (1, [("0", "2"), ("2", "1")]), (2, [("1", "3"), ("2", "2")])] {
        let ballot: BTreeMap<String, String> =
            dots.iter().map(|(i, n)| (form_key(&options[i.parse::<usize>().unwrap()]), (*n).to_owned())).collect();
        votes::ballots::cast(&writer, &live, &people[who], round, &ballot, false).await.unwrap();
    }
    let paper: BTreeMap<String, String> = [(form_key(&options[0]), "6".to_owned())].into();
    votes::service::set_paper(db, &live, &orga, round, &paper).await.unwrap();
    votes::service::close(db, &live, &orga, round).await.unwrap();
    workshops::service::set_state(db, &live, &orga, ws, WorkshopState::Voting, WorkshopState::Closed).await.unwrap();
    let proposals = proposals.into_iter().map(|p| p.0).collect();
    Closed { orga, process, field: field.0, ws, cluster, proposals, people, goal: goal.0 }
}

/// A draft process with the action field "Arbeit".
async fn process_with_field(
    db: &DatabaseConnection,
    orga: &Actor,
) -> (ProcessId, app::processes::types::ActionFieldId) {
    let input = ProcessInput::parse("P", "K", "").unwrap();
    let process = processes::service::create(db, orga, Lang::default(), &input).await.unwrap();
    let input = ActionFieldInput::parse("Arbeit", "").unwrap();
    (process, processes::service::add_action_field(db, orga, process, &input).await.unwrap())
}

fn from_cluster(c: &Closed) -> SourceRef {
    SourceRef { workshop: c.ws.0, cluster: Some(c.cluster), proposal: None }
}

fn direct(field: Uuid, title: &str) -> MeasureForm {
    MeasureForm { title: title.into(), action_field: field.to_string(), ..MeasureForm::default() }
}

db_test!(
    promoting_a_cluster_prefills_keeps_its_trail_both_ways_and_asks_before_a_second_measure,
    |db: DatabaseConnection| async move {
        let c = closed_workshop(&db).await;
        let admin = service::admin(&db, &c.orga, c.process).await.unwrap();
        let first = &admin.candidates[0];
        assert_eq!(
            (first.title.as_str(), first.cluster, first.proposals),
            ("Sprachcafés", true, 2),
            "the winner comes first"
        );
        assert_eq!(first.votes[0].place, 1);
        assert_eq!((first.votes[0].points, first.votes[0].paper), (Some(5 + 6), Some(6)));

        let draft = service::promote_draft(&db, &c.orga, c.process, Some(from_cluster(&c))).await.unwrap();
        let f = &draft.form;
        assert_eq!((f.title.as_str(), f.description.as_str()), ("Sprachcafés", "Orte zum Deutschsprechen"));
        assert_eq!(f.action_field, c.field.to_string());
        assert_eq!(f.target_groups, "Neuzugewanderte");
        assert_eq!(f.time_text, "ab Herbst");
        assert_eq!(f.new_partners, "Integrationsrat\nVHS");
        assert!(f.goal.contains_key(&check_key(c.goal)), "the field's goal of the same wording is ticked");
        assert_eq!(draft.suggested_goals, vec!["Sprachförderung", "Begegnung"]);

        let mut form = draft.form.clone();
        form.lead = "Kommunales Integrationszentrum".into();
        let id = service::create(&db, &c.orga, c.process, &form, Some(from_cluster(&c)), false).await.unwrap();
        let detail = service::detail(&db, &c.orga, id).await.unwrap();
        let source = &detail.doc.sources[0];
        assert_eq!(source.workshop.title, "Workshop Bildung");
        assert_eq!(source.cluster.as_ref().map(|x| x.name.as_str()), Some("Sprachcafés"));
        let titles: Vec<&str> = source.proposals.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(titles, vec!["Sprachcafé", "Sprachcafé im Stadtteil"]);
        assert_eq!((source.votes[0].place, source.votes[0].options, source.votes[0].points), (1, 3, Some(11)));
        let partners: Vec<&str> = detail.doc.partners.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(partners, vec!["Integrationsrat", "VHS"], "new partners became records of the process");
        assert_eq!(detail.doc.goals, vec!["Sprachförderung"]);

        // The other way: each proposal knows what became of it.
        let fates = app::proposals::fate::fates(&db, c.ws.0, &c.proposals, Staff).await.unwrap();
        assert!(matches!(&fates[&c.proposals[0]], Fate::Taken(m) if m[0].id == id.0));
        assert!(matches!(&fates[&c.proposals[1]], Fate::Taken(_)));
        assert_eq!(fates[&c.proposals[2]], Fate::NotTaken);
        // Participants learn it from the public plan only: nothing while it is undecided, then
        // what the adopted version holds.
        let own = |i: usize| {
            app::proposals::service::get_own(&db, &c.people[i % 3], workshops::types::ProposalId(c.proposals[i]))
        };
        assert_eq!(own(0).await.unwrap().fate, None, "the process is not published");
        processes::service::set_published(&db, &c.orga, c.process, true).await.unwrap();
        assert_eq!(own(0).await.unwrap().fate, None, "no version adopted, the draft not public");
        service::adopt(&db, &c.orga, c.process, &AdoptionInput::parse("2027-04-01", "").unwrap()).await.unwrap();
        assert!(matches!(own(0).await.unwrap().fate, Some(Fate::Taken(m)) if m[0].id == id.0));
        assert_eq!(own(2).await.unwrap().fate, Some(Fate::NotTaken));

        // The same cluster again: asked, then allowed on purpose.
        let again = service::create(&db, &c.orga, c.process, &form, Some(from_cluster(&c)), false).await;
        assert!(matches!(again, Err(AppError::Conflict(m)) if m.key == "plan-promote-again"));
        let second =
            service::create(&db, &c.orga, c.process, &direct(c.field, "Sprachcafé II"), Some(from_cluster(&c)), true)
                .await
                .unwrap();
        // A single proposal, then merged: the measure keeps both trails.
        let single = SourceRef { workshop: c.ws.0, cluster: None, proposal: Some(c.proposals[3]) };
        let fest = service::create(&db, &c.orga, c.process, &direct(c.field, "Straßenfest"), Some(single), false)
            .await
            .unwrap();
        service::merge(&db, &c.orga, fest, id).await.unwrap();
        service::merge(&db, &c.orga, second, id).await.unwrap();
        let merged = service::detail(&db, &c.orga, id).await.unwrap();
        assert_eq!(merged.doc.sources.len(), 2, "the cluster once (both came from it), the proposal");
        assert!(merged.doc.sources.iter().any(|s| s.proposals.iter().any(|p| p.name == "Straßenfest")));
        assert_eq!(merged.doc.merged.len(), 2);
        assert_eq!(service::detail(&db, &c.orga, fest).await.unwrap().merged_into.map(|m| m.id), Some(id.0));
        let fates = app::proposals::fate::fates(&db, c.ws.0, &[c.proposals[3]], Staff).await.unwrap();
        assert!(matches!(&fates[&c.proposals[3]], Fate::Taken(m) if m.len() == 1 && m[0].id == id.0));
        assert!(matches!(service::merge(&db, &c.orga, id, id).await, Err(AppError::Conflict(_))));
        let note = NoteInput::parse("note", "2027-05-02", "Zu spät", false).unwrap();
        assert!(
            matches!(service::add_note(&db, &c.orga, fest, &note).await, Err(AppError::Conflict(_))),
            "a merged measure takes no notes"
        );
        // Both measures came from the one cluster: after the merge its source is listed once.
        let sources = service::detail(&db, &c.orga, id).await.unwrap().doc.sources;
        assert_eq!(sources.iter().filter(|s| s.cluster.is_some()).count(), 1);
        assert_eq!(doc::draft(&db, c.process).await.unwrap().measures.len(), 1, "merged measures leave the draft");
    }
);

db_test!(promoting_needs_a_closed_workshop_and_a_real_source, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let (process, field) = process_with_field(&db, &orga).await;
    let ws = workshops::service::create(
        &db,
        &orga,
        process,
        &WorkshopInput::parse("W", "", "in_person", "", "").unwrap(),
        &[],
        &[],
    )
    .await
    .unwrap();
    let source = SourceRef { workshop: ws.0, cluster: Some(Uuid::new_v4()), proposal: None };
    let open = service::create(&db, &orga, process, &direct(field.0, "M"), Some(source), false).await;
    assert!(matches!(open, Err(AppError::Conflict(m)) if m.key == "plan-promote-not-closed"));
    // A direct measure is marked as such; the action field must be the process's.
    let id = service::create(&db, &orga, process, &direct(field.0, "Direkt"), None, false).await.unwrap();
    assert_eq!(service::detail(&db, &orga, id).await.unwrap().doc.origin, app::plan::types::Origin::Direct);
    let other = service::create(&db, &orga, process, &direct(Uuid::new_v4(), "M"), None, false).await.unwrap_err();
    assert!(other.field("action_field").is_some());
    let mut bad = direct(field.0, "M");
    bad.time_from = "2027-09".into();
    bad.time_to = "2027-03".into();
    let err = service::create(&db, &orga, process, &bad, None, false).await.unwrap_err();
    assert!(err.field("time_to").is_some(), "from after to is refused");
});

db_test!(an_adopted_version_is_frozen_and_versions_compare_field_by_field, |db: DatabaseConnection| async move {
    let c = closed_workshop(&db).await;
    let a = service::create(&db, &c.orga, c.process, &direct(c.field, "Sprachcafé"), None, false).await.unwrap();
    let v1 = service::adopt(&db, &c.orga, c.process, &AdoptionInput::parse("2027-04-01", "Sitzung 3/2027").unwrap())
        .await
        .unwrap();
    assert_eq!(v1, 1);
    let (_, csv1) = doc::export(&db, &c.orga, c.process, "1", false).await.unwrap();
    let (_, json1) = doc::export(&db, &c.orga, c.process, "1", true).await.unwrap();
    let mut changed = direct(c.field, "Sprachcafé am Abend");
    changed.lead = "KI".into();
    service::update(&db, &c.orga, a, &changed).await.unwrap();
    service::set_progress(&db, &c.orga, a, Progress::parse("in_progress", "30").unwrap()).await.unwrap();
    let b = service::create(&db, &c.orga, c.process, &direct(c.field, "Beratungsstelle"), None, false).await.unwrap();
    // Version 1 did not move; its exports are the same bytes every time.
    assert_eq!(doc::export(&db, &c.orga, c.process, "1", false).await.unwrap().1, csv1);
    assert_eq!(doc::export(&db, &c.orga, c.process, "1", true).await.unwrap().1, json1);
    let (v, _) = doc::export(&db, &c.orga, c.process, "1", true).await.unwrap();
    assert_eq!(v.measures[0].title, "Sprachcafé");
    assert_eq!(v.version.as_ref().map(|v| v.note.as_str()), Some("Sitzung 3/2027"));

    let (_, _, d) = doc::compare(&db, &c.orga, c.process, "1", "draft").await.unwrap();
    assert_eq!(d.added.iter().map(|m| m.id).collect::<Vec<_>>(), vec![b.0]);
    let fields: Vec<&str> = d.changed[0].changes.iter().map(|ch| ch.field.as_str()).collect();
    assert_eq!(fields, vec!["measure-title", "measure-lead", "measure-status", "measure-progress"]);
    service::adopt(&db, &c.orga, c.process, &AdoptionInput::parse("2027-10-01", "").unwrap()).await.unwrap();
    service::merge(&db, &c.orga, b, a).await.unwrap();
    let (_, _, d) = doc::compare(&db, &c.orga, c.process, "2", "draft").await.unwrap();
    assert_eq!(d.removed.iter().map(|m| m.id).collect::<Vec<_>>(), vec![b.0]);
    assert!(doc::compare(&db, &c.orga, c.process, "7", "draft").await.is_err());

    // Visitors: nothing while the process is a draft; then the newest adopted version, the draft
    // only once it is made public.
    let anon = Actor::Anonymous;
    assert_eq!(doc::page(&db, &anon, c.process, &PlanFilter::default()).await.unwrap_err(), AppError::NotFound);
    processes::service::set_published(&db, &c.orga, c.process, true).await.unwrap();
    let page = doc::page(&db, &anon, c.process, &PlanFilter::default()).await.unwrap();
    assert_eq!(page.version.map(|v| v.number), Some(2));
    assert!(!page.draft_visible);
    assert_eq!(page.rows[0].doc.status, MeasureStatus::InProgress, "the status shown is today's");
    let draft = PlanFilter { version: "draft".into(), ..PlanFilter::default() };
    assert_eq!(doc::page(&db, &anon, c.process, &draft).await.unwrap_err(), AppError::NotFound);
    // A visitor's measure page shows it as adopted, never the draft's newer text.
    service::update(&db, &c.orga, a, &direct(c.field, "Geheimer Entwurf")).await.unwrap();
    let seen = service::detail(&db, &anon, a).await.unwrap();
    assert_eq!((seen.doc.title.as_str(), seen.status), ("Sprachcafé am Abend", MeasureStatus::InProgress));
    assert!(seen.choices.action_fields.is_empty() && !seen.can_edit);
    let unadopted =
        service::create(&db, &c.orga, c.process, &direct(c.field, "Nur im Entwurf"), None, false).await.unwrap();
    assert_eq!(service::detail(&db, &anon, unadopted).await.unwrap_err(), AppError::NotFound);
    service::set_draft_public(&db, &c.orga, c.process, true).await.unwrap();
    assert!(doc::page(&db, &anon, c.process, &draft).await.unwrap().version.is_none());
    assert_eq!(service::detail(&db, &anon, unadopted).await.unwrap().doc.title, "Nur im Entwurf");
    let filtered = PlanFilter { q: "entwurf".into(), status: "in_progress".into(), ..draft.clone() };
    assert_eq!(doc::page(&db, &anon, c.process, &filtered).await.unwrap().rows.len(), 1);
    let none = PlanFilter { status: "done".into(), ..draft };
    assert!(doc::page(&db, &anon, c.process, &none).await.unwrap().rows.is_empty());
});

db_test!(status_progress_and_notes_follow_their_rules_and_roles, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let moderator = staff(&db, Role::Moderator).await;
    let (process, field) = process_with_field(&db, &orga).await;
    let id = service::create(&db, &orga, process, &direct(field.0, "Mentoring"), None, false).await.unwrap();
    service::set_progress(&db, &orga, id, Progress::parse("done", "40").unwrap()).await.unwrap();
    let d = service::detail(&db, &orga, id).await.unwrap();
    assert_eq!((d.status, d.progress), (MeasureStatus::Done, 100), "completed means 100 %");
    let note = NoteInput::parse("note", "2027-05-02", "Auftakt mit 12 Betrieben", false).unwrap();
    assert_eq!(service::add_note(&db, &moderator, id, &note).await.unwrap_err(), AppError::Forbidden);
    assert_eq!(service::add_note(&db, &Actor::Anonymous, id, &note).await.unwrap_err(), AppError::Unauthenticated);
    let moderator_id = moderator.staff().unwrap().id.0;
    service::set_staff(&db, &orga, id, &[moderator_id]).await.unwrap();
    service::add_note(&db, &moderator, id, &note).await.unwrap();
    let milestone = NoteInput::parse("milestone", "2027-06-01", "Erste Tandems", true).unwrap();
    service::add_note(&db, &orga, id, &milestone).await.unwrap();
    let d = service::detail(&db, &moderator, id).await.unwrap();
    assert!(d.can_note && !d.can_edit);
    let texts: Vec<&str> = d.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, vec!["Erste Tandems", "Auftakt mit 12 Betrieben"], "newest first");
    assert!(d.notes[0].done);
    assert!(service::set_staff(&db, &orga, id, &[Uuid::new_v4()]).await.unwrap_err().field("staff").is_some());
});

db_test!(only_organizers_change_the_plan, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let (process, field) = process_with_field(&db, &orga).await;
    let id = service::create(&db, &orga, process, &direct(field.0, "M"), None, false).await.unwrap();
    let other = service::create(&db, &orga, process, &direct(field.0, "N"), None, false).await.unwrap();
    let csv = doc::export(&db, &orga, process, "draft", false).await.unwrap().1;
    let adoption = AdoptionInput::parse("2027-01-01", "").unwrap();
    for (actor, expected) in
        [(staff(&db, Role::Moderator).await, AppError::Forbidden), (Actor::Anonymous, AppError::Unauthenticated)]
    {
        let form = direct(field.0, "X");
        assert_eq!(service::create(&db, &actor, process, &form, None, false).await.unwrap_err(), expected);
        assert_eq!(service::update(&db, &actor, id, &form).await.unwrap_err(), expected);
        assert_eq!(
            service::set_progress(&db, &actor, id, Progress::parse("paused", "10").unwrap()).await.unwrap_err(),
            expected
        );
        assert_eq!(service::merge(&db, &actor, other, id).await.unwrap_err(), expected);
        assert_eq!(service::adopt(&db, &actor, process, &adoption).await.unwrap_err(), expected);
        assert_eq!(service::set_draft_public(&db, &actor, process, true).await.unwrap_err(), expected);
        assert_eq!(service::admin(&db, &actor, process).await.unwrap_err(), expected);
        assert_eq!(import::import(&db, &actor, process, &csv, Lang::default()).await.unwrap_err(), expected);
    }
    // An unpublished plan is not there for visitors at all.
    assert_eq!(service::detail(&db, &Actor::Anonymous, id).await.unwrap_err(), AppError::NotFound);
    assert_eq!(doc::export(&db, &Actor::Anonymous, process, "", false).await.unwrap_err(), AppError::NotFound);
});

/// Hostile cells: separators, quotes, line breaks, formula starts, and Turkish, Arabic and
/// Ukrainian text.
async fn hostile_plan(db: &DatabaseConnection, orga: &Actor) -> ProcessId {
    let process =
        processes::service::create(db, orga, Lang::default(), &ProcessInput::parse("Plan 2026", "Köln", "").unwrap())
            .await
            .unwrap();
    let field = processes::service::add_action_field(
        db,
        orga,
        process,
        &ActionFieldInput::parse("Bildung; Sprache", "").unwrap(),
    )
    .await
    .unwrap();
    let goal =
        processes::service::add_goal(db, orga, process, Some(field), "=Ziel mit \"Anführungszeichen\"").await.unwrap();
    let mut a = direct(field.0, "Sprachcafé; \"offen\" für alle");
    a.description = "Zeile 1\nZeile 2; mit Semikolon\n-Liste".into();
    a.goal = [(check_key(goal.0), "on".to_owned())].into();
    a.new_partners = "Türk Toplumu Öğrenci İşleri\nمركز الاستشارات للمهاجرين\nІнтеграційна рада".into();
    a.new_partner_kind = "migrant".into();
    a.lead = "+49 521 51-0".into();
    a.time_from = "2027-03".into();
    a.time_to = "2027-07".into();
    let mut b = direct(field.0, "@Beratung für Geflüchtete");
    b.time_text = "Juli bis Projektende".into();
    b.indicators = "=HYPERLINK(\"http://example.org\")".into();
    b.new_partners = "Integrationsrat".into();
    let ida = service::create(db, orga, process, &a, None, false).await.unwrap();
    service::create(db, orga, process, &b, None, false).await.unwrap();
    service::set_progress(db, orga, ida, Progress::parse("in_progress", "45").unwrap()).await.unwrap();
    process
}

db_test!(the_plan_csv_round_trips_with_hostile_cells, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let process = hostile_plan(&db, &orga).await;
    let (_, csv) = doc::export(&db, &orga, process, "draft", false).await.unwrap();
    let head =
        "\u{feff}Handlungsfeld;Phase;Zeitraum;Maßnahme;Beschreibung;Ziel;Kooperationspartner;Federführung;Status;";
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.starts_with(head), "{text}");
    assert!(text.contains("\r\n") && text.ends_with("\r\n"));
    assert!(text.contains("\"'=HYPERLINK(\"\"http://example.org\"\")\""), "formula start guarded: {text}");
    assert!(text.contains(";'+49 521 51-0;"), "{text}");
    assert!(text.contains(";'@Beratung für Geflüchtete;"), "{text}");
    assert!(text.contains("مركز الاستشارات للمهاجرين") && text.contains("Інтеграційна рада"));

    // Into the same process: nothing changes, byte for byte.
    let report = import::import(&db, &orga, process, &csv, Lang::default()).await.unwrap();
    assert_eq!((report.created, report.updated), (0, 0), "{report:?}");
    assert!(report.new_partners.is_empty() && report.new_action_fields.is_empty());
    assert_eq!(doc::export(&db, &orga, process, "draft", false).await.unwrap().1, csv);

    // Into a new process (last year's plan): the same table, with the names it lacked created.
    let fresh =
        processes::service::create(&db, &orga, Lang::default(), &ProcessInput::parse("Plan 2027", "Köln", "").unwrap())
            .await
            .unwrap();
    let report = import::import(&db, &orga, fresh, &csv, Lang::default()).await.unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(report.new_action_fields, vec!["Bildung; Sprache"]);
    assert_eq!(report.new_goals, vec!["=Ziel mit \"Anführungszeichen\""]);
    assert_eq!(report.new_partners.len(), 4);
    let (old, new) = (doc::draft(&db, process).await.unwrap(), doc::draft(&db, fresh).await.unwrap());
    for (a, b) in old.measures.iter().zip(&new.measures) {
        assert_eq!(
            (
                &a.title,
                &a.description,
                &a.timeframe,
                &a.goals,
                &a.partners,
                &a.lead,
                a.status,
                a.progress,
                &a.indicators
            ),
            (
                &b.title,
                &b.description,
                &b.timeframe,
                &b.goals,
                &b.partners,
                &b.lead,
                b.status,
                b.progress,
                &b.indicators
            )
        );
        assert_eq!(b.origin, app::plan::types::Origin::Import);
    }
    assert_eq!(new.measures[0].partners[0].kind, app::plan::types::PartnerKind::Migrant, "partner kinds travel along");
    // An edited row updates its measure.
    let edited = String::from_utf8(csv).unwrap().replace(";in Umsetzung;", ";pausiert;");
    let report = import::import(&db, &orga, process, edited.as_bytes(), Lang::default()).await.unwrap();
    assert_eq!((report.created, report.updated), (0, 1));
    let draft = doc::draft(&db, process).await.unwrap();
    assert!(draft.measures.iter().any(|m| m.status == MeasureStatus::Paused && m.progress == 45));
    // The same measure twice in one file is refused.
    let last = edited.trim_end().rsplit("\r\n").next().unwrap().to_owned();
    let twice = format!("{edited}{last}\r\n");
    let err = import::import(&db, &orga, process, twice.as_bytes(), Lang::default()).await.unwrap_err();
    let msg = err.field("file").unwrap();
    assert!(
        msg.args.iter().any(|(_, v)| v.contains("Spalte „ID“: Diese ID steht schon in einer früheren Zeile.")),
        "{msg:?}"
    );
});

db_test!(a_bad_row_refuses_the_whole_import, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let process = processes::service::create(&db, &orga, Lang::default(), &ProcessInput::parse("P", "K", "").unwrap())
        .await
        .unwrap();
    let head = "Handlungsfeld;Phase;Zeitraum;Maßnahme;Beschreibung;Ziel;Kooperationspartner;Federführung;Status";
    let long = "x".repeat(201);
    let file = format!(
        "{head}\r\nBildung;1 Analyse;;Gut;;;;;geplant\r\nArbeit;;;Auch gut;;;;;\r\nArbeit;;;{long};;;;;fertig\r\n"
    );
    let err = import::import(&db, &orga, process, file.as_bytes(), Lang::default()).await.unwrap_err();
    let msg = err.field("file").expect("the file field names the problems");
    assert_eq!(msg.key, "plan-import-refused");
    let text = app::i18n::t_args(
        Lang::default(),
        &msg.key,
        &msg.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect::<Vec<_>>(),
    );
    assert!(text.contains("Zeile 4, Spalte „Maßnahme“") && text.contains("200"), "{text}");
    assert!(text.contains("„fertig“"), "{text}");
    let detail = processes::service::detail(&db, &orga, process).await.unwrap();
    assert!(detail.action_fields.is_empty(), "nothing was created");
    assert!(doc::draft(&db, process).await.unwrap().measures.is_empty());

    // A limit met while writing rolls everything back too.
    for i in 0..19 {
        processes::service::add_action_field(
            &db,
            &orga,
            process,
            &ActionFieldInput::parse(&format!("Feld {i}"), "").unwrap(),
        )
        .await
        .unwrap();
    }
    let file = format!("{head}\r\nFeld 0;;;Erste;;;;;\r\nNeu A;;;Zweite;;;;;\r\nNeu B;;;Dritte;;;;;\r\n");
    let err = import::import(&db, &orga, process, file.as_bytes(), Lang::default()).await.unwrap_err();
    assert!(err.field("file").is_some(), "{err:?}");
    assert_eq!(processes::service::detail(&db, &orga, process).await.unwrap().action_fields.len(), 19);
    assert!(doc::draft(&db, process).await.unwrap().measures.is_empty());
    let _ = MeasureId(Uuid::nil());
});

db_test!(
    the_workshop_documentation_counts_without_names_and_says_what_became_of_each_cluster,
    |db: DatabaseConnection| async move {
        let c = closed_workshop(&db).await;
        let id = service::create(
            &db,
            &c.orga,
            c.process,
            &direct(c.field, "Sprachcafés im Quartier"),
            Some(from_cluster(&c)),
            false,
        )
        .await
        .unwrap();
        let d = app::plan::documentation::workshop_doc(&db, &c.orga, c.ws).await.unwrap();
        assert_eq!(d.participants, 3);
        let counts: Vec<(Option<&str>, u32)> = d.by_org_type.iter().map(|(k, n)| (k.map(|k| k.as_str()), *n)).collect();
        assert_eq!(counts, vec![(Some("migrant"), 2), (Some("association"), 1)]);
        assert_eq!(d.fields[0].proposals.len(), 4);
        assert_eq!(d.clusters[0].measures[0].id, id.0);
        assert_eq!(d.rounds.len(), 1);
        let csv = String::from_utf8(app::plan::documentation::csv(&d)).unwrap();
        assert!(csv.starts_with("\u{feff}Abschnitt;"));
        assert!(csv.contains("Aufgenommen in Maßnahme: Sprachcafés im Quartier"), "{csv}");
        assert!(csv.contains("Nicht in den Plan aufgenommen"));
        let moderator = staff(&db, Role::Moderator).await;
        assert_eq!(
            app::plan::documentation::workshop_doc(&db, &moderator, c.ws).await.unwrap_err(),
            AppError::Forbidden
        );
    }
);
