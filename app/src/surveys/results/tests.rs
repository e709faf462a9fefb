use super::*;
use crate::surveys::types::{Choice, Section};

fn question(id: &str, kind: Kind, options: &[&str]) -> Question {
    Question {
        id: id.into(),
        kind,
        text: id.into(),
        help: String::new(),
        required: false,
        options: options.iter().map(|o| Choice { id: (*o).into(), label: o.to_uppercase() }).collect(),
        scale: if kind == Kind::Likert { (1..=5).map(|n| n.to_string()).collect() } else { Vec::new() },
        other: false,
        min: None,
        max: None,
        unit: String::new(),
        condition: None,
    }
}

fn def() -> Definition {
    Definition {
        sections: vec![Section {
            id: "s".into(),
            title: "Teil".into(),
            questions: vec![
                question("choice", Kind::Single, &["a", "b"]),
                question("satisfaction", Kind::Likert, &["overall"]),
                question("rating", Kind::Rating, &[]),
                question("n", Kind::Number, &[]),
            ],
        }],
    }
}

fn response(choice: &str, step: u8, rating: f64, n: f64) -> BTreeMap<String, Answer> {
    BTreeMap::from([
        ("choice".to_owned(), Answer::Choices { ids: vec![choice.into()], other: None }),
        ("satisfaction".to_owned(), Answer::Steps(BTreeMap::from([("overall".to_owned(), step)]))),
        ("rating".to_owned(), Answer::Number(rating)),
        ("n".to_owned(), Answer::Number(n)),
    ])
}

#[test]
fn counts_means_and_medians_come_out_right() {
    let rs = vec![response("a", 5, 10.0, 1.0), response("a", 4, 8.0, 2.0), response("b", 1, 0.0, 30.0)];
    let out = compute(&def(), &rs, "Sonstiges");
    let Figures::Choices { bars, .. } = &out[0].figures else { panic!() };
    assert_eq!(bars.iter().map(|b| b.count).collect::<Vec<_>>(), [2, 1]);
    let Figures::Likert { rows, .. } = &out[1].figures else { panic!() };
    assert_eq!(rows[0].counts, [1, 0, 0, 1, 1]);
    assert!((rows[0].mean.unwrap() - 10.0 / 3.0).abs() < 1e-9);
    assert_eq!(rows[0].median, Some(4.0));
    let Figures::Rating { counts, stats, .. } = &out[2].figures else { panic!() };
    assert_eq!(counts[10] + counts[8] + counts[0], 3);
    assert_eq!(stats.as_ref().unwrap().median, 8.0);
    let Figures::Numbers { bins, stats, .. } = &out[3].figures else { panic!() };
    assert_eq!(bins.iter().map(|b| b.count).sum::<u64>(), 3);
    assert_eq!(stats.as_ref().unwrap().max, 30.0);
    assert_eq!(satisfaction(&def(), &rs).map(|(m, top)| ((m * 100.0).round(), top)), Some((333.0, 5)));
}

#[test]
fn waves_compare_by_question_with_the_change() {
    let results = |rs: &[BTreeMap<String, Answer>]| Results {
        survey: SurveyId(uuid::Uuid::new_v4()),
        title: "W".into(),
        process_name: String::new(),
        responses: rs.len() as u64,
        partial: 0,
        org_type: None,
        measure: None,
        measures: Vec::new(),
        ask_organisation: false,
        questions: compute(&def(), rs, "Sonstiges"),
        waves: Vec::new(),
        public: false,
    };
    let a = results(&[response("a", 2, 4.0, 1.0), response("b", 2, 4.0, 1.0)]);
    let b = results(&[response("a", 4, 8.0, 1.0), response("a", 4, 6.0, 1.0)]);
    let c = compare(&a, &b);
    let choice = &c.questions[0];
    assert_eq!(choice.unit, CompareUnit::Percent);
    assert_eq!((choice.lines[0].a, choice.lines[0].b), (Some(50.0), Some(100.0)));
    let rating = &c.questions[2];
    assert_eq!((rating.lines[0].a, rating.lines[0].b), (Some(4.0), Some(7.0)));
}
