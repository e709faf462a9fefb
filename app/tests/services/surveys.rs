//! Surveys: building with every kind of question, the rules of answers, conditions, saving each
//! page and resuming, one response per participant, closed surveys, changing answered questions,
//! waves and their comparison, the evaluation of measures, the CSV, the JSON file, and who may do
//! what.

use std::collections::BTreeMap;

use app::{
    auth::types::{Actor, Role},
    error::AppError,
    i18n::Lang,
    plan::types::MeasureForm,
    processes::{
        self,
        types::{ActionFieldInput, ProcessId, ProcessInput},
    },
    server::LiveHub,
    surveys::{
        results::Figures,
        service::{self, At, Filter, Visitor},
        types::{QuestionForm, Respondent, Settings, Step, SurveyFile, SurveyId, SurveyState},
    },
    workshops::{
        self,
        types::{JoinInput, WorkshopInput, WorkshopState},
    },
};
use sea_orm::DatabaseConnection;

use crate::support::staff;

async fn process(db: &DatabaseConnection) -> (Actor, ProcessId) {
    let orga = staff(db, Role::Organizer).await;
    let p =
        processes::service::create(db, &orga, Lang::default(), &ProcessInput::parse("Plan", "Krefeld", "").unwrap())
            .await
            .unwrap();
    (orga, p)
}

fn settings(title: &str) -> Settings {
    Settings::parse(title, "Bitte mitmachen.", "public", "", "", "", false, false, false).unwrap()
}

fn qf(kind: &str, text: &str, options: &str) -> QuestionForm {
    QuestionForm { kind: kind.into(), text: text.into(), options: options.into(), ..QuestionForm::default() }
}

fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// A survey of two pages: page 1 a single choice (`q1`: Verein/Verwaltung, with "Sonstiges") and
/// a text shown only for "Verein" (`q2`); page 2 a required number 0–500 (`q3`) and a Likert
/// statement (`q4`).
async fn two_pages(db: &DatabaseConnection, orga: &Actor, p: ProcessId) -> SurveyId {
    let id = service::create(db, orga, p, &settings("Datenabfrage 2019"), Lang::default()).await.unwrap();
    let mut single = qf("single", "Für wen sprechen Sie?", "Verein\nVerwaltung");
    single.other = Some("on".into());
    single.required = Some("on".into());
    assert_eq!(service::add_question(db, orga, id, "s1", &single).await.unwrap(), "q1");
    let mut which = qf("text", "Welcher Verein?", "");
    which.cond_question = "q1".into();
    which.cond_op = "equals".into();
    which.cond_values = "Verein".into();
    which.required = Some("on".into());
    service::add_question(db, orga, id, "s1", &which).await.unwrap();
    service::add_section(db, orga, id, "Zahlen").await.unwrap();
    let mut number = qf("number", "Wie viele Mitglieder?", "");
    number.min = "0".into();
    number.max = "500".into();
    number.unit = "Personen".into();
    number.required = Some("on".into());
    let mut likert = qf("likert", "Wie zufrieden sind Sie?", "Insgesamt");
    likert.scale = String::new();
    service::add_question(db, orga, id, "s2", &number).await.unwrap();
    service::add_question(db, orga, id, "s2", &likert).await.unwrap();
    service::set_state(db, orga, id, SurveyState::Open).await.unwrap();
    id
}

async fn answer_all(db: &DatabaseConnection, id: SurveyId, who: &str, members: &str, step: &str) -> String {
    let key = service::start(db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap();
    let first = if who == "Verein" { raw(&[("q1", "o1"), ("q2", "Sportverein")]) } else { raw(&[("q1", "o2")]) };
    assert_eq!(service::step(db, id, &key, At::page(1), Step::Next, &first).await.unwrap(), 2);
    assert_eq!(
        service::step(db, id, &key, At::page(2), Step::Next, &raw(&[("q3", members), ("q4.o3", step)])).await.unwrap(),
        3
    );
    assert_eq!(service::step(db, id, &key, At::page(3), Step::Submit, &raw(&[])).await.unwrap(), 0);
    key
}

db_test!(every_kind_of_question_is_built_and_checked, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = service::create(&db, &orga, p, &settings("Alle Arten"), Lang::default()).await.unwrap();
    let mut multiple = qf("multiple", "Welche Themen?", "Bildung\nArbeit\nWohnen");
    multiple.max = "2".into();
    let mut rating = qf("rating", "Wie wichtig (0–10)?", "");
    rating.scale = "unwichtig\nsehr wichtig".into();
    let mut long = qf("long_text", "Anmerkungen", "");
    long.max = "20".into();
    for form in [
        qf("single", "Einfach?", "ja\nnein"),
        multiple,
        qf("likert", "Aussagen", "Eins\nZwei"),
        rating,
        qf("number", "Zahl?", ""),
        qf("date", "Seit wann?", ""),
        qf("text", "Kurz", ""),
        long,
        qf("ranking", "Reihenfolge", "A\nB\nC"),
    ] {
        service::add_question(&db, &orga, id, "s1", &form).await.unwrap();
    }
    let bad = service::add_question(&db, &orga, id, "s1", &qf("single", "Nur eine?", "eins")).await.unwrap_err();
    assert_eq!(bad.field("options").unwrap().key, "survey-options-count");
    service::set_state(&db, &orga, id, SurveyState::Open).await.unwrap();
    let key = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap();
    let posted = raw(&[
        ("q1", "o1"),
        ("q2.o3", "on"),
        ("q2.o4", "on"),
        ("q2.o5", "on"),
        ("q3.o6", "9"),
        ("q4", "11"),
        ("q5", "viele"),
        ("q6", "gestern"),
        ("q7", "ok"),
        ("q8", "viel zu langer Text hier"),
        ("q9.o9", "1"),
        ("q9.o10", "1"),
    ]);
    let Err(AppError::Invalid(errors)) = service::step(&db, id, &key, At::page(1), Step::Submit, &posted).await else {
        panic!("the answers break rules");
    };
    let key_of = |f: &str| errors.iter().find(|e| e.field == f).map(|e| e.message.key.clone());
    assert_eq!(key_of("q-q1"), None);
    assert_eq!(key_of("q-q2").as_deref(), Some("survey-choices-max"));
    assert_eq!(key_of("q-q3").as_deref(), Some("survey-step-invalid"));
    assert_eq!(key_of("q-q4").as_deref(), Some("survey-rating-range"));
    assert_eq!(key_of("q-q5").as_deref(), Some("survey-number-invalid"));
    assert_eq!(key_of("q-q6").as_deref(), Some("field-date"));
    assert_eq!(key_of("q-q7"), None);
    assert_eq!(key_of("q-q8").as_deref(), Some("survey-text-too-long"));
    assert_eq!(key_of("q-q9").as_deref(), Some("survey-ranking-duplicate"));
    // Nothing typed is lost: the page shows what was entered, also where it broke a rule.
    let page = service::page(&db, id, &key, Some(1)).await.unwrap();
    assert_eq!(page.raw.get("q8").map(String::as_str), Some("viel zu langer Text hier"));
    assert_eq!(page.raw.get("q2.o5").map(String::as_str), Some("on"));
    assert!(!page.submitted);
    // An option the question does not have cannot be stored.
    let crafted = service::step(&db, id, &key, At::page(1), Step::Next, &raw(&[("q2.o99", "on")])).await.unwrap_err();
    assert_eq!(crafted.field("q-q2").unwrap().key, "survey-unknown-option");
    let fixed = raw(&[
        ("q1", "o1"),
        ("q2.o3", "on"),
        ("q3.o6", "5"),
        ("q3.o7", "1"),
        ("q4", "10"),
        ("q5", "12,5"),
        ("q6", "2027-03-24"),
        ("q9.o9", "2"),
        ("q9.o10", "1"),
    ]);
    assert_eq!(service::step(&db, id, &key, At::page(1), Step::Submit, &fixed).await.unwrap(), 0);
    let results = service::results(&db, &orga, id, Filter::default(), Lang::default()).await.unwrap();
    assert_eq!((results.responses, results.partial), (1, 0));
    let Figures::Ranking { rows } = &results.questions[8].figures else { panic!("a ranking") };
    assert_eq!((rows[1].mean_place, rows[1].first), (Some(2.0), 0));
    assert_eq!((rows[2].mean_place, rows[2].first), (Some(1.0), 1));
});

db_test!(pages_are_saved_at_each_step_and_resume_with_the_key, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = two_pages(&db, &orga, p).await;
    let key = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap();
    // Forward checks the page: "Verein" makes the conditional question required.
    let err = service::step(&db, id, &key, At::page(1), Step::Next, &raw(&[("q1", "o1")])).await.unwrap_err();
    assert_eq!(err.field("q-q2").unwrap().key, "survey-required");
    assert_eq!(service::step(&db, id, &key, At::page(1), Step::Next, &raw(&[("q1", "o2")])).await.unwrap(), 2);
    // Back does not check, and keeps what was typed; a dropped connection loses nothing.
    assert_eq!(service::step(&db, id, &key, At::page(2), Step::Back, &raw(&[("q3", "700")])).await.unwrap(), 1);
    let intro = service::intro(&db, id, &Visitor { resume_key: Some(key.clone()), participant_token: None }, None)
        .await
        .unwrap();
    assert_eq!(intro.resume.as_deref(), Some(key.as_str()));
    let page = service::page(&db, id, &key, None).await.unwrap();
    assert_eq!(page.page, 1, "it resumes where it was left");
    assert_eq!(page.raw.get("q3").map(String::as_str), Some("700"));
    assert_eq!(page.raw.get("q1").map(String::as_str), Some("o2"));
    // The number's rule is named at the end, the review page sends it back to page 2.
    let err = service::step(&db, id, &key, At::page(3), Step::Submit, &raw(&[])).await.unwrap_err();
    let msg = err.field("q-q3").unwrap();
    assert_eq!(msg.key, "survey-number-range");
    assert!(msg.args.contains(&("max".into(), "500".into())));
    assert_eq!(service::page(&db, id, &key, None).await.unwrap().page, 2);
    service::step(&db, id, &key, At::page(2), Step::Next, &raw(&[("q3", "120"), ("q4.o3", "4")])).await.unwrap();
    let review = service::page(&db, id, &key, Some(3)).await.unwrap();
    assert_eq!(review.review[1].2[0].2, "120 Personen");
    assert_eq!(service::step(&db, id, &key, At::page(3), Step::Submit, &raw(&[])).await.unwrap(), 0);
    // Sent is sent.
    let again = service::step(&db, id, &key, At::page(2), Step::Next, &raw(&[("q3", "1")])).await.unwrap_err();
    assert_eq!(again, AppError::Conflict(app::error::Msg::new("survey-already-sent")));
    assert!(service::page(&db, id, "not-a-key", None).await.is_err());
    // A hidden question's answer is ignored: "Verwaltung" never asked which association.
    let r = service::results(&db, &orga, id, Filter::default(), Lang::default()).await.unwrap();
    assert_eq!(r.questions[1].answered, 0);
});

db_test!(closed_surveys_refuse_answers_and_dates_count, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = two_pages(&db, &orga, p).await;
    let key = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap();
    service::set_state(&db, &orga, id, SurveyState::Closed).await.unwrap();
    let err = service::step(&db, id, &key, At::page(1), Step::Next, &raw(&[("q1", "o2")])).await.unwrap_err();
    assert_eq!(err, AppError::Conflict(app::error::Msg::new("survey-closed")));
    assert!(service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.is_err());
    service::set_state(&db, &orga, id, SurveyState::Open).await.unwrap();
    let mut s = settings("Datenabfrage 2019");
    s.closes_on = Some(chrono::NaiveDate::from_ymd_opt(2020, 1, 31).unwrap());
    service::update_settings(&db, &orga, id, &s).await.unwrap();
    let err = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-closed-on"));
    // A draft is not there for participants at all, and an empty survey does not open.
    let empty = service::create(&db, &orga, p, &settings("Leer"), Lang::default()).await.unwrap();
    assert_eq!(service::intro(&db, empty, &Visitor::default(), None).await.unwrap_err(), AppError::NotFound);
    assert!(matches!(service::set_state(&db, &orga, empty, SurveyState::Open).await, Err(AppError::Conflict(_))));
});

db_test!(answered_questions_keep_their_answers_readable, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = two_pages(&db, &orga, p).await;
    answer_all(&db, id, "Verein", "40", "5").await;
    let mut reworded = qf("", "Für welche Organisation sprechen Sie?", "Verein\nVerwaltung");
    reworded.other = Some("on".into());
    reworded.required = Some("on".into());
    let err = service::update_question(&db, &orga, id, "q1", &reworded).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-confirm-change"));
    reworded.confirm = Some("on".into());
    service::update_question(&db, &orga, id, "q1", &reworded).await.unwrap();
    let mut fewer = reworded.clone();
    fewer.options = "Verwaltung".into();
    assert!(service::update_question(&db, &orga, id, "q1", &fewer).await.is_err());
    let err = service::delete_question(&db, &orga, id, "q3").await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-delete-answered"));
    // q2 depends on q1: moving it above q1 is refused.
    let err = service::move_question(&db, &orga, id, "q2", true).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-move-condition"));
    service::move_question(&db, &orga, id, "q4", true).await.unwrap();
    let admin = service::admin(&db, &orga, id, "http://x").await.unwrap();
    assert_eq!(admin.definition.sections[1].questions[0].id, "q4");
    let r = service::results(&db, &orga, id, Filter::default(), Lang::default()).await.unwrap();
    assert_eq!(r.questions[0].text, "Für welche Organisation sprechen Sie?");
    assert_eq!(r.questions[0].answered, 1, "the old answer is still counted");
});

db_test!(one_response_per_participant_in_a_workshop, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    processes::service::add_action_field(&db, &orga, p, &ActionFieldInput::parse("Bildung", "").unwrap())
        .await
        .unwrap();
    let input = WorkshopInput::parse("Workshop", "2027-03-05T18:00", "in_person", "VHS", "").unwrap();
    let ws = workshops::service::create(&db, &orga, p, &input, &[], &[]).await.unwrap();
    let live = std::sync::Arc::new(LiveHub::default());
    workshops::service::set_state(&db, &live, &orga, ws, WorkshopState::Draft, WorkshopState::Collecting)
        .await
        .unwrap();
    let code = workshops::service::admin_view(&db, &orga, ws, "").await.unwrap().info.join_code;
    let mut s = Settings::parse("Kurzbefragung", "", "workshop", &ws.to_string(), "", "", true, false, false).unwrap();
    let id = service::create(&db, &orga, p, &s, Lang::default()).await.unwrap();
    service::add_question(&db, &orga, id, "s1", &qf("rating", "Wie war der Abend?", "")).await.unwrap();
    service::set_state(&db, &orga, id, SurveyState::Open).await.unwrap();
    assert_eq!(service::open_for_workshop(&db, ws).await.unwrap().len(), 1);
    // Without joining, no answers.
    let err = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-join-first"));
    let (token, _) = app::participants::service::join(&db, &live, &code, &JoinInput::parse("", "", "", true).unwrap())
        .await
        .unwrap();
    let me = Visitor { resume_key: None, participant_token: Some(token.clone()) };
    let first = service::start(&db, id, &me, None, &Respondent::default()).await.unwrap();
    // Starting again (another device, a lost cookie) continues the same response with a new key.
    let second = service::start(&db, id, &me, None, &Respondent::default()).await.unwrap();
    assert_ne!(first, second);
    assert!(service::page(&db, id, &first, None).await.is_err(), "the old key is replaced");
    service::step(&db, id, &second, At::page(1), Step::Submit, &raw(&[("q1", "8")])).await.unwrap();
    let err = service::start(&db, id, &me, None, &Respondent::default()).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-already-answered"));
    let r = service::results(&db, &orga, id, Filter::default(), Lang::default()).await.unwrap();
    assert_eq!((r.responses, r.partial), (1, 0));
    // Without the rule, a participant may answer twice.
    s.one_per_participant = false;
    service::update_settings(&db, &orga, id, &s).await.unwrap();
    let k = service::start(&db, id, &me, None, &Respondent::default()).await.unwrap();
    service::step(&db, id, &k, At::page(1), Step::Submit, &raw(&[("q1", "3")])).await.unwrap();
    assert_eq!(service::results(&db, &orga, id, Filter::default(), Lang::default()).await.unwrap().responses, 2);
});

db_test!(waves_are_copied_and_compared_by_organisation_type, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let first = two_pages(&db, &orga, p).await;
    let mut s = settings("Datenabfrage 2019");
    s.ask_organisation = true;
    service::update_settings(&db, &orga, first, &s).await.unwrap();
    for (org, who, members) in
        [("migrant", "Verein", "40"), ("association", "Verein", "60"), ("migrant", "Verwaltung", "10")]
    {
        let respondent = Respondent::parse("Ein Verein", org).unwrap();
        let key = service::start(&db, first, &Visitor::default(), None, &respondent).await.unwrap();
        let page1 = if who == "Verein" { raw(&[("q1", "o1"), ("q2", "x")]) } else { raw(&[("q1", "o2")]) };
        service::step(&db, first, &key, At::page(1), Step::Next, &page1).await.unwrap();
        service::step(&db, first, &key, At::page(2), Step::Submit, &raw(&[("q3", members), ("q4.o3", "3")]))
            .await
            .unwrap();
    }
    let migrant = Filter { org_type: Some(app::workshops::types::OrgType::Migrant), measure: None };
    let r = service::results(&db, &orga, first, migrant, Lang::default()).await.unwrap();
    assert_eq!(r.responses, 2);
    let Figures::Numbers { stats, .. } = &r.questions[2].figures else { panic!("numbers") };
    assert_eq!(stats.as_ref().unwrap().mean, 25.0);
    let second = service::copy_wave(&db, &orga, first, "Datenabfrage 2021").await.unwrap();
    let admin = service::admin(&db, &orga, second, "http://x").await.unwrap();
    assert_eq!((admin.wave, admin.state, admin.responses), (2, SurveyState::Draft, 0));
    assert_eq!(admin.waves.len(), 1);
    assert!(admin.settings.ask_organisation);
    service::set_state(&db, &orga, second, SurveyState::Open).await.unwrap();
    answer_all(&db, second, "Verein", "80", "5").await;
    let c = service::compare(&db, &orga, first, second, Lang::default()).await.unwrap();
    let choice = &c.questions[0];
    assert_eq!(choice.lines[0].label, "Verein");
    assert_eq!(choice.lines[0].b, Some(100.0));
    assert!((choice.lines[0].a.unwrap() - 200.0 / 3.0).abs() < 1e-6);
    let number = &c.questions[2];
    assert_eq!((number.lines[0].a, number.lines[0].b), (Some(110.0 / 3.0), Some(80.0)));
    let other = service::create(&db, &orga, p, &settings("Andere"), Lang::default()).await.unwrap();
    assert!(service::compare(&db, &orga, first, other, Lang::default()).await.is_err());
});

db_test!(evaluations_are_attached_to_measures_and_counted_per_measure, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let field = processes::service::add_action_field(&db, &orga, p, &ActionFieldInput::parse("Bildung", "").unwrap())
        .await
        .unwrap();
    let form = |t: &str| MeasureForm { title: t.into(), action_field: field.to_string(), ..MeasureForm::default() };
    let cafe = app::plan::service::create(&db, &orga, p, &form("Sprachcafés"), None, false).await.unwrap();
    let fest = app::plan::service::create(&db, &orga, p, &form("Straßenfest"), None, false).await.unwrap();
    let id = service::create_evaluation(&db, &orga, p, &[cafe.0, fest.0]).await.unwrap();
    service::set_state(&db, &orga, id, SurveyState::Open).await.unwrap();
    let err = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap_err();
    assert_eq!(err.field("measure").unwrap().key, "survey-measure-choose");
    for (measure, step) in [(cafe.0, "5"), (cafe.0, "3"), (fest.0, "2")] {
        let key = service::start(&db, id, &Visitor::default(), Some(measure), &Respondent::default()).await.unwrap();
        service::step(&db, id, &key, At::page(1), Step::Next, &raw(&[("role", "participant")])).await.unwrap();
        service::step(&db, id, &key, At::page(2), Step::Next, &raw(&[("satisfaction.overall", step)])).await.unwrap();
        service::step(&db, id, &key, At::page(3), Step::Submit, &raw(&[("remarks", "=HYPERLINK(\"x\")")]))
            .await
            .unwrap();
    }
    let figures = service::evaluation_figures(&db, &orga, &[cafe.0, fest.0]).await.unwrap();
    assert_eq!(figures[&cafe.0].responses, 2);
    assert_eq!(figures[&cafe.0].satisfaction, Some((4.0, 5)));
    assert_eq!(figures[&fest.0].satisfaction, Some((2.0, 5)));
    // Visitors see the figures only once the results are public.
    assert!(service::evaluation_figures(&db, &Actor::Anonymous, &[cafe.0]).await.unwrap().is_empty());
    let only_cafe = Filter { org_type: None, measure: Some(cafe.0) };
    assert_eq!(service::results(&db, &orga, id, only_cafe, Lang::default()).await.unwrap().responses, 2);
    // A measure with responses stays linked.
    assert!(matches!(service::set_measures(&db, &orga, id, &[fest.0]).await, Err(AppError::Conflict(_))));
    // The CSV: BOM, semicolons, one row per response, the formula neutralised.
    let (_, bytes) = service::responses_csv(&db, &orga, id).await.unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("\u{feff}Nr.;Abgeschickt am;Maßnahme;Wie waren Sie an der Maßnahme beteiligt?;"));
    assert!(lines[0].contains("Wen hat die Maßnahme erreicht?: Erwachsene"));
    assert!(lines[1].contains(";Sprachcafés;als Teilnehmerin oder Teilnehmer;"));
    assert!(lines[1].contains("\"'=HYPERLINK(\"\"x\"\")\""), "{}", lines[1]);
    let columns = lines[0].matches(';').count();
    assert!(lines.iter().all(|l| l.matches(';').count() >= columns));
});

db_test!(survey_files_round_trip_and_broken_ones_are_refused, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = two_pages(&db, &orga, p).await;
    let file = service::export(&db, &orga, id).await.unwrap();
    let bytes = serde_json::to_vec(&file).unwrap();
    let read = SurveyFile::read(&bytes).unwrap();
    let copy = service::import(&db, &orga, p, &read).await.unwrap();
    let a = service::admin(&db, &orga, id, "http://x").await.unwrap();
    let b = service::admin(&db, &orga, copy, "http://x").await.unwrap();
    assert_eq!(a.definition, b.definition);
    assert_eq!(b.state, SurveyState::Draft);
    let mut broken = file.clone();
    broken.sections[0].questions[1].condition.as_mut().unwrap().question = "q9".into();
    let err = SurveyFile::read(&serde_json::to_vec(&broken).unwrap()).unwrap_err();
    assert_eq!(err.field("file").unwrap().key, "survey-file-condition");
});

db_test!(only_organizers_build_surveys_and_see_unpublished_results, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = two_pages(&db, &orga, p).await;
    let moderator = staff(&db, Role::Moderator).await;
    for actor in [&moderator, &Actor::Anonymous] {
        let expected = if actor == &Actor::Anonymous { AppError::Unauthenticated } else { AppError::Forbidden };
        assert_eq!(service::list(&db, actor, p).await.unwrap_err(), expected);
        assert_eq!(service::create(&db, actor, p, &settings("X"), Lang::default()).await.unwrap_err(), expected);
        assert_eq!(service::add_question(&db, actor, id, "s1", &qf("text", "X?", "")).await.unwrap_err(), expected);
        assert_eq!(service::set_state(&db, actor, id, SurveyState::Closed).await.unwrap_err(), expected);
        assert_eq!(service::results(&db, actor, id, Filter::default(), Lang::default()).await.unwrap_err(), expected);
        assert_eq!(service::responses_csv(&db, actor, id).await.unwrap_err(), expected);
        assert_eq!(service::export(&db, actor, id).await.unwrap_err(), expected);
        assert_eq!(service::copy_wave(&db, actor, id, "W").await.unwrap_err(), expected);
    }
    let mut s = settings("Datenabfrage 2019");
    s.results_public = true;
    service::update_settings(&db, &orga, id, &s).await.unwrap();
    assert!(service::results(&db, &Actor::Anonymous, id, Filter::default(), Lang::default()).await.is_ok());
    assert_eq!(service::responses_csv(&db, &Actor::Anonymous, id).await.unwrap_err(), AppError::Unauthenticated);
});

db_test!(steps_never_overwrite_each_other_and_sent_answers_stay_counted, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let id = two_pages(&db, &orga, p).await;
    let key = service::start(&db, id, &Visitor::default(), None, &Respondent::default()).await.unwrap();
    // Two windows: both read the response, the slower one is refused instead of losing the other.
    let steps = futures::future::join_all((0..6).map(|i| {
        let (db, key) = (db.clone(), key.clone());
        async move {
            let members = (10 + i).to_string();
            service::step(&db, id, &key, At::page(2), Step::Back, &raw(&[("q3", members.as_str())])).await
        }
    }))
    .await;
    let saved: Vec<_> = steps.iter().filter(|r| r.is_ok()).collect();
    assert!(!saved.is_empty());
    for r in steps.iter().filter(|r| r.is_err()) {
        assert!(matches!(r, Err(AppError::Conflict(m)) if m.key == "survey-saved-elsewhere"), "{r:?}");
    }
    // A page whose section is gone (the questionnaire changed) is refused, nothing is moved.
    let gone = service::At { page: 1, section: Some("s9") };
    let err = service::step(&db, id, &key, gone, Step::Next, &raw(&[("q1", "o2")])).await.unwrap_err();
    assert!(matches!(err, AppError::Conflict(m) if m.key == "survey-questionnaire-changed"));
    let by_id = service::At { page: 7, section: Some("s1") };
    assert_eq!(service::step(&db, id, &key, by_id, Step::Next, &raw(&[("q1", "o2")])).await.unwrap(), 2);
    service::step(&db, id, &key, At::page(2), Step::Next, &raw(&[("q3", "450"), ("q4.o3", "2")])).await.unwrap();
    service::step(&db, id, &key, At::page(3), Step::Submit, &raw(&[])).await.unwrap();
    // The key of a sent response shows nothing of it any more.
    let page = service::page(&db, id, &key, Some(1)).await.unwrap();
    assert!(page.submitted && page.raw.is_empty() && page.section.is_none() && page.review.is_empty());
    // A stricter rule later does not drop the sent answer from the results.
    let mut number = qf("", "Wie viele Mitglieder?", "");
    number.min = "0".into();
    number.max = "100".into();
    number.unit = "Personen".into();
    number.required = Some("on".into());
    service::update_question(&db, &orga, id, "q3", &number).await.unwrap();
    let r = service::results(&db, &orga, id, Filter::default(), Lang::default()).await.unwrap();
    assert_eq!(r.questions[2].answered, 1, "sent answers count as sent");
});

db_test!(merging_measures_takes_their_evaluations_along, |db: DatabaseConnection| async move {
    let (orga, p) = process(&db).await;
    let field = processes::service::add_action_field(&db, &orga, p, &ActionFieldInput::parse("Bildung", "").unwrap())
        .await
        .unwrap();
    let form = |t: &str| MeasureForm { title: t.into(), action_field: field.to_string(), ..MeasureForm::default() };
    let a = app::plan::service::create(&db, &orga, p, &form("Sprachcafé Nord"), None, false).await.unwrap();
    let b = app::plan::service::create(&db, &orga, p, &form("Sprachcafés"), None, false).await.unwrap();
    let id = service::create_evaluation(&db, &orga, p, &[a.0, b.0]).await.unwrap();
    service::set_state(&db, &orga, id, SurveyState::Open).await.unwrap();
    let key = service::start(&db, id, &Visitor::default(), Some(a.0), &Respondent::default()).await.unwrap();
    service::step(&db, id, &key, At::page(1), Step::Next, &raw(&[("role", "participant")])).await.unwrap();
    service::step(&db, id, &key, At::page(2), Step::Submit, &raw(&[("satisfaction.overall", "4")])).await.unwrap();
    app::plan::service::merge(&db, &orga, a, b).await.unwrap();
    let figures = service::evaluation_figures(&db, &orga, &[b.0]).await.unwrap();
    assert_eq!(figures[&b.0].responses, 1, "the merged measure's response counts for the one it went into");
    let intro = service::intro(&db, id, &Visitor::default(), None).await.unwrap();
    assert_eq!(intro.measures.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(), ["Sprachcafés"]);
    service::set_measures(&db, &orga, id, &[b.0]).await.unwrap();
});
