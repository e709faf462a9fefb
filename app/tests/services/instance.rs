//! The instance's settings (the accessibility statement's contact), the languages a workshop
//! offers and the language a proposal keeps, on both databases.

use app::{
    auth::types::{Actor, Role},
    error::AppError,
    i18n::{Lang, Offer},
    instance::{service, types::InstanceSettings},
    workshops::{service as workshops, types::WorkshopInput},
};
use sea_orm::DatabaseConnection;

use crate::support::staff;

db_test!(only_an_admin_saves_the_settings_and_saving_again_replaces_them, |db: DatabaseConnection| async move {
    assert_eq!(service::settings(&db).await.unwrap(), InstanceSettings::default(), "nothing set yet");
    let first = InstanceSettings::parse("Stadt Krefeld", "barrierefrei@krefeld.de", "", "Rathaus", "").unwrap();
    for role in [Role::Organizer, Role::Moderator] {
        let actor = staff(&db, role).await;
        assert!(matches!(service::save(&db, &actor, &first).await, Err(AppError::Forbidden)), "{role:?}");
    }
    assert!(matches!(service::save(&db, &Actor::Anonymous, &first).await, Err(AppError::Unauthenticated)));
    assert_eq!(service::settings(&db).await.unwrap(), InstanceSettings::default(), "nothing was written");
    let admin = staff(&db, Role::Admin).await;
    service::save(&db, &admin, &first).await.unwrap();
    assert_eq!(service::settings(&db).await.unwrap(), first);
    let second = InstanceSettings::parse("Stadt Krefeld", "", "02151 86-0", "", "2026-11-30").unwrap();
    service::save(&db, &admin, &second).await.unwrap();
    assert_eq!(service::settings(&db).await.unwrap(), second, "an emptied field stays empty");
    let future = chrono::Utc::now().date_naive() + chrono::Days::new(3);
    let later = InstanceSettings { checked_on: Some(future), ..second.clone() };
    let err = service::save(&db, &admin, &later).await.unwrap_err();
    assert!(err.field("checked_on").is_some(), "a check in the future is refused");
    assert_eq!(service::settings(&db).await.unwrap(), second);
});

db_test!(a_workshop_keeps_the_languages_its_organizer_chose, |db: DatabaseConnection| async move {
    let orga = staff(&db, Role::Organizer).await;
    let process = app::processes::service::create(
        &db,
        &orga,
        Lang::default(),
        &app::processes::types::ProcessInput::parse("Konzept", "Krefeld", "").unwrap(),
    )
    .await
    .unwrap();
    let field = app::processes::service::add_action_field(
        &db,
        &orga,
        process,
        &app::processes::types::ActionFieldInput::parse("Bildung", "").unwrap(),
    )
    .await
    .unwrap();
    let input = WorkshopInput::parse("W", "", "in_person", "", "").unwrap();
    let ws = workshops::create(&db, &orga, process, &input, &[field], &[]).await.unwrap();
    let info = workshops::admin_view(&db, &orga, ws, "").await.unwrap().info;
    assert!(info.languages.is_all(), "every language unless chosen");
    let chosen = input.clone().with_languages(&["de".into(), "tr".into(), "uk".into()]).unwrap();
    workshops::update(&db, &orga, ws, &chosen, &[field], &[]).await.unwrap();
    let info = workshops::admin_view(&db, &orga, ws, "").await.unwrap().info;
    assert_eq!(info.languages, Offer("de,tr,uk".into()));
    let code = |c: &str| Lang::parse(c).unwrap();
    assert_eq!(code("ar").within(&info.languages.langs()), Lang::default());
    assert!(input.with_languages(&["xx".into()]).is_err(), "an unknown language is refused");
});
