//! Answers: what a page's form fields mean for each kind of question, the rules an answer must
//! keep (named in its message), and which questions a respondent sees (conditions).
//!
//! Form fields: `a[q1]` (single choice, rating, number, date, text), `a[q1.o2]` (a ticked
//! multiple-choice option, a Likert statement's step, a ranking option's place) and `a[q1.other]`
//! (the "Sonstiges" text). What was entered is kept as these strings, also where it breaks a
//! rule, so nothing typed is lost; answers are parsed from them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::types::{CondOp, Condition, Definition, Kind, OTHER_ID, OTHER_MAX, Question, parse_number};
use crate::{
    error::{AppError, FieldError, Msg},
    i18n::I18n,
};

/// What a respondent entered: form field (without `a[` `]`) → value.
pub type Raw = BTreeMap<String, String>;

/// A parsed answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// Single or multiple choice: option ids (`_other` for "Sonstiges") and the other text.
    Choices {
        ids: Vec<String>,
        other: Option<String>,
    },
    /// Likert matrix: statement id → step (1..=steps).
    Steps(BTreeMap<String, u8>),
    /// Rating 0–10 or a number.
    Number(f64),
    Date(NaiveDate),
    Text(String),
    /// Option ids, first place first.
    Ranking(Vec<String>),
}

/// The field of a question's message.
#[must_use]
pub fn field(question: &str) -> String {
    format!("q-{question}")
}

/// Whether a form field belongs to this question.
#[must_use]
pub fn belongs(key: &str, question: &str) -> bool {
    key == question || key.strip_prefix(question).is_some_and(|rest| rest.starts_with('.'))
}

fn sub<'a>(raw: &'a Raw, q: &str, part: &str) -> Option<&'a str> {
    raw.get(&format!("{q}.{part}")).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The answer to one question in what was entered: `Ok(None)` when it was left empty.
///
/// # Errors
/// The rule it breaks, as a message that names the limit.
pub fn parse(q: &Question, raw: &Raw) -> Result<Option<Answer>, Msg> {
    let own = raw.get(&q.id).map(|v| v.trim()).filter(|v| !v.is_empty());
    match q.kind {
        Kind::Single => {
            let Some(choice) = own else { return Ok(None) };
            if choice == OTHER_ID && q.other {
                let text = sub(raw, &q.id, "other").unwrap_or_default();
                if text.is_empty() {
                    return Err(Msg::new("survey-other-empty"));
                }
                if text.chars().count() > OTHER_MAX {
                    return Err(Msg::new("survey-text-too-long")
                        .arg("max", OTHER_MAX)
                        .arg("actual", text.chars().count()));
                }
                return Ok(Some(Answer::Choices { ids: vec![OTHER_ID.to_owned()], other: Some(text.to_owned()) }));
            }
            if q.option_label(choice).is_none() {
                return Err(Msg::new("survey-unknown-option"));
            }
            Ok(Some(Answer::Choices { ids: vec![choice.to_owned()], other: None }))
        }
        Kind::Multiple => {
            if raw
                .keys()
                .any(|k| k.strip_prefix(&format!("{}.", q.id)).is_some_and(|opt| q.option_label(opt).is_none()))
            {
                return Err(Msg::new("survey-unknown-option"));
            }
            let ids: Vec<String> =
                q.options.iter().filter(|o| sub(raw, &q.id, &o.id).is_some()).map(|o| o.id.clone()).collect();
            if ids.is_empty() {
                return Ok(None);
            }
            #[allow(clippy::cast_precision_loss)]
            let n = ids.len() as f64;
            if let Some(min) = q.min.filter(|m| n < *m) {
                return Err(Msg::new("survey-choices-min").arg("min", min));
            }
            if let Some(max) = q.max.filter(|m| n > *m) {
                return Err(Msg::new("survey-choices-max").arg("max", max));
            }
            Ok(Some(Answer::Choices { ids, other: None }))
        }
        Kind::Likert => {
            let steps = q.steps();
            let mut chosen = BTreeMap::new();
            for s in &q.options {
                if let Some(v) = sub(raw, &q.id, &s.id) {
                    match v.parse::<u8>() {
                        Ok(n) if (1..=steps).contains(&n) => {
                            chosen.insert(s.id.clone(), n);
                        }
                        _ => return Err(Msg::new("survey-step-invalid").arg("max", steps)),
                    }
                }
            }
            if chosen.is_empty() {
                return Ok(None);
            }
            if q.required && chosen.len() < q.options.len() {
                return Err(Msg::new("survey-matrix-incomplete"));
            }
            Ok(Some(Answer::Steps(chosen)))
        }
        Kind::Rating => {
            let Some(v) = own else { return Ok(None) };
            match v.parse::<u8>() {
                Ok(n) if n <= 10 => Ok(Some(Answer::Number(f64::from(n)))),
                _ => Err(Msg::new("survey-rating-range")),
            }
        }
        Kind::Number => {
            let Some(v) = own else { return Ok(None) };
            let n = parse_number(v).ok_or_else(|| Msg::new("survey-number-invalid"))?;
            match (q.min, q.max) {
                (Some(a), Some(b)) if n < a || n > b => {
                    Err(Msg::new("survey-number-range").arg("min", number_text(a)).arg("max", number_text(b)))
                }
                (Some(a), None) if n < a => Err(Msg::new("survey-number-min").arg("min", number_text(a))),
                (None, Some(b)) if n > b => Err(Msg::new("survey-number-max").arg("max", number_text(b))),
                _ => Ok(Some(Answer::Number(n))),
            }
        }
        Kind::Date => {
            let Some(v) = own else { return Ok(None) };
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(v, "%d.%m.%Y"))
                .map(|d| Some(Answer::Date(d)))
                .map_err(|_| Msg::new("field-date"))
        }
        Kind::Text | Kind::LongText => {
            let Some(v) = own else { return Ok(None) };
            let len = v.chars().count();
            let max = q.text_limit() as usize;
            if len > max {
                return Err(Msg::new("survey-text-too-long").arg("max", max).arg("actual", len));
            }
            Ok(Some(Answer::Text(v.to_owned())))
        }
        Kind::Ranking => {
            let mut places: Vec<(usize, String)> = Vec::new();
            for o in &q.options {
                if let Some(v) = sub(raw, &q.id, &o.id) {
                    match v.parse::<usize>() {
                        Ok(n) if (1..=q.options.len()).contains(&n) => places.push((n, o.id.clone())),
                        _ => return Err(Msg::new("survey-ranking-range").arg("max", q.options.len())),
                    }
                }
            }
            if places.is_empty() {
                return Ok(None);
            }
            places.sort();
            if places.windows(2).any(|w| w[0].0 == w[1].0) {
                return Err(Msg::new("survey-ranking-duplicate"));
            }
            if places.iter().enumerate().any(|(i, (n, _))| *n != i + 1) {
                return Err(Msg::new("survey-ranking-gap"));
            }
            if q.required && places.len() < q.options.len() {
                return Err(Msg::new("survey-ranking-all"));
            }
            Ok(Some(Answer::Ranking(places.into_iter().map(|(_, id)| id).collect())))
        }
    }
}

/// A number as a condition keeps it and the page's script compares it (`1234.5`, `-2`).
#[must_use]
pub fn plain_number(n: f64) -> String {
    let s = format!("{n}");
    s.strip_suffix(".0").unwrap_or(&s).to_owned()
}

/// A number as Germans read it: no trailing zeros, a decimal comma.
#[must_use]
pub fn number_text(n: f64) -> String {
    let s = format!("{n:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

/// Whether an earlier answer meets a condition.
#[must_use]
pub fn meets(condition: &Condition, answer: Option<&Answer>) -> bool {
    let Some(answer) = answer else { return false };
    let values = &condition.values;
    match condition.op {
        CondOp::Answered => true,
        CondOp::Equals | CondOp::OneOf => match answer {
            Answer::Choices { ids, .. } => ids.iter().any(|id| values.contains(id)),
            Answer::Number(n) => values.iter().filter_map(|v| parse_number(v)).any(|v| (v - n).abs() < 1e-9),
            Answer::Text(t) => values.iter().any(|v| v.trim().eq_ignore_ascii_case(t.trim())),
            Answer::Date(d) => values.iter().any(|v| {
                NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(v.trim(), "%d.%m.%Y"))
                    .is_ok_and(|x| x == *d)
            }),
            Answer::Steps(_) | Answer::Ranking(_) => false,
        },
    }
}

/// Every answer of a response, in questionnaire order, only of the questions the respondent saw
/// (a question whose condition is not met is skipped, and so are those that depend on it).
/// Answers that break a rule are left out here; `check` names them. `sent`: the response was
/// checked when it was sent, so the limits set since (fewer choices, shorter texts, a range,
/// a required matrix) do not drop its answers; unknown options still do.
#[must_use]
pub fn answers(def: &Definition, raw: &Raw, sent: bool) -> BTreeMap<String, Answer> {
    let mut out = BTreeMap::new();
    for q in def.questions() {
        if !visible(q, &out, def) {
            continue;
        }
        let parsed = if sent { parse(&lenient(q), raw) } else { parse(q, raw) };
        if let Ok(Some(a)) = parsed {
            out.insert(q.id.clone(), a);
        }
    }
    out
}

/// The question without the limits an already checked answer need not meet again.
fn lenient(q: &Question) -> Question {
    let mut q = q.clone();
    q.required = false;
    q.min = None;
    q.max = matches!(q.kind, Kind::Text | Kind::LongText).then(|| f64::from(super::types::LONG_TEXT_LIMIT) * 2.0);
    q
}

/// Whether a question is shown, given the answers to the questions before it.
#[must_use]
pub fn visible(q: &Question, earlier: &BTreeMap<String, Answer>, _def: &Definition) -> bool {
    q.condition.as_ref().is_none_or(|c| meets(c, earlier.get(&c.question)))
}

/// The rules of the shown questions of these sections (all with `None`): each broken one as a
/// field error; `required` also asks for the required ones.
#[must_use]
pub fn check(def: &Definition, raw: &Raw, sections: Option<&[usize]>, required: bool) -> Vec<FieldError> {
    let mut earlier = BTreeMap::new();
    let mut errors = Vec::new();
    for (s, section) in def.sections.iter().enumerate() {
        let checked = sections.is_none_or(|list| list.contains(&s));
        for q in &section.questions {
            if !visible(q, &earlier, def) {
                continue;
            }
            match parse(q, raw) {
                Ok(Some(a)) => {
                    earlier.insert(q.id.clone(), a);
                }
                Ok(None) if checked && required && q.required => {
                    errors.push(FieldError { field: field(&q.id), message: Msg::new("survey-required") });
                }
                Ok(None) => {}
                Err(message) if checked => errors.push(FieldError { field: field(&q.id), message }),
                Err(_) => {}
            }
        }
    }
    errors
}

/// The first section that holds one of these errors.
#[must_use]
pub fn section_of(def: &Definition, errors: &[FieldError]) -> Option<usize> {
    def.sections.iter().position(|s| s.questions.iter().any(|q| errors.iter().any(|e| e.field == field(&q.id))))
}

/// An answer as one line of text (the review page, the CSV's single cells).
#[must_use]
pub fn answer_text(i18n: I18n, q: &Question, answer: &Answer) -> String {
    match answer {
        Answer::Choices { ids, other } => ids
            .iter()
            .map(|id| {
                if id == OTHER_ID {
                    format!("{}: {}", i18n.t("survey-other"), other.clone().unwrap_or_default())
                } else {
                    q.option_label(id).unwrap_or(id).to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        Answer::Steps(steps) => q
            .options
            .iter()
            .filter_map(|s| {
                let n = steps.get(&s.id)?;
                let label = q.scale.get(usize::from(*n).saturating_sub(1)).cloned().unwrap_or_else(|| n.to_string());
                Some(format!("{}: {label}", s.label))
            })
            .collect::<Vec<_>>()
            .join("; "),
        Answer::Number(n) if q.unit.is_empty() => number_text(*n),
        Answer::Number(n) => format!("{} {}", number_text(*n), q.unit),
        Answer::Date(d) => i18n.date(*d),
        Answer::Text(t) => t.clone(),
        Answer::Ranking(ids) => ids
            .iter()
            .enumerate()
            .map(|(i, id)| format!("{}. {}", i + 1, q.option_label(id).unwrap_or(id)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The fields of the posted page that belong to these questions (others are dropped, so a
/// crafted post cannot store fields the questionnaire does not have), each at most
/// twice its limit long (what is longer is cut; the parse names the limit).
///
/// # Errors
/// `Invalid` when more fields come than the questions can have.
pub fn page_fields(questions: &[&Question], posted: &Raw) -> Result<Raw, AppError> {
    let mut out = Raw::new();
    for (k, v) in posted {
        let Some(q) = questions.iter().find(|q| belongs(k, &q.id)) else { continue };
        let allowed = match k.strip_prefix(&q.id).and_then(|r| r.strip_prefix('.')) {
            None => !matches!(q.kind, Kind::Multiple | Kind::Likert | Kind::Ranking),
            Some(opt) if q.kind != Kind::Single => q.option_label(opt).is_some(),
            Some(part) => part == "other",
        };
        if !allowed {
            return Err(AppError::invalid(&field(&q.id), Msg::new("survey-unknown-option")));
        }
        let limit = 2 * (q.text_limit() as usize).max(OTHER_MAX);
        let mut value: String = v.chars().take(limit).collect();
        // A date is kept as the browser's date field needs it (`2027-03-24`).
        if q.kind == Kind::Date
            && let Ok(d) = NaiveDate::parse_from_str(value.trim(), "%d.%m.%Y")
        {
            value = d.format("%Y-%m-%d").to_string();
        }
        out.insert(k.clone(), value);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
