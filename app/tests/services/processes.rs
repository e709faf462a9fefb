//! Processes: creation with default phases, visibility of drafts, editing rules and limits,
//! and what each role may not do.

use app::{
    auth::types::{Actor, Role},
    error::{AppError, Msg},
    i18n::Lang,
    processes::{
        service,
        types::{ACTION_FIELDS_MAX, ActionFieldInput, Direction, PhaseId, PhaseInput, ProcessId, ProcessInput},
    },
};
use sea_orm::DatabaseConnection;

use crate::support::staff;

fn input(name: &str) -> ProcessInput {
    ProcessInput::parse(name, "Krefeld", "Gemeinsam gegen Rassismus.").unwrap()
}

fn field(name: &str) -> ActionFieldInput {
    ActionFieldInput::parse(name, "").unwrap()
}

async fn new_process(db: &DatabaseConnection, actor: &Actor) -> ProcessId {
    service::create(db, actor, Lang::default(), &input("Handlungskonzept Krefeld 2021")).await.unwrap()
}

async fn phase_names(db: &DatabaseConnection, actor: &Actor, id: ProcessId) -> Vec<String> {
    service::detail(db, actor, id).await.unwrap().phases.into_iter().map(|p| p.name).collect()
}

db_test!(a_new_process_is_a_draft_with_the_five_default_phases, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    let detail = service::detail(&db, &orga, id).await.unwrap();
    assert!(!detail.published);
    assert!(detail.can_edit);
    let names: Vec<&str> = detail.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Analyse der Ausgangssituation",
            "Bestandsanalyse",
            "Maßnahmenentwicklung",
            "Maßnahmenumsetzung und Verstetigung",
            "Evaluation"
        ]
    );
    let current: Vec<bool> = detail.phases.iter().map(|p| p.is_current).collect();
    assert_eq!(current, [true, false, false, false, false]);
});

db_test!(default_phases_are_named_in_the_creators_language, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let english = Lang::parse("en").unwrap();
    let id = service::create(&db, &orga, english, &input("Local action plan")).await.unwrap();
    assert_eq!(phase_names(&db, &orga, id).await[0], "Analysis of the starting situation");
});

db_test!(drafts_are_visible_to_staff_only_until_published, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let moderator = staff(&db, Role::Moderator).await;
    let id = new_process(&db, &orga).await;
    assert_eq!(service::detail(&db, &Actor::Anonymous, id).await.unwrap_err(), AppError::NotFound);
    assert!(service::list_published(&db).await.unwrap().is_empty());
    let seen_by_moderator = service::detail(&db, &moderator, id).await.unwrap();
    assert!(!seen_by_moderator.can_edit);
    assert_eq!(service::list_all(&db, &moderator).await.unwrap().len(), 1);
    assert_eq!(service::list_all(&db, &Actor::Anonymous).await.unwrap_err(), AppError::Unauthenticated);

    service::set_published(&db, &orga, id, true).await.unwrap();
    let public = service::detail(&db, &Actor::Anonymous, id).await.unwrap();
    assert!(public.published);
    assert!(!public.can_edit);
    let listed = service::list_published(&db).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].current_phase.as_deref(), Some("Analyse der Ausgangssituation"));

    service::set_published(&db, &orga, id, false).await.unwrap();
    assert_eq!(service::detail(&db, &Actor::Anonymous, id).await.unwrap_err(), AppError::NotFound);
});

db_test!(moderators_and_visitors_cannot_create_or_change_processes, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let moderator = staff(&db, Role::Moderator).await;
    let id = new_process(&db, &orga).await;
    let detail = service::detail(&db, &orga, id).await.unwrap();
    let phase = detail.phases[0].id;
    let field_id = service::add_action_field(&db, &orga, id, &field("Bildung")).await.unwrap();
    let goal = service::add_goal(&db, &orga, id, None, "Respekt fördern").await.unwrap();
    let theme = service::add_theme(&db, &orga, id, "Antisemitismus").await.unwrap();
    let phase_input = PhaseInput::parse("Neu", "", "").unwrap();

    for (actor, expected) in [(&moderator, AppError::Forbidden), (&Actor::Anonymous, AppError::Unauthenticated)] {
        let results = [
            service::create(&db, actor, Lang::default(), &input("Fremd")).await.map(|_| ()),
            service::update(&db, actor, id, &input("Umbenannt")).await,
            service::set_published(&db, actor, id, true).await,
            service::add_phase(&db, actor, id, &phase_input).await.map(|_| ()),
            service::update_phase(&db, actor, phase, &phase_input).await,
            service::delete_phase(&db, actor, phase).await,
            service::move_phase(&db, actor, phase, Direction::Down).await,
            service::set_current_phase(&db, actor, phase).await,
            service::add_goal(&db, actor, id, None, "Ziel").await.map(|_| ()),
            service::delete_goal(&db, actor, goal).await,
            service::add_action_field(&db, actor, id, &field("Sport")).await.map(|_| ()),
            service::update_action_field(&db, actor, field_id, &field("Sport")).await,
            service::move_action_field(&db, actor, field_id, Direction::Up).await,
            service::delete_action_field(&db, actor, field_id).await,
            service::add_theme(&db, actor, id, "Antiziganismus").await.map(|_| ()),
            service::delete_theme(&db, actor, theme).await,
        ];
        for (n, result) in results.into_iter().enumerate() {
            assert_eq!(result, Err(expected.clone()), "operation {n}");
        }
    }
    // Nothing changed.
    let after = service::detail(&db, &orga, id).await.unwrap();
    assert_eq!(after, service::detail(&db, &orga, id).await.unwrap());
    assert_eq!(after.name, "Handlungskonzept Krefeld 2021");
    assert!(!after.published);
    assert_eq!(after.phases.len(), 5);
    assert_eq!(after.action_fields.len(), 1);
    assert_eq!(service::list_all(&db, &orga).await.unwrap().len(), 1);
});

db_test!(admins_may_do_what_organizers_do, |db: DatabaseConnection| async move {
    let admin = staff(&db, Role::Admin).await;
    let id = new_process(&db, &admin).await;
    service::set_published(&db, &admin, id, true).await.unwrap();
    assert!(service::detail(&db, &Actor::Anonymous, id).await.unwrap().published);
});

db_test!(editing_the_basics_validates_each_field, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    service::update(&db, &orga, id, &input("Handlungskonzept Krefeld 2022")).await.unwrap();
    assert_eq!(service::detail(&db, &orga, id).await.unwrap().name, "Handlungskonzept Krefeld 2022");
    let err = ProcessInput::parse("", "Krefeld", "").unwrap_err();
    let msg = err.field("name").unwrap();
    assert_eq!(msg.key, "field-length");
    assert!(msg.args.contains(&("max".to_owned(), "120".to_owned())));
    let unknown = ProcessId(uuid::Uuid::new_v4());
    assert_eq!(service::update(&db, &orga, unknown, &input("x")).await.unwrap_err(), AppError::NotFound);
    assert_eq!(service::detail(&db, &orga, unknown).await.unwrap_err(), AppError::NotFound);
});

db_test!(exactly_one_phase_is_current, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    let phases = service::detail(&db, &orga, id).await.unwrap().phases;
    service::set_current_phase(&db, &orga, phases[2].id).await.unwrap();
    let current: Vec<bool> =
        service::detail(&db, &orga, id).await.unwrap().phases.iter().map(|p| p.is_current).collect();
    assert_eq!(current, [false, false, true, false, false]);
    // Deleting the current phase makes the first one current.
    service::delete_phase(&db, &orga, phases[2].id).await.unwrap();
    let after = service::detail(&db, &orga, id).await.unwrap().phases;
    assert_eq!(after.len(), 4);
    assert_eq!(after.iter().filter(|p| p.is_current).count(), 1);
    assert!(after[0].is_current);
});

db_test!(phases_keep_their_order_and_dates, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    let added =
        service::add_phase(&db, &orga, id, &PhaseInput::parse("Fortschreibung", "2027-01-01", "2027-12-31").unwrap())
            .await
            .unwrap();
    assert_eq!(phase_names(&db, &orga, id).await.last().map(String::as_str), Some("Fortschreibung"));
    service::move_phase(&db, &orga, added, Direction::Up).await.unwrap();
    let names = phase_names(&db, &orga, id).await;
    assert_eq!(&names[4..], ["Fortschreibung", "Evaluation"]);
    let first: PhaseId = service::detail(&db, &orga, id).await.unwrap().phases[0].id;
    service::move_phase(&db, &orga, first, Direction::Up).await.unwrap();
    assert_eq!(phase_names(&db, &orga, id).await[0], "Analyse der Ausgangssituation");

    service::update_phase(&db, &orga, added, &PhaseInput::parse("Fortschreibung 2027", "01.02.2027", "").unwrap())
        .await
        .unwrap();
    let phase = service::detail(&db, &orga, id).await.unwrap().phases.into_iter().find(|p| p.id == added).unwrap();
    assert_eq!(phase.name, "Fortschreibung 2027");
    assert_eq!(phase.starts_on, chrono::NaiveDate::from_ymd_opt(2027, 2, 1));
    assert_eq!(phase.ends_on, None);
});

db_test!(action_fields_are_ordered_unique_and_carry_their_goals, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    let names = ["Bildung", "Arbeit", "Sport und Kultur"];
    let mut ids = Vec::new();
    for name in names {
        ids.push(service::add_action_field(&db, &orga, id, &field(name)).await.unwrap());
    }
    let dup = service::add_action_field(&db, &orga, id, &field("bildung")).await.unwrap_err();
    assert_eq!(dup.field("name"), Some(Msg::new("action-field-name-taken")));

    service::move_action_field(&db, &orga, ids[2], Direction::Up).await.unwrap();
    let order: Vec<String> =
        service::detail(&db, &orga, id).await.unwrap().action_fields.into_iter().map(|f| f.name).collect();
    assert_eq!(order, ["Bildung", "Sport und Kultur", "Arbeit"]);

    service::add_goal(&db, &orga, id, Some(ids[0]), "Lehrkräfte fortbilden").await.unwrap();
    service::add_goal(&db, &orga, id, None, "Akzeptanz, Respekt und Offenheit fördern").await.unwrap();
    let detail = service::detail(&db, &orga, id).await.unwrap();
    assert_eq!(detail.goals.len(), 1);
    assert_eq!(detail.action_fields[0].goals[0].title, "Lehrkräfte fortbilden");

    service::update_action_field(
        &db,
        &orga,
        ids[0],
        &ActionFieldInput::parse("Bildung und Schule", "Kita bis VHS").unwrap(),
    )
    .await
    .unwrap();
    service::delete_action_field(&db, &orga, ids[0]).await.unwrap();
    let detail = service::detail(&db, &orga, id).await.unwrap();
    assert_eq!(detail.action_fields.len(), 2);
    assert_eq!(detail.goals.len(), 1, "the process goal stays");
});

db_test!(goals_cannot_be_attached_to_another_processs_action_field, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let first = new_process(&db, &orga).await;
    let second = new_process(&db, &orga).await;
    let foreign = service::add_action_field(&db, &orga, second, &field("Bildung")).await.unwrap();
    let err = service::add_goal(&db, &orga, first, Some(foreign), "Ziel").await.unwrap_err();
    assert_eq!(err, AppError::NotFound);
    let err = service::add_goal(&db, &orga, first, None, &"z".repeat(301)).await.unwrap_err();
    assert!(err.field("title").is_some());
});

db_test!(themes_are_unique_per_process, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    let theme = service::add_theme(&db, &orga, id, "Antisemitismus").await.unwrap();
    service::add_theme(&db, &orga, id, "Antiziganismus").await.unwrap();
    let dup = service::add_theme(&db, &orga, id, " antisemitismus ").await.unwrap_err();
    assert_eq!(dup.field("name"), Some(Msg::new("theme-name-taken")));
    let names: Vec<String> =
        service::detail(&db, &orga, id).await.unwrap().themes.into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["Antisemitismus", "Antiziganismus"]);
    service::delete_theme(&db, &orga, theme).await.unwrap();
    assert_eq!(service::detail(&db, &orga, id).await.unwrap().themes.len(), 1);
    // Another process may use the same name.
    let other = new_process(&db, &orga).await;
    assert!(service::add_theme(&db, &orga, other, "Antiziganismus").await.is_ok());
});

db_test!(count_limits_are_enforced_and_named, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let id = new_process(&db, &orga).await;
    for n in 0..ACTION_FIELDS_MAX {
        service::add_action_field(&db, &orga, id, &field(&format!("Feld {n}"))).await.unwrap();
    }
    let err = service::add_action_field(&db, &orga, id, &field("Eins zu viel")).await.unwrap_err();
    assert_eq!(err.field("name"), Some(Msg::new("field-count-limit").arg("max", ACTION_FIELDS_MAX)));
});
