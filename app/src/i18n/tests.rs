use std::collections::HashMap;

use super::*;

fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with(['#', ' ', '\t', '.']) && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .map(|id| id.trim().to_owned())
        .collect()
}

#[test]
fn every_language_has_every_german_message() {
    let german = &LOCALES[0];
    let participant_ids = message_ids(german.participant);
    let staff_ids = message_ids(german.staff.unwrap_or_default());
    assert!(participant_ids.len() > 50 && staff_ids.len() > 50, "German files look empty");
    assert!(LOCALES.len() >= 6, "German, English, Turkish, Arabic, Ukrainian and Leichte Sprache");
    for locale in LOCALES {
        let code = locale.code;
        let ids = message_ids(locale.participant);
        let missing: Vec<_> = participant_ids.iter().filter(|id| !ids.contains(id)).collect();
        assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
        let extra: Vec<_> = ids.iter().filter(|id| !participant_ids.contains(id)).collect();
        assert!(extra.is_empty(), "{code}.ftl has keys German lacks: {extra:?}");
        if let Some(staff) = locale.staff {
            let ids = message_ids(staff);
            let missing: Vec<_> = staff_ids.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{code}.staff.ftl lacks {missing:?}");
            let extra: Vec<_> = ids.iter().filter(|id| !staff_ids.contains(id)).collect();
            assert!(extra.is_empty(), "{code}.staff.ftl has keys German lacks: {extra:?}");
        }
    }
}

#[test]
fn every_translation_file_parses_without_errors() {
    for locale in LOCALES {
        for source in std::iter::once(locale.participant).chain(locale.staff) {
            let parsed = FluentResource::try_new(source.to_owned());
            assert!(parsed.is_ok(), "{} has syntax errors: {:?}", locale.code, parsed.err().map(|(_, e)| e));
        }
    }
}

/// The variables (`$name`) a message's source names, by message id.
fn variables(source: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut current = String::new();
    for line in source.lines() {
        if !line.starts_with(['#', ' ', '\t', '.', '}']) && line.contains(" =") {
            current = line.split(" =").next().unwrap_or_default().trim().to_owned();
        }
        for (pos, _) in line.match_indices('$') {
            let name: String = line[pos + 1..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            out.entry(current.clone()).or_default().push(name);
        }
    }
    out
}

#[test]
fn every_message_formats_in_every_language_with_the_german_arguments() {
    // A translation that names a variable German does not pass, or breaks a selector, shows
    // an error in place of the text; formatting with the German arguments finds it.
    let german = &LOCALES[0];
    let german_vars = variables(german.participant);
    for locale in LOCALES {
        let bundle = &bundles()[locale.code];
        for id in message_ids(locale.participant) {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else { continue };
            let mut args = FluentArgs::new();
            for name in german_vars.get(&id).into_iter().flatten() {
                args.set(name.as_str(), 2);
            }
            if id == "date-format" {
                for name in ["day", "dayshort", "month", "monthname", "year"] {
                    args.set(name, 2);
                }
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{} {id}: {errors:?}", locale.code);
            assert!(!text.trim().is_empty(), "{} {id} is empty", locale.code);
        }
    }
}

#[test]
fn a_translated_text_is_not_the_german_one_on_participant_pages() {
    // Catches a German sentence pasted into another language's file. Short labels and names
    // (Workshop, Plenum, E-Mail) may read the same.
    let german = &LOCALES[0];
    for locale in LOCALES.iter().filter(|l| !l.code.starts_with("de")) {
        let lang = Lang::parse(locale.code).expect("a known language");
        let same: Vec<_> = message_ids(german.participant)
            .into_iter()
            .filter(|id| {
                let (de, other) = (t(Lang::default(), id), t(lang, id));
                de == other && de.split_whitespace().count() >= 4
            })
            .collect();
        assert!(same.is_empty(), "{} has German texts: {same:?}", locale.code);
    }
}

#[test]
fn staff_pages_fall_back_to_german_for_languages_without_staff_texts() {
    let tr = Lang::parse("tr").expect("Turkish");
    assert!(!tr.has_staff_pages());
    assert_eq!(tr.for_staff(), Lang::default());
    let en = Lang::parse("en").expect("English");
    assert_eq!(en.for_staff(), en);
    assert_eq!(Lang::staff_languages().map(Lang::code).collect::<Vec<_>>(), vec!["de", "en"]);
    assert!(Lang::parse("ar").expect("Arabic").is_rtl());
    assert_eq!(Lang::parse("ar").expect("Arabic").dir(), "rtl");
    assert_eq!(tr.dir(), "ltr");
    assert_eq!(Lang::parse("de-x-ls").expect("Leichte Sprache").own_name(), "Leichte Sprache");
    assert_eq!(tr.own_name(), "Türkçe");
}

#[test]
fn a_language_outside_the_offered_ones_falls_back_to_the_first_offered() {
    let (de, tr, ar) = (Lang::default(), Lang::parse("tr").expect("tr"), Lang::parse("ar").expect("ar"));
    assert_eq!(tr.within(&[de, tr]), tr);
    assert_eq!(ar.within(&[de, tr]), de);
    assert_eq!(ar.within(&[]), ar);
}

#[test]
fn every_key_used_in_the_code_exists_in_german() {
    let german: Vec<String> = message_ids(LOCALES[0].participant)
        .into_iter()
        .chain(message_ids(LOCALES[0].staff.unwrap_or_default()))
        .collect();
    let mut missing = Vec::new();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("source dir readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
                let text = std::fs::read_to_string(&path).expect("source readable");
                for key in used_keys(&text) {
                    if !german.contains(&key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "keys without a German text: {missing:?}");
}

/// Keys written as `.t("key")`, `.ta("key"`, `Msg::new("key")` or `tk("key")`.
fn used_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for marker in [".t(\"", ".ta(\"", "Msg::new(\"", "tk(\""] {
        for (pos, _) in text.match_indices(marker) {
            let rest = &text[pos + marker.len()..];
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn german_is_the_default_and_fallback() {
    assert_eq!(Lang::default().code(), "de");
    assert_eq!(t(Lang::default(), "app-name"), "Plenum");
    assert_eq!(t(Lang::default(), "no-such-key"), "no-such-key");
}

#[test]
fn accept_language_picks_the_best_known_language() {
    assert_eq!(Lang::from_accept_language("fr-FR,en;q=0.8,de;q=0.5").map(Lang::code), Some("en"));
    assert_eq!(Lang::from_accept_language("de-DE,de;q=0.9").map(Lang::code), Some("de"));
    assert_eq!(Lang::from_accept_language("fr, es;q=0.5"), None);
    assert_eq!(Lang::from_headers(Some("en"), Some("de")).code(), "en");
    assert_eq!(Lang::from_headers(Some("xx"), None).code(), "de");
    assert_eq!(Lang::from_accept_language("tr-TR,tr;q=0.9,de;q=0.5").map(Lang::code), Some("tr"));
    assert_eq!(Lang::from_accept_language("ar-SY").map(Lang::code), Some("ar"));
    assert_eq!(Lang::from_accept_language("uk-UA, ru;q=0.5").map(Lang::code), Some("uk"));
    assert_eq!(Lang::from_accept_language("de-x-ls, de;q=0.5").map(Lang::code), Some("de-x-ls"));
    assert_eq!(Lang::from_accept_language("de-DE").map(Lang::code), Some("de"));
    assert_eq!(Lang::from_accept_language("tr;q=0, en").map(Lang::code), Some("en"));
}

#[test]
fn dates_are_written_the_german_way_in_german() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date");
    assert_eq!(format_date(Lang::parse("de").expect("de"), date), "05.03.2026");
    assert_eq!(format_date(Lang::parse("en").expect("en"), date), "5 March 2026");
    let i18n = I18n { lang: Lang::parse("en").expect("en") };
    assert_eq!(i18n.num(3.5), "3.5");
    assert_eq!(I18n::default().num(3.5), "3,5");
    assert_eq!(I18n::default().percent(45.0), "45 %");
}

#[test]
fn counts_choose_the_plural_form() {
    assert_eq!(t_args(Lang::default(), "board-count", &[("count", "1".into())]), "1 Vorschlag");
    assert_eq!(t_args(Lang::default(), "board-count", &[("count", "3".into())]), "3 Vorschläge");
}

#[test]
fn a_message_with_an_unknown_key_shows_the_generic_error_not_the_key() {
    let i18n = I18n { lang: Lang::default() };
    let shown = i18n.msg(&crate::error::Msg::new("Ihr Konto wurde gesperrt, rufen Sie 0800 an"));
    assert_eq!(shown, t(Lang::default(), "error-internal"));
    assert_eq!(i18n.msg(&crate::error::Msg::new("login-failed")), t(Lang::default(), "login-failed"));
}

#[test]
fn an_offer_always_has_german_and_keeps_the_file_order() {
    let codes = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(Offer::parse(&codes(&["tr", "ar"])).expect("known").0, "de,ar,tr");
    assert_eq!(Offer::parse(&codes(&["de"])).expect("German only").langs(), vec![Lang::default()]);
    assert!(Offer::parse(&[]).expect("no choice sent").is_all(), "a form without the boxes keeps every language");
    let all: Vec<String> = Lang::all().map(|l| l.code().to_owned()).collect();
    assert_eq!(Offer::parse(&all).expect("all").0, "");
    assert_eq!(Offer::default().langs().len(), LOCALES.len());
    assert!(Offer::parse(&codes(&["xx"])).is_err());
    assert!(Offer("de,tr".into()).offers(Lang::parse("tr").expect("tr")));
    assert!(!Offer("de,tr".into()).offers(Lang::parse("ar").expect("ar")));
}
