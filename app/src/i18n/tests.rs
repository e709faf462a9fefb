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
    let (_, german) = LOCALES[0];
    let german_ids = message_ids(german);
    assert!(german_ids.len() > 50, "German file looks empty");
    for (code, source) in LOCALES {
        let ids = message_ids(source);
        let missing: Vec<_> = german_ids.iter().filter(|id| !ids.contains(id)).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        let extra: Vec<_> = ids.iter().filter(|id| !german_ids.contains(id)).collect();
        assert!(extra.is_empty(), "{code} has keys German lacks: {extra:?}");
    }
}

#[test]
fn every_translation_file_parses_without_errors() {
    for (code, source) in LOCALES {
        assert!(FluentResource::try_new((*source).to_owned()).is_ok(), "{code}.ftl has syntax errors");
    }
}

#[test]
fn every_key_used_in_the_code_exists_in_german() {
    let german = message_ids(LOCALES[0].1);
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
}

#[test]
fn dates_are_written_the_german_way_in_german() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date");
    assert_eq!(format_date(Lang::parse("de").expect("de"), date), "05.03.2026");
    assert_eq!(format_date(Lang::parse("en").expect("en"), date), "5 March 2026");
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
