use super::*;

fn form(kind: &str, text: &str, options: &str) -> QuestionForm {
    QuestionForm { kind: kind.into(), text: text.into(), options: options.into(), ..QuestionForm::default() }
}

fn def_with(questions: Vec<Question>) -> Definition {
    Definition { sections: vec![Section { id: "s1".into(), title: String::new(), questions }] }
}

#[test]
fn a_choice_question_needs_two_options_and_names_the_limit() {
    let err = form("single", "Wie alt?", "nur eine").parse(&Definition::default(), None).unwrap_err();
    let msg = err.field("options").unwrap();
    assert_eq!(msg.key, "survey-options-count");
    assert!(msg.args.contains(&("max".into(), OPTIONS_MAX.to_string())));
    let q =
        form("single", "Wie alt?", "unter 18\n18 bis 64\n• 65 und älter").parse(&Definition::default(), None).unwrap();
    assert_eq!(
        q.options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>(),
        ["unter 18", "18 bis 64", "65 und älter"]
    );
    assert_eq!(q.id, "q1");
}

#[test]
fn likert_scales_have_five_or_seven_steps_and_a_default() {
    let q = form("likert", "Zufrieden?", "Insgesamt").parse(&Definition::default(), None).unwrap();
    assert_eq!(q.scale.len(), 5);
    let mut f = form("likert", "Zufrieden?", "Insgesamt");
    f.scale = "a\nb\nc".into();
    assert_eq!(f.parse(&Definition::default(), None).unwrap_err().field("scale").unwrap().key, "survey-scale-steps");
    f.scale = "1\n2\n3\n4\n5\n6\n7".into();
    assert_eq!(f.parse(&Definition::default(), None).unwrap().steps(), 7);
}

#[test]
fn number_limits_read_german_commas_and_refuse_min_over_max() {
    let mut f = form("number", "Wie viele?", "");
    f.min = "1,5".into();
    f.max = "1.000,5".into();
    let q = f.parse(&Definition::default(), None).unwrap();
    assert_eq!((q.min, q.max), (Some(1.5), Some(1000.5)));
    f.min = "20".into();
    f.max = "10".into();
    assert_eq!(f.parse(&Definition::default(), None).unwrap_err().field("max").unwrap().key, "survey-min-max");
}

#[test]
fn renamed_options_keep_their_ids_and_new_ones_get_fresh_ids() {
    let def = def_with(vec![]);
    let q = form("single", "Farbe?", "rot\ngrün").parse(&def, None).unwrap();
    let def = def_with(vec![q.clone()]);
    // "grün" renamed to "Grün", "blau" added: ids of rot and grün stay.
    let changed = form("single", "Farbe?", "rot\nGrün\nblau").parse(&def, Some(&q)).unwrap();
    assert_eq!(changed.options[0].id, q.options[0].id);
    assert_eq!(changed.options[1].id, q.options[1].id);
    assert!(!q.options.iter().any(|o| o.id == changed.options[2].id));
    let (removed, reworded) = change_of(&q, &changed);
    assert!(removed.is_empty());
    assert!(reworded);
    let fewer = form("single", "Farbe?", "rot\nblau").parse(&def, Some(&q)).unwrap();
    let (removed, _) = change_of(&q, &fewer);
    assert!(removed.is_empty(), "a changed label at the same place is a rename: {removed:?}");
    let only_one = form("single", "Farbe?", "grün\nlila").parse(&def, Some(&q)).unwrap();
    assert_eq!(only_one.options[0].id, q.options[1].id);
    assert_eq!(change_of(&q, &only_one).0, vec!["rot".to_owned()]);
}

#[test]
fn conditions_look_back_and_map_labels_to_option_ids() {
    let q1 = form("single", "Organisation?", "Verein\nVerwaltung").parse(&Definition::default(), None).unwrap();
    let def = def_with(vec![q1.clone()]);
    let mut f = form("text", "Welcher Verein?", "");
    f.cond_question = q1.id.clone();
    f.cond_op = "equals".into();
    f.cond_values = "verein".into();
    let q2 = f.parse(&def, None).unwrap();
    assert_eq!(
        q2.condition,
        Some(Condition { question: q1.id.clone(), op: CondOp::Equals, values: vec![q1.options[0].id.clone()] })
    );
    f.cond_values = "Schule".into();
    assert_eq!(f.parse(&def, None).unwrap_err().field("cond_values").unwrap().key, "survey-condition-unknown");
    f.cond_question = "q9".into();
    assert_eq!(f.parse(&def, None).unwrap_err().field("cond_question").unwrap().key, "survey-condition-earlier");
    // A question cannot depend on itself or a later one.
    let def = def_with(vec![q1.clone(), q2.clone()]);
    let mut own = form("single", "Organisation?", "Verein\nVerwaltung");
    own.cond_question = q2.id.clone();
    assert!(own.parse(&def, Some(&q1)).is_err());
}

#[test]
fn the_check_refuses_broken_files() {
    let q1 = form("single", "A?", "x\ny").parse(&Definition::default(), None).unwrap();
    let mut q2 = form("text", "B?", "").parse(&def_with(vec![q1.clone()]), None).unwrap();
    q2.condition = Some(Condition { question: q1.id.clone(), op: CondOp::Equals, values: vec!["nope".into()] });
    assert_eq!(
        def_with(vec![q1.clone(), q2.clone()]).check().unwrap_err().field("file").unwrap().key,
        "survey-file-condition"
    );
    q2.condition = None;
    q2.id = q1.id.clone();
    assert_eq!(
        def_with(vec![q1.clone(), q2.clone()]).check().unwrap_err().field("file").unwrap().key,
        "survey-file-id"
    );
    // The condition after its question in the order is refused too.
    let mut q3 = form("text", "C?", "").parse(&def_with(vec![q1.clone()]), None).unwrap();
    q3.id = "q3".into();
    let mut first = q1.clone();
    first.condition = Some(Condition { question: "q3".into(), op: CondOp::Answered, values: vec![] });
    assert!(def_with(vec![first, q3]).check().is_err());
}

#[test]
fn the_evaluation_template_is_a_valid_file() {
    let file = SurveyFile::read(include_str!("../evaluation.json").as_bytes()).unwrap();
    let def = Definition { sections: file.sections };
    assert!(def.question("satisfaction").is_some_and(|q| q.kind == Kind::Likert));
    assert!(SurveyFile::read(b"{\"format\":\"other/1\",\"title\":\"x\",\"sections\":[]}").is_err());
    assert_eq!(SurveyFile::read(b"not json").unwrap_err().field("file").unwrap().key, "survey-file-unreadable");
}

#[test]
fn settings_need_a_workshop_for_workshop_surveys_and_dates_in_order() {
    let err =
        Settings::parse("Umfrage", "", "workshop", "", "2027-05-01", "2027-04-01", false, false, false).unwrap_err();
    assert_eq!(err.field("workshop").unwrap().key, "survey-workshop-required");
    assert_eq!(err.field("closes_on").unwrap().key, "survey-dates-order");
    let err = Settings::parse("Umfrage", "", "public", "", "", "", true, false, false).unwrap_err();
    assert_eq!(err.field("one_per_participant").unwrap().key, "survey-one-per-participant-workshop");
    assert!(Settings::parse("", "", "public", "", "", "", false, false, false).is_err());
}

#[test]
fn berlin_dates_follow_summer_time() {
    use chrono::TimeZone;
    let winter = chrono::Utc.with_ymd_and_hms(2027, 1, 10, 23, 30, 0).unwrap();
    assert_eq!(berlin_date(winter), NaiveDate::from_ymd_opt(2027, 1, 11).unwrap());
    let summer_evening = chrono::Utc.with_ymd_and_hms(2027, 7, 10, 22, 30, 0).unwrap();
    assert_eq!(berlin_date(summer_evening), NaiveDate::from_ymd_opt(2027, 7, 11).unwrap());
    let summer_day = chrono::Utc.with_ymd_and_hms(2027, 7, 10, 21, 30, 0).unwrap();
    assert_eq!(berlin_date(summer_day), NaiveDate::from_ymd_opt(2027, 7, 10).unwrap());
}

#[test]
fn numbers_read_german_thousands_and_refuse_exponents() {
    assert_eq!(parse_number("1.500"), Some(1500.0));
    assert_eq!(parse_number("1.234,5"), Some(1234.5));
    assert_eq!(parse_number("12.5"), Some(12.5));
    assert_eq!(parse_number("-3"), Some(-3.0));
    assert_eq!(parse_number("1e308"), None);
    assert_eq!(parse_number("9999999999999"), None);
}
