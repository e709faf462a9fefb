//! The sent responses as CSV for German Excel: UTF-8 with BOM, `;`, CRLF, one row per response,
//! one column per question (per option for multiple choice, per statement for a Likert matrix,
//! per option for a ranking), numbers with a decimal comma, formula starts neutralised as in the
//! plan CSV.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{
    answers::{Answer, number_text},
    types::{Definition, Kind, OTHER_ID},
};
use crate::{
    i18n::{I18n, Lang, t},
    plan::csv::cell,
    workshops::types::OrgType,
};

/// One sent response.
pub struct Row<'a> {
    pub submitted: Option<DateTime<Utc>>,
    pub measure: Option<String>,
    pub organisation: Option<String>,
    pub org_type: Option<OrgType>,
    pub answers: &'a BTreeMap<String, Answer>,
}

/// The CSV bytes.
#[must_use]
pub fn write(def: &Definition, rows: &[Row<'_>], with_measure: bool, with_organisation: bool) -> Vec<u8> {
    let lang = Lang::default();
    let mut header = vec![t(lang, "survey-csv-number"), t(lang, "survey-csv-sent")];
    if with_measure {
        header.push(t(lang, "survey-csv-measure"));
    }
    if with_organisation {
        header.push(t(lang, "survey-csv-organisation"));
        header.push(t(lang, "survey-csv-org-type"));
    }
    for q in def.questions() {
        match q.kind {
            Kind::Multiple | Kind::Likert | Kind::Ranking => {
                header.extend(q.options.iter().map(|o| format!("{}: {}", q.text, o.label)));
            }
            Kind::Single if q.other => {
                header.push(q.text.clone());
                header.push(format!("{}: {}", q.text, t(lang, "survey-other")));
            }
            _ => header.push(q.text.clone()),
        }
    }
    let mut out = String::from("\u{feff}");
    push_line(&mut out, &header);
    let i18n = I18n { lang };
    for (n, row) in rows.iter().enumerate() {
        let mut cells = vec![
            (n + 1).to_string(),
            row.submitted.map(|d| d.format("%d.%m.%Y %H:%M").to_string()).unwrap_or_default(),
        ];
        if with_measure {
            cells.push(row.measure.clone().unwrap_or_default());
        }
        if with_organisation {
            cells.push(row.organisation.clone().unwrap_or_default());
            cells.push(row.org_type.map(|o| t(lang, o.label_key())).unwrap_or_default());
        }
        for q in def.questions() {
            let a = row.answers.get(&q.id);
            match (q.kind, a) {
                (Kind::Multiple, a) => cells.extend(q.options.iter().map(|o| {
                    let chosen = matches!(a, Some(Answer::Choices { ids, .. }) if ids.contains(&o.id));
                    if a.is_none() {
                        String::new()
                    } else if chosen {
                        "1".to_owned()
                    } else {
                        "0".to_owned()
                    }
                })),
                (Kind::Likert, a) => cells.extend(q.options.iter().map(|o| match a {
                    Some(Answer::Steps(s)) => s.get(&o.id).map(ToString::to_string).unwrap_or_default(),
                    _ => String::new(),
                })),
                (Kind::Ranking, a) => cells.extend(q.options.iter().map(|o| match a {
                    Some(Answer::Ranking(ids)) => {
                        ids.iter().position(|x| *x == o.id).map(|p| (p + 1).to_string()).unwrap_or_default()
                    }
                    _ => String::new(),
                })),
                (Kind::Single, Some(Answer::Choices { ids, other })) => {
                    let id = ids.first().map(String::as_str).unwrap_or_default();
                    if id == OTHER_ID {
                        cells.push(t(lang, "survey-other"));
                    } else {
                        cells.push(q.option_label(id).unwrap_or_default().to_owned());
                    }
                    if q.other {
                        cells.push(other.clone().unwrap_or_default());
                    }
                }
                (Kind::Single, _) => {
                    cells.push(String::new());
                    if q.other {
                        cells.push(String::new());
                    }
                }
                (Kind::Rating | Kind::Number, Some(Answer::Number(v))) => cells.push(number_text(*v)),
                (Kind::Date, Some(Answer::Date(d))) => cells.push(d.format("%d.%m.%Y").to_string()),
                (_, Some(a)) => cells.push(super::answers::answer_text(i18n, q, a)),
                (_, None) => cells.push(String::new()),
            }
        }
        push_line(&mut out, &cells);
    }
    out.into_bytes()
}

fn push_line(out: &mut String, cells: &[String]) {
    // A plain number (also a negative one) is no formula: it stays a number for Excel.
    let numeric = |c: &str| {
        let digits = c.strip_prefix('-').unwrap_or(c);
        !digits.is_empty() && digits.chars().all(|ch| ch.is_ascii_digit() || ch == ',') && !digits.starts_with(',')
    };
    let line: Vec<String> = cells.iter().map(|c| if numeric(c) { c.clone() } else { cell(c) }).collect();
    out.push_str(&line.join(";"));
    out.push_str("\r\n");
}
