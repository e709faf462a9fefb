use super::*;
use crate::surveys::types::{Choice, Section};

fn q(id: &str, kind: Kind) -> Question {
    Question {
        id: id.into(),
        kind,
        text: format!("Frage {id}"),
        help: String::new(),
        required: false,
        options: Vec::new(),
        scale: Vec::new(),
        other: false,
        min: None,
        max: None,
        unit: String::new(),
        condition: None,
    }
}

fn with_options(mut q: Question, ids: &[&str]) -> Question {
    q.options = ids.iter().map(|i| Choice { id: (*i).into(), label: format!("Option {i}") }).collect();
    q
}

fn raw(pairs: &[(&str, &str)]) -> Raw {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn single_choice_takes_known_options_and_the_other_text() {
    let mut single = with_options(q("q1", Kind::Single), &["a", "b"]);
    assert_eq!(parse(&single, &raw(&[("q1", "a")])), Ok(Some(Answer::Choices { ids: vec!["a".into()], other: None })));
    assert_eq!(parse(&single, &raw(&[("q1", "zz")])).unwrap_err().key, "survey-unknown-option");
    assert_eq!(parse(&single, &raw(&[("q1", "_other")])).unwrap_err().key, "survey-unknown-option");
    single.other = true;
    assert_eq!(parse(&single, &raw(&[("q1", "_other")])).unwrap_err().key, "survey-other-empty");
    assert_eq!(
        parse(&single, &raw(&[("q1", "_other"), ("q1.other", "Kirche")])),
        Ok(Some(Answer::Choices { ids: vec!["_other".into()], other: Some("Kirche".into()) }))
    );
    assert_eq!(parse(&single, &raw(&[])), Ok(None));
}

#[test]
fn multiple_choice_counts_against_min_and_max() {
    let mut m = with_options(q("q1", Kind::Multiple), &["a", "b", "c"]);
    m.min = Some(2.0);
    m.max = Some(2.0);
    assert_eq!(parse(&m, &raw(&[("q1.a", "on")])).unwrap_err().key, "survey-choices-min");
    let too_many = parse(&m, &raw(&[("q1.a", "on"), ("q1.b", "on"), ("q1.c", "on")])).unwrap_err();
    assert_eq!(too_many.key, "survey-choices-max");
    assert!(too_many.args.contains(&("max".into(), "2".into())));
    assert!(parse(&m, &raw(&[("q1.a", "on"), ("q1.c", "on")])).unwrap().is_some());
    assert_eq!(parse(&m, &raw(&[("q1.x", "on")])).unwrap_err().key, "survey-unknown-option");
}

#[test]
fn likert_steps_stay_on_the_scale_and_required_matrices_are_complete() {
    let mut l = with_options(q("q1", Kind::Likert), &["s1", "s2"]);
    l.scale = (1..=5).map(|n| n.to_string()).collect();
    assert_eq!(parse(&l, &raw(&[("q1.s1", "6")])).unwrap_err().key, "survey-step-invalid");
    assert!(parse(&l, &raw(&[("q1.s1", "5")])).unwrap().is_some());
    l.required = true;
    assert_eq!(parse(&l, &raw(&[("q1.s1", "5")])).unwrap_err().key, "survey-matrix-incomplete");
}

#[test]
fn ratings_numbers_dates_and_texts_keep_their_rules() {
    let r = q("q1", Kind::Rating);
    assert_eq!(parse(&r, &raw(&[("q1", "11")])).unwrap_err().key, "survey-rating-range");
    assert_eq!(parse(&r, &raw(&[("q1", "0")])), Ok(Some(Answer::Number(0.0))));
    let mut n = q("q1", Kind::Number);
    n.min = Some(0.0);
    n.max = Some(120.0);
    assert_eq!(parse(&n, &raw(&[("q1", "12,5")])), Ok(Some(Answer::Number(12.5))));
    let out = parse(&n, &raw(&[("q1", "121")])).unwrap_err();
    assert_eq!(out.key, "survey-number-range");
    assert!(out.args.contains(&("max".into(), "120".into())));
    assert_eq!(parse(&n, &raw(&[("q1", "zwölf")])).unwrap_err().key, "survey-number-invalid");
    let d = q("q1", Kind::Date);
    assert_eq!(
        parse(&d, &raw(&[("q1", "24.03.2027")])),
        Ok(Some(Answer::Date(NaiveDate::from_ymd_opt(2027, 3, 24).unwrap())))
    );
    assert_eq!(parse(&d, &raw(&[("q1", "morgen")])).unwrap_err().key, "field-date");
    let mut t = q("q1", Kind::Text);
    t.max = Some(5.0);
    let long = parse(&t, &raw(&[("q1", "sechs!")])).unwrap_err();
    assert_eq!(long.key, "survey-text-too-long");
    assert!(long.args.contains(&("actual".into(), "6".into())));
}

#[test]
fn rankings_are_distinct_places_without_gaps() {
    let r = with_options(q("q1", Kind::Ranking), &["a", "b", "c"]);
    assert_eq!(parse(&r, &raw(&[("q1.a", "1"), ("q1.b", "1")])).unwrap_err().key, "survey-ranking-duplicate");
    assert_eq!(parse(&r, &raw(&[("q1.a", "2")])).unwrap_err().key, "survey-ranking-gap");
    assert_eq!(parse(&r, &raw(&[("q1.a", "4")])).unwrap_err().key, "survey-ranking-range");
    assert_eq!(
        parse(&r, &raw(&[("q1.c", "1"), ("q1.a", "2")])),
        Ok(Some(Answer::Ranking(vec!["c".into(), "a".into()])))
    );
}

#[test]
fn a_question_whose_condition_fails_is_neither_required_nor_counted() {
    let first = with_options(q("q1", Kind::Single), &["yes", "no"]);
    let mut second = q("q2", Kind::Text);
    second.required = true;
    second.condition = Some(Condition { question: "q1".into(), op: CondOp::Equals, values: vec!["yes".into()] });
    let def = Definition {
        sections: vec![Section { id: "s1".into(), title: String::new(), questions: vec![first, second] }],
    };
    let no = raw(&[("q1", "no"), ("q2", "trotzdem geschrieben")]);
    assert!(check(&def, &no, None, true).is_empty());
    assert!(!answers(&def, &no, false).contains_key("q2"), "the hidden question's answer does not count");
    let yes = raw(&[("q1", "yes")]);
    let errors = check(&def, &yes, None, true);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "q-q2");
    assert_eq!(section_of(&def, &errors), Some(0));
}

#[test]
fn page_fields_drop_what_the_questionnaire_does_not_have() {
    let single = with_options(q("q1", Kind::Single), &["a", "b"]);
    let multi = with_options(q("q2", Kind::Multiple), &["x"]);
    let posted = raw(&[("q1", "a"), ("q2.x", "on"), ("q9", "fremd")]);
    let kept = page_fields(&[&single, &multi], &posted).unwrap();
    assert_eq!(kept.len(), 2);
    let crafted = raw(&[("q2.evil", "on")]);
    assert!(page_fields(&[&single, &multi], &crafted).is_err());
}
