use super::*;

fn form(title: &str) -> MeasureForm {
    MeasureForm { title: title.into(), action_field: Uuid::new_v4().to_string(), ..MeasureForm::default() }
}

#[test]
fn a_measure_needs_a_title_and_an_action_field_within_limits() {
    assert!(MeasureInput::parse(&form("Sprachcafé im Stadtteil")).is_ok());
    let bad = MeasureForm {
        title: "x".repeat(MEASURE_TITLE_MAX + 1),
        lead: "y".repeat(LEAD_MAX + 1),
        ..MeasureForm::default()
    };
    let err = MeasureInput::parse(&bad).expect_err("invalid");
    let title = err.field("title").expect("title refused");
    assert!(title.args.contains(&("max".to_owned(), MEASURE_TITLE_MAX.to_string())));
    assert!(err.field("lead").is_some());
    assert_eq!(err.field("action_field"), Some(Msg::new("measure-action-field-required")));
}

#[test]
fn a_timeframe_is_months_in_order_or_a_text() {
    let mut f = form("M");
    f.time_from = "2027-07".into();
    f.time_to = "2027-03".into();
    let err = MeasureInput::parse(&f).expect_err("end before start");
    assert_eq!(err.field("time_to"), Some(Msg::new("measure-end-before-start")));
    f.time_to = "13/2027".into();
    assert_eq!(MeasureInput::parse(&f).expect_err("no month").field("time_to"), Some(Msg::new("field-month")));
    f.time_to = "12/2027".into();
    let ok = MeasureInput::parse(&f).expect("months");
    assert_eq!(ok.timeframe.display(), "07/2027 – 12/2027");
    f.time_text = "Juli bis Projektende".into();
    let ok = MeasureInput::parse(&f).expect("months win");
    assert_eq!(ok.timeframe.display(), "07/2027 – 12/2027");
    f.time_from.clear();
    f.time_to.clear();
    let ok = MeasureInput::parse(&f).expect("the text without months");
    assert_eq!(ok.timeframe, Timeframe { from: None, to: None, text: "Juli bis Projektende".into() });
}

#[test]
fn new_partners_are_lines_without_repeats_and_bounded() {
    let mut f = form("M");
    f.new_partners = "Integrationsrat\n• AK Asyl\nintegrationsrat\n\n".into();
    f.new_partner_kind = "migrant".into();
    let ok = MeasureInput::parse(&f).expect("valid");
    assert_eq!(
        ok.new_partners,
        vec![("Integrationsrat".to_owned(), PartnerKind::Migrant), ("AK Asyl".to_owned(), PartnerKind::Migrant)]
    );
    f.new_partners = (0..=PARTNERS_PER_MEASURE).map(|i| format!("Verein {i}\n")).collect();
    let err = MeasureInput::parse(&f).expect_err("too many");
    assert_eq!(err.field("new_partners"), Some(Msg::new("field-count-limit").arg("max", PARTNERS_PER_MEASURE)));
}

#[test]
fn progress_follows_the_status() {
    assert_eq!(
        Progress::parse("in_progress", "40").expect("ok"),
        Progress { status: MeasureStatus::InProgress, percent: 40 }
    );
    assert_eq!(Progress::parse("done", "60").expect("done is 100").percent, 100);
    assert_eq!(
        Progress::parse("planned", "10").expect_err("planned").field("progress"),
        Some(Msg::new("measure-planned-progress"))
    );
    assert!(Progress::parse("in_progress", "101").expect_err("range").field("progress").is_some());
    assert!(Progress::parse("in_progress", "-1").is_err());
    assert!(Progress::parse("fertig", "0").expect_err("unknown").field("status").is_some());
}

#[test]
fn notes_and_adoptions_need_a_date() {
    assert!(NoteInput::parse("note", "", "Text", false).expect_err("no date").field("on").is_some());
    assert!(NoteInput::parse("note", "2027-02-30", "Text", false).is_err());
    let m = NoteInput::parse("milestone", "2027-03-01", "Auftakt", true).expect("ok");
    assert!(m.done);
    assert!(!NoteInput::parse("note", "2027-03-01", "Text", true).expect("ok").done);
    assert!(AdoptionInput::parse("", "").expect_err("no date").field("adopted_on").is_some());
    assert!(
        AdoptionInput::parse("2027-03-01", &"n".repeat(ADOPTION_NOTE_MAX + 1))
            .expect_err("long")
            .field("note")
            .is_some()
    );
}

fn doc(measures: Vec<MeasureDoc>) -> PlanDoc {
    PlanDoc {
        format: PLAN_FORMAT.into(),
        process: ProcessRef { id: ProcessId(Uuid::nil()), name: "P".into(), municipality: "K".into() },
        version: None,
        action_fields: vec![],
        phases: vec![],
        measures,
    }
}

fn measure(title: &str) -> MeasureDoc {
    MeasureDoc {
        id: MeasureId(Uuid::new_v4()),
        action_field: "Bildung".into(),
        phase: None,
        timeframe: Timeframe::default(),
        title: title.into(),
        description: String::new(),
        goals: vec![],
        partners: vec![],
        lead: String::new(),
        status: MeasureStatus::Planned,
        progress: 0,
        target_groups: String::new(),
        indicators: String::new(),
        resources: String::new(),
        themes: vec![],
        origin: Origin::Direct,
        sources: vec![],
        merged: vec![],
    }
}

#[test]
fn the_diff_names_added_removed_and_changed_fields() {
    let (kept, gone) = (measure("Sprachcafé"), measure("Straßenfest"));
    let mut changed = kept.clone();
    changed.lead = "KI".into();
    changed.status = MeasureStatus::InProgress;
    changed.progress = 20;
    let new = measure("Beratung");
    let d = diff(&doc(vec![kept.clone(), gone.clone()]), &doc(vec![changed, new.clone()]));
    assert_eq!(d.added, vec![NamedRef { id: new.id.0, name: "Beratung".into() }]);
    assert_eq!(d.removed, vec![NamedRef { id: gone.id.0, name: "Straßenfest".into() }]);
    let fields: Vec<&str> = d.changed[0].changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, vec!["measure-lead", "measure-status", "measure-progress"]);
    assert_eq!(diff(&doc(vec![kept.clone()]), &doc(vec![kept])), PlanDiff::default());
}

#[test]
fn the_filter_matches_field_status_partner_and_search() {
    let mut m = measure("Sprachcafé");
    m.partners = vec![PartnerDoc { name: "Integrationsrat".into(), kind: PartnerKind::Migrant }];
    m.goals = vec!["Teilhabe stärken".into()];
    let keeps = |f: PlanFilter| f.keeps(&m);
    assert!(keeps(PlanFilter::default()));
    assert!(keeps(PlanFilter { field: "Bildung".into(), q: "teilhabe".into(), ..PlanFilter::default() }));
    assert!(!keeps(PlanFilter { field: "Arbeit".into(), ..PlanFilter::default() }));
    assert!(keeps(PlanFilter { partner: "Integrationsrat".into(), status: "planned".into(), ..PlanFilter::default() }));
    assert!(!keeps(PlanFilter { status: "done".into(), ..PlanFilter::default() }));
    assert!(!keeps(PlanFilter { q: "fest".into(), ..PlanFilter::default() }));
}
