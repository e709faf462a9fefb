//! Vote rounds and ballots as pages and exports see them, with the rules that need no database:
//! round set-up, the ballot form read into a [`Ballot`], and the frozen result.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::tally::{Ballot, BallotError, Method, SCORE_MAX, Settings, SettingsError, Tally};
use crate::{
    error::{AppError, Msg},
    ids::id_type,
    processes::types::ActionFieldId,
    validate::Form,
};

id_type!(RoundId);

pub const ROUND_TITLE_MAX: usize = 120;
/// Options in one round (a ballot page on a phone stays usable).
pub const OPTIONS_MAX: usize = 60;
/// The longest timer a round can have, in minutes.
pub const TIMER_MAX_MINUTES: u32 = 120;
/// Rounds one workshop may have.
pub const ROUNDS_MAX: u64 = 50;
/// Dots and approvals on the paper pinboard, per option.
pub const PAPER_MAX: u32 = 10_000;

/// Where a round is: set up, open for ballots, or closed with its frozen result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundState {
    Draft,
    Open,
    Closed,
}

impl RoundState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Self {
        match value {
            "open" => Self::Open,
            "closed" => Self::Closed,
            _ => Self::Draft,
        }
    }

    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Draft => "vote-state-draft",
            Self::Open => "vote-state-open",
            Self::Closed => "vote-state-closed",
        }
    }
}

/// The i18n key of a method's name.
#[must_use]
pub fn method_label(method: Method) -> &'static str {
    match method {
        Method::Dots => "vote-method-dots",
        Method::Approval => "vote-method-approval",
        Method::Score => "vote-method-score",
        Method::Ranking => "vote-method-ranking",
    }
}

/// Whether paper counts can be added (dots and approvals stuck on the pinboard).
#[must_use]
pub fn takes_paper(method: Method) -> bool {
    matches!(method, Method::Dots | Method::Approval)
}

/// One option of a round: a cluster or a single proposal, with the title it had at set-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteOption {
    /// The cluster's or proposal's id (as text: the id in the anonymous ballot file).
    pub id: String,
    pub cluster: bool,
    pub title: String,
    pub action_field_id: ActionFieldId,
}

/// What a round shows: set-up, state, turnout and (when closed, or live if chosen) the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundView {
    pub id: RoundId,
    pub seq: i32,
    pub title: String,
    pub method: Method,
    pub settings: Settings,
    pub options: Vec<VoteOption>,
    pub state: RoundState,
    pub live_results: bool,
    pub duration_secs: Option<u32>,
    /// Seconds until the timer ends (an open round with a timer).
    pub remaining_secs: Option<i64>,
    /// A ballot is in: method, settings and options can no longer change.
    pub locked: bool,
    pub paper: BTreeMap<String, u32>,
    pub cast: u64,
    pub eligible: u64,
    pub result: Option<FrozenResult>,
}

/// The result of a closed round, computed once at close and kept as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenResult {
    pub method: Method,
    pub settings: Settings,
    pub options: Vec<VoteOption>,
    pub tally: Tally,
    /// Participants of the workshop when the round closed.
    pub eligible: u64,
    pub closed_at: DateTime<Utc>,
    /// `true` when these are the live figures of an open round, not the frozen result.
    #[serde(default)]
    pub provisional: bool,
}

/// A participant's view of the workshop's voting: the open round with their saved ballot, or
/// the latest closed round's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotPage {
    pub code: String,
    pub round: Option<RoundView>,
    /// The ballot the participant's last acknowledged vote saved (as the form shows it).
    pub saved: Option<BTreeMap<String, String>>,
    /// The participant abstained in this round.
    pub abstained: bool,
    /// What the participant entered in a ballot that came back with errors (a plain form post
    /// returns to a page that knows only the errors).
    #[serde(default)]
    pub draft: Option<BTreeMap<String, String>>,
}

/// The part of a posted ballot form worth keeping as a draft: at most [`OPTIONS_MAX`] entries
/// of option-id length with short values (whatever else was posted is not kept).
#[must_use]
pub fn draft_of(form: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    by_option(form)
        .iter()
        .filter(|(k, v)| k.len() <= 40 && v.len() <= 8)
        .take(OPTIONS_MAX)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A ballot form kept for the page a plain post with errors returns to: the round and the
/// entries.
pub type BallotDraft = (RoundId, BTreeMap<String, String>);

/// Everything the staff page of a workshop's votes shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VotesAdmin {
    pub workshop: crate::workshops::types::WorkshopInfo,
    /// Newest first.
    pub rounds: Vec<RoundView>,
    /// What a new round can be over.
    pub candidates: Vec<VoteOption>,
}

/// The set-up form of a round, as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub dots: String,
    #[serde(default)]
    pub per_option: String,
    #[serde(default)]
    pub max: String,
    /// The timer in minutes (empty: closed by hand).
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub live_results: Option<String>,
    /// The chosen options: `pick[<id>]=on`.
    #[serde(default)]
    pub pick: BTreeMap<String, String>,
}

/// A round's set-up, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundInput {
    pub title: String,
    pub method: Method,
    pub settings: Settings,
    pub duration_secs: Option<u32>,
    pub live_results: bool,
    pub picked: Vec<String>,
}

fn number(form: &mut Form, field: &str, value: &str, max: u32) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Some(n),
        _ => {
            form.error(field, Msg::new("field-number").arg("min", 1).arg("max", max));
            None
        }
    }
}

impl RoundForm {
    /// Reads the form: title, method, settings within their limits, at least two options.
    ///
    /// # Errors
    /// `Invalid` naming each wrong field and its limit.
    pub fn parse(&self) -> Result<RoundInput, AppError> {
        let mut form = Form::new();
        let title = form.text("title", &self.title, 1, ROUND_TITLE_MAX);
        let method = Method::parse(self.method.trim());
        if method.is_none() {
            form.error("method", Msg::new("vote-method-missing"));
        }
        let dots = number(&mut form, "dots", &self.dots, 100);
        let per_option = number(&mut form, "per_option", &self.per_option, 100);
        let max = number(&mut form, "max", &self.max, OPTIONS_MAX as u32);
        let minutes = number(&mut form, "minutes", &self.minutes, TIMER_MAX_MINUTES);
        let picked: Vec<String> = by_option(&self.pick)
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, _)| k.trim().to_owned())
            .collect();
        if picked.len() < 2 || picked.len() > OPTIONS_MAX {
            form.error("pick", Msg::new("vote-options-count").arg("min", 2).arg("max", OPTIONS_MAX));
        }
        let settings = method.map(|m| Settings::for_method(m, dots, per_option, max));
        if let Some(Err(e)) = &settings {
            let (field, min, max) = match e {
                SettingsError::Dots { min, max } => ("dots", *min, *max),
                SettingsError::PerOption { min, max } => ("per_option", *min, *max),
                SettingsError::Max { min, max } => ("max", *min, *max),
            };
            form.error(field, Msg::new("field-number").arg("min", min).arg("max", max));
        }
        form.finish()?;
        match (method, settings) {
            (Some(method), Some(Ok(settings))) => Ok(RoundInput {
                title,
                method,
                settings,
                duration_secs: minutes.map(|m| m * 60),
                live_results: self.live_results.is_some(),
                picked,
            }),
            _ => Err(AppError::invalid("method", Msg::new("vote-method-missing"))),
        }
    }
}

/// The key of an option in a posted form map (`ballot[o…]`, `pick[o…]`, `paper[o…]`): form
/// decoding reads a key that starts with a digit as a list index, and ids often do.
#[must_use]
pub fn form_key(id: &str) -> String {
    format!("o{id}")
}

/// A posted form map with the option ids as keys again (keys without the prefix are dropped).
#[must_use]
pub fn by_option(form: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    form.iter().filter_map(|(k, v)| k.strip_prefix('o').map(|id| (id.to_owned(), v.clone()))).collect()
}

/// The field a ballot form shows an option's input under.
#[must_use]
pub fn option_field(id: &str) -> String {
    format!("ballot[{}]", form_key(id))
}

/// Reads a posted ballot form (`ballot[o<option id>]` → value) into a ballot of the method:
/// dots and scores as numbers, approvals as ticked boxes, a ranking as place numbers 1, 2, …
/// (an option without a place is unranked). Then every rule of the method is checked.
///
/// # Errors
/// `Invalid` with the message next to the option (or the whole ballot) and the limit.
pub fn read_ballot(
    method: Method,
    settings: &Settings,
    options: &[String],
    form: &BTreeMap<String, String>,
) -> Result<Ballot, AppError> {
    let form = by_option(form);
    let filled = form.iter().map(|(k, v)| (k.as_str(), v.trim())).filter(|(_, v)| !v.is_empty());
    let mut numbers = BTreeMap::new();
    for (id, value) in filled {
        if !options.iter().any(|o| o == id) {
            return Err(ballot_error(&BallotError::UnknownOption { id: id.to_owned() }));
        }
        let n = match (method, value) {
            (Method::Approval, _) => 1,
            (_, v) => v.parse::<u32>().map_err(|_| {
                let max = if method == Method::Score { u32::from(SCORE_MAX) } else { 1_000 };
                AppError::invalid(&option_field(id), Msg::new("field-number").arg("min", 0).arg("max", max))
            })?,
        };
        numbers.insert(id.to_owned(), n);
    }
    let ballot = match method {
        Method::Dots => Ballot::Dots(numbers),
        Method::Approval => Ballot::Approval(numbers.into_keys().collect()),
        Method::Score => {
            let mut scores = BTreeMap::new();
            for (id, n) in numbers {
                let Ok(score) = u8::try_from(n) else {
                    return Err(ballot_error(&BallotError::ScoreRange { id, max: SCORE_MAX }));
                };
                scores.insert(id, score);
            }
            Ballot::Score(scores)
        }
        Method::Ranking => Ballot::Ranking(ranking_from_places(numbers)?),
    };
    super::tally::validate(method, settings, options, &ballot).map_err(|e| ballot_error(&e))?;
    Ok(ballot)
}

/// Places 1, 2, 3 … into an order; each place once.
fn ranking_from_places(places: BTreeMap<String, u32>) -> Result<Vec<String>, AppError> {
    let mut by_place: Vec<(u32, String)> = places.into_iter().map(|(id, p)| (p, id)).collect();
    by_place.sort();
    for pair in by_place.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(AppError::invalid(&option_field(&pair[1].1), Msg::new("ballot-place-twice")));
        }
    }
    if let Some((place, id)) = by_place.iter().find(|(p, _)| *p == 0) {
        return Err(AppError::invalid(&option_field(id), Msg::new("field-number").arg("min", 1).arg("max", place)));
    }
    Ok(by_place.into_iter().map(|(_, id)| id).collect())
}

/// A broken rule of a ballot as a message next to its option, or the whole ballot's.
#[must_use]
pub fn ballot_error(error: &BallotError) -> AppError {
    let field = match error {
        BallotError::TooManyOnOne { id, .. }
        | BallotError::ScoreRange { id, .. }
        | BallotError::UnknownOption { id }
        | BallotError::Duplicate { id } => option_field(id),
        _ => "ballot".to_owned(),
    };
    let mut msg = Msg::new(error.key());
    if let Some(limit) = error.limit() {
        msg = msg.arg("max", limit);
    }
    AppError::invalid(&field, msg)
}

/// A saved ballot as its form shows it again (`ballot[<id>]` → value).
#[must_use]
pub fn ballot_form(ballot: &Ballot) -> BTreeMap<String, String> {
    match ballot {
        Ballot::Dots(dots) => dots.iter().filter(|(_, n)| **n > 0).map(|(k, n)| (k.clone(), n.to_string())).collect(),
        Ballot::Score(scores) => scores.iter().map(|(k, n)| (k.clone(), n.to_string())).collect(),
        Ballot::Approval(ids) => ids.iter().map(|k| (k.clone(), "on".to_owned())).collect(),
        Ballot::Ranking(ids) => ids.iter().enumerate().map(|(i, k)| (k.clone(), (i + 1).to_string())).collect(),
    }
}

/// Whether a ballot is an abstention (it names no option).
#[must_use]
pub fn is_abstention(ballot: &Ballot) -> bool {
    match ballot {
        Ballot::Dots(d) => d.values().all(|n| *n == 0),
        Ballot::Score(s) => s.is_empty(),
        Ballot::Approval(a) | Ballot::Ranking(a) => a.is_empty(),
    }
}

/// The result tiers as places: 1 for the first tier, ties share their place.
#[must_use]
pub fn places(tally: &Tally) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let mut place = 1;
    for tier in &tally.ranking {
        for id in tier {
            out.insert(id.clone(), place);
        }
        place += tier.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Vec<String> {
        vec!["a".into(), "b".into(), "c".into()]
    }

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (form_key(k), (*v).to_owned())).collect()
    }

    #[test]
    fn a_dots_form_becomes_a_ballot_and_the_cap_per_option_is_named_at_the_option() {
        let s = Settings::for_method(Method::Dots, None, None, None).unwrap_or_default();
        let ballot = read_ballot(Method::Dots, &s, &opts(), &form(&[("a", "3"), ("b", "2"), ("c", "")]));
        assert_eq!(ballot.ok(), Some(Ballot::Dots([("a".into(), 3), ("b".into(), 2)].into())));
        let err = read_ballot(Method::Dots, &s, &opts(), &form(&[("a", "4")])).err();
        assert_eq!(err.and_then(|e| e.field("ballot[oa]")).map(|m| m.key), Some("ballot-too-many-on-one".into()));
        let err = read_ballot(Method::Dots, &s, &opts(), &form(&[("a", "3"), ("b", "3")])).err();
        assert_eq!(err.and_then(|e| e.field("ballot")).map(|m| m.key), Some("ballot-too-many-dots".into()));
    }

    #[test]
    fn places_make_a_ranking_and_a_place_given_twice_is_refused() {
        let s = Settings::default();
        let ballot = read_ballot(Method::Ranking, &s, &opts(), &form(&[("c", "1"), ("a", "2")]));
        assert_eq!(ballot.ok(), Some(Ballot::Ranking(vec!["c".into(), "a".into()])));
        let err = read_ballot(Method::Ranking, &s, &opts(), &form(&[("c", "1"), ("a", "1")])).err();
        assert!(err.is_some_and(|e| e.field("ballot[oc]").is_some() || e.field("ballot[oa]").is_some()));
    }

    #[test]
    fn a_round_needs_a_title_a_method_and_two_options() {
        let f = RoundForm { method: "dots".into(), ..RoundForm::default() };
        let err = f.parse().err();
        assert!(err.as_ref().and_then(|e| e.field("title")).is_some());
        assert!(err.as_ref().and_then(|e| e.field("pick")).is_some());
        let f = RoundForm {
            title: "Runde 1".into(),
            method: "dots".into(),
            dots: "5".into(),
            per_option: "6".into(),
            pick: form(&[("a", "on"), ("b", "on")]),
            ..RoundForm::default()
        };
        assert!(f.parse().err().and_then(|e| e.field("per_option")).is_some(), "K above N is refused");
    }
}
