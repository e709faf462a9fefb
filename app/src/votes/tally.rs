//! Counting the votes of a workshop round. A round offers a list of options (string ids, in
//! practice UUIDs) and one of four methods: dots, approval, score or ranking (counted with the
//! Schulze method). This module checks ballots against the round's rules, counts them into a
//! [`Tally`] and recounts an exported [`BallotFile`]; the server uses it when a round closes and
//! `plenum tally --input FILE.json` uses it so anyone can check a published result. It needs only
//! std, serde and `serde_json`, so it builds for the browser (wasm) too.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The highest score an option can get; scores run from 0 to this.
pub const SCORE_MAX: u8 = 5;
const DEFAULT_DOTS: u32 = 5;
const DEFAULT_PER_OPTION: u32 = 3;
const DOTS_LIMIT: u32 = 100;
const APPROVALS_LIMIT: u32 = 1000;

/// How participants vote in a round.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Each participant spreads a number of dots over the options.
    Dots,
    /// Each participant says yes to some options.
    Approval,
    /// Each participant gives options a score from 0 to [`SCORE_MAX`].
    Score,
    /// Each participant orders options, best first.
    Ranking,
}

impl Method {
    /// The name used in JSON, URLs and the CLI.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dots => "dots",
            Self::Approval => "approval",
            Self::Score => "score",
            Self::Ranking => "ranking",
        }
    }

    /// The method that [`Method::as_str`] names `name`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Dots, Self::Approval, Self::Score, Self::Ranking].into_iter().find(|m| m.as_str() == name)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rules of a round; fields its method does not use stay `None`.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Dots per participant (dots only; 5 when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dots: Option<u32>,
    /// Most dots one participant may put on one option (dots only; 3, or fewer if `dots` is, when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_option: Option<u32>,
    /// Most options one participant may approve (approval only; unlimited when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

impl Settings {
    /// The settings of a round of `method`: keeps the fields the method uses and fills the defaults.
    ///
    /// # Errors
    /// The field that is out of its limits, with those limits.
    pub fn for_method(
        method: Method,
        dots: Option<u32>,
        per_option: Option<u32>,
        max: Option<u32>,
    ) -> Result<Self, SettingsError> {
        match method {
            Method::Dots => {
                let dots = dots.unwrap_or(DEFAULT_DOTS);
                if !(1..=DOTS_LIMIT).contains(&dots) {
                    return Err(SettingsError::Dots { min: 1, max: DOTS_LIMIT });
                }
                let per_option = per_option.unwrap_or(DEFAULT_PER_OPTION.min(dots));
                if !(1..=dots).contains(&per_option) {
                    return Err(SettingsError::PerOption { min: 1, max: dots });
                }
                Ok(Self { dots: Some(dots), per_option: Some(per_option), max: None })
            }
            Method::Approval => match max {
                Some(max) if !(1..=APPROVALS_LIMIT).contains(&max) => {
                    Err(SettingsError::Max { min: 1, max: APPROVALS_LIMIT })
                }
                _ => Ok(Self { max, ..Self::default() }),
            },
            Method::Score | Method::Ranking => Ok(Self::default()),
        }
    }

    /// Dots per participant, the default filled in.
    #[must_use]
    pub fn dots_per_participant(&self) -> u32 {
        self.dots.unwrap_or(DEFAULT_DOTS)
    }

    /// Most dots on one option, the default filled in.
    #[must_use]
    pub fn dots_per_option(&self) -> u32 {
        // The default never exceeds the dots a participant has, as `for_method` would refuse that.
        self.per_option.unwrap_or(DEFAULT_PER_OPTION.min(self.dots_per_participant()))
    }
}

/// A setting outside its limits.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// Dots per participant must be in `min..=max`.
    Dots { min: u32, max: u32 },
    /// Dots on one option must be in `min..=max` (`max` is the dots per participant).
    PerOption { min: u32, max: u32 },
    /// The most approvals must be in `min..=max`.
    Max { min: u32, max: u32 },
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dots { min, max } => write!(f, "dots per participant must be between {min} and {max}"),
            Self::PerOption { min, max } => write!(f, "dots on one option must be between {min} and {max}"),
            Self::Max { min, max } => write!(f, "the most approvals must be between {min} and {max}"),
        }
    }
}

impl std::error::Error for SettingsError {}

/// One participant's vote. An empty ballot is an abstention: it counts as cast and adds nothing.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum Ballot {
    /// Dots per option id; entries with 0 dots are ignored.
    Dots(BTreeMap<String, u32>),
    /// The ids approved.
    Approval(Vec<String>),
    /// A score from 0 to [`SCORE_MAX`] per option id; options left out are not scored.
    Score(BTreeMap<String, u8>),
    /// Option ids, best first; options left out rank below all listed ones, tied with each other.
    Ranking(Vec<String>),
}

impl Ballot {
    /// Reads a ballot of `method`: an object id → number for dots and score, an array of ids otherwise.
    ///
    /// # Errors
    /// [`BallotError::Shape`] for any other JSON, [`BallotError::ScoreRange`] for an integer score
    /// that does not even fit a byte.
    pub fn from_json(method: Method, value: &Value) -> Result<Self, BallotError> {
        let shape = || BallotError::Shape { method };
        match method {
            Method::Dots => {
                let object = value.as_object().ok_or_else(shape)?;
                let dots = object.iter().map(|(id, n)| {
                    let n = n.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(shape)?;
                    Ok((id.clone(), n))
                });
                dots.collect::<Result<_, _>>().map(Self::Dots)
            }
            Method::Score => {
                let object = value.as_object().ok_or_else(shape)?;
                let scores = object.iter().map(|(id, s)| Ok((id.clone(), parse_score(id, s)?)));
                scores.collect::<Result<_, _>>().map(Self::Score)
            }
            Method::Approval | Method::Ranking => {
                let ids = value.as_array().ok_or_else(shape)?;
                let ids = ids.iter().map(|id| id.as_str().map(str::to_owned).ok_or_else(shape));
                let ids = ids.collect::<Result<Vec<_>, _>>()?;
                Ok(if method == Method::Approval { Self::Approval(ids) } else { Self::Ranking(ids) })
            }
        }
    }

    /// The ballot as JSON, in the shape [`Ballot::from_json`] reads.
    #[must_use]
    pub fn to_json(&self) -> Value {
        match self {
            Self::Dots(dots) => Value::Object(dots.iter().map(|(id, &n)| (id.clone(), Value::from(n))).collect()),
            Self::Score(scores) => Value::Object(scores.iter().map(|(id, &s)| (id.clone(), Value::from(s))).collect()),
            Self::Approval(ids) | Self::Ranking(ids) => Value::from(ids.clone()),
        }
    }

    /// The method this ballot belongs to.
    #[must_use]
    pub fn method(&self) -> Method {
        match self {
            Self::Dots(_) => Method::Dots,
            Self::Approval(_) => Method::Approval,
            Self::Score(_) => Method::Score,
            Self::Ranking(_) => Method::Ranking,
        }
    }

    /// Whether the ballot expresses nothing (it still counts as cast).
    #[must_use]
    pub fn is_abstention(&self) -> bool {
        match self {
            Self::Dots(dots) => dots.values().all(|&n| n == 0),
            Self::Score(scores) => scores.is_empty(),
            Self::Approval(ids) | Self::Ranking(ids) => ids.is_empty(),
        }
    }
}

fn parse_score(id: &str, value: &Value) -> Result<u8, BallotError> {
    let out_of_range = || BallotError::ScoreRange { id: id.to_owned(), max: SCORE_MAX };
    match (value.as_u64(), value.as_i64()) {
        (Some(n), _) => u8::try_from(n).map_err(|_| out_of_range()),
        // Only a negative integer is an i64 but no u64; it is a score, just out of range.
        (None, Some(_)) => Err(out_of_range()),
        (None, None) => Err(BallotError::Shape { method: Method::Score }),
    }
}

/// Why a ballot is refused; each variant carries what its message names.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum BallotError {
    /// The ballot is not in the shape of `method`.
    Shape { method: Method },
    /// The ballot names an option that is not in the round.
    UnknownOption { id: String },
    /// An approval or ranking names an option twice.
    Duplicate { id: String },
    /// More dots in total than a participant has.
    TooManyDots { max: u32 },
    /// More dots on one option than allowed.
    TooManyOnOne { id: String, max: u32 },
    /// More approvals than allowed.
    TooManyApprovals { max: u32 },
    /// A score above `max` (or below 0).
    ScoreRange { id: String, max: u8 },
}

impl BallotError {
    /// The i18n message key.
    #[must_use]
    pub fn key(&self) -> &'static str {
        match self {
            Self::Shape { .. } => "ballot-shape",
            Self::UnknownOption { .. } => "ballot-unknown-option",
            Self::Duplicate { .. } => "ballot-duplicate",
            Self::TooManyDots { .. } => "ballot-too-many-dots",
            Self::TooManyOnOne { .. } => "ballot-too-many-on-one",
            Self::TooManyApprovals { .. } => "ballot-too-many-approvals",
            Self::ScoreRange { .. } => "ballot-score-range",
        }
    }

    /// The limit the ballot broke, for rules that have one.
    #[must_use]
    pub fn limit(&self) -> Option<u32> {
        match self {
            Self::TooManyDots { max } | Self::TooManyOnOne { max, .. } | Self::TooManyApprovals { max } => Some(*max),
            Self::ScoreRange { max, .. } => Some(u32::from(*max)),
            Self::Shape { .. } | Self::UnknownOption { .. } | Self::Duplicate { .. } => None,
        }
    }
}

impl fmt::Display for BallotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape { method } => write!(f, "this is not a {method} ballot"),
            Self::UnknownOption { id } => write!(f, "option {id} is not in this round"),
            Self::Duplicate { id } => write!(f, "option {id} appears twice"),
            Self::TooManyDots { max } => write!(f, "more than {max} dots in total (limit {max})"),
            Self::TooManyOnOne { id, max } => write!(f, "more than {max} dots on option {id} (limit {max})"),
            Self::TooManyApprovals { max } => write!(f, "more than {max} approvals (limit {max})"),
            Self::ScoreRange { id, max } => write!(f, "score of option {id} outside 0–{max}"),
        }
    }
}

impl std::error::Error for BallotError {}

/// Checks `ballot` against every rule of a round of `method` over `options`.
///
/// # Errors
/// The first rule the ballot breaks.
pub fn validate(method: Method, settings: &Settings, options: &[String], ballot: &Ballot) -> Result<(), BallotError> {
    if ballot.method() != method {
        return Err(BallotError::Shape { method });
    }
    let known: BTreeSet<&str> = options.iter().map(String::as_str).collect();
    let check = |id: &String| {
        if known.contains(id.as_str()) { Ok(()) } else { Err(BallotError::UnknownOption { id: id.clone() }) }
    };
    match ballot {
        Ballot::Dots(dots) => validate_dots(settings, dots, check),
        Ballot::Approval(ids) => {
            check_list(ids, check)?;
            match settings.max {
                Some(max) if count(ids.len()) > max => Err(BallotError::TooManyApprovals { max }),
                _ => Ok(()),
            }
        }
        Ballot::Score(scores) => scores.iter().try_for_each(|(id, &score)| {
            check(id)?;
            if score > SCORE_MAX { Err(BallotError::ScoreRange { id: id.clone(), max: SCORE_MAX }) } else { Ok(()) }
        }),
        Ballot::Ranking(ids) => check_list(ids, check),
    }
}

fn validate_dots(
    settings: &Settings,
    dots: &BTreeMap<String, u32>,
    check: impl Fn(&String) -> Result<(), BallotError>,
) -> Result<(), BallotError> {
    let (budget, per_option) = (settings.dots_per_participant(), settings.dots_per_option());
    for (id, &n) in dots {
        check(id)?;
        if n > per_option {
            return Err(BallotError::TooManyOnOne { id: id.clone(), max: per_option });
        }
    }
    // Summed as u64 so that a hostile ballot cannot overflow its way under the limit.
    if dots.values().map(|&n| u64::from(n)).sum::<u64>() > u64::from(budget) {
        return Err(BallotError::TooManyDots { max: budget });
    }
    Ok(())
}

fn check_list(ids: &[String], check: impl Fn(&String) -> Result<(), BallotError>) -> Result<(), BallotError> {
    let mut seen = BTreeSet::new();
    ids.iter().try_for_each(|id| {
        check(id)?;
        if seen.insert(id.as_str()) { Ok(()) } else { Err(BallotError::Duplicate { id: id.clone() }) }
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The result of a round. Every option is a key of every map that is `Some`, zeros included.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Tally {
    /// Tiers, best first; tied options share a tier; every option appears exactly once.
    pub ranking: Vec<Vec<String>>,
    /// Ballots counted, abstentions included.
    pub ballots: u32,
    /// Dots and approval: online plus paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<BTreeMap<String, u32>>,
    /// Dots and approval: from the ballots cast online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<BTreeMap<String, u32>>,
    /// Dots and approval: counted on a physical pinboard and entered by the moderator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<BTreeMap<String, u32>>,
    /// Score: the mean score, `None` when nobody scored the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub means: Option<BTreeMap<String, Option<f64>>>,
    /// Score: how many ballots scored the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<BTreeMap<String, u32>>,
    /// Score: how many ballots gave the option 0, 1, … 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<BTreeMap<String, [u32; 6]>>,
    /// Ranking: `pairwise[a][b]` is the number of ballots ranking a above b (every pair a ≠ b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<BTreeMap<String, BTreeMap<String, u32>>>,
    /// Ranking: the Schulze strongest path strengths (every pair a ≠ b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strongest: Option<BTreeMap<String, BTreeMap<String, u32>>>,
}

/// The round's options without repeats, and where each id sits among them.
struct Round<'a> {
    ids: Vec<String>,
    index: BTreeMap<&'a str, usize>,
}

impl<'a> Round<'a> {
    fn new(options: &'a [String]) -> Self {
        let mut round = Round { ids: Vec::new(), index: BTreeMap::new() };
        for id in options {
            if !round.index.contains_key(id.as_str()) {
                round.index.insert(id, round.ids.len());
                round.ids.push(id.clone());
            }
        }
        round
    }

    fn map<T: Copy>(&self, values: &[T]) -> BTreeMap<String, T> {
        self.ids.iter().cloned().zip(values.iter().copied()).collect()
    }

    fn matrix(&self, values: &[Vec<u32>]) -> BTreeMap<String, BTreeMap<String, u32>> {
        let row = |a: usize, cells: &[u32]| {
            let pairs = self.ids.iter().zip(cells).enumerate().filter(|&(b, _)| b != a);
            pairs.map(|(_, (id, &v))| (id.clone(), v)).collect()
        };
        self.ids.iter().zip(values).enumerate().map(|(a, (id, cells))| (id.clone(), row(a, cells))).collect()
    }

    /// Options grouped best first by `cmp` (`Greater` means better).
    fn tiers(&self, cmp: impl Fn(usize, usize) -> Ordering) -> Vec<Vec<String>> {
        let mut order: Vec<usize> = (0..self.ids.len()).collect();
        // A stable sort keeps tied options in the round's order, so the result is deterministic.
        order.sort_by(|&a, &b| cmp(b, a));
        let tiers = order.chunk_by(|&a, &b| cmp(a, b) == Ordering::Equal);
        tiers.map(|tier| tier.iter().map(|&i| self.ids[i].clone()).collect()).collect()
    }
}

/// Counts valid `ballots` of a round of `method` over `options`; `paper` counts only for dots and
/// approval. Invalid ballots do not panic: unknown ids and out-of-range entries are ignored.
#[must_use]
pub fn tally(
    method: Method,
    _settings: &Settings,
    options: &[String],
    ballots: &[Ballot],
    paper: &BTreeMap<String, u32>,
) -> Tally {
    let round = Round::new(options);
    let result = match method {
        Method::Dots | Method::Approval => count_points(&round, method, ballots, paper),
        Method::Score => count_scores(&round, ballots),
        Method::Ranking => count_ranking(&round, ballots),
    };
    Tally { ballots: count(ballots.len()), ..result }
}

fn points(method: Method, ballot: &Ballot) -> BTreeMap<&str, u32> {
    match (method, ballot) {
        (Method::Dots, Ballot::Dots(dots)) => dots.iter().map(|(id, &n)| (id.as_str(), n)).collect(),
        // Collected into a map so that a repeated approval counts once.
        (Method::Approval, Ballot::Approval(ids)) => ids.iter().map(|id| (id.as_str(), 1)).collect(),
        _ => BTreeMap::new(),
    }
}

fn count_points(round: &Round, method: Method, ballots: &[Ballot], paper: &BTreeMap<String, u32>) -> Tally {
    let mut online = vec![0_u32; round.ids.len()];
    for (id, n) in ballots.iter().flat_map(|ballot| points(method, ballot)) {
        if let Some(&i) = round.index.get(id) {
            online[i] = online[i].saturating_add(n);
        }
    }
    let paper: Vec<u32> = round.ids.iter().map(|id| paper.get(id).copied().unwrap_or(0)).collect();
    let totals: Vec<u32> = online.iter().zip(&paper).map(|(a, b)| a.saturating_add(*b)).collect();
    Tally {
        ranking: round.tiers(|a, b| totals[a].cmp(&totals[b])),
        totals: Some(round.map(&totals)),
        online: Some(round.map(&online)),
        paper: Some(round.map(&paper)),
        ..Tally::default()
    }
}

fn count_scores(round: &Round, ballots: &[Ballot]) -> Tally {
    let mut distribution = vec![[0_u32; 6]; round.ids.len()];
    for ballot in ballots {
        let Ballot::Score(scores) = ballot else { continue };
        for (id, &score) in scores {
            // `get_mut` on the fixed-size row drops scores above SCORE_MAX.
            if let Some(&i) = round.index.get(id.as_str())
                && let Some(slot) = distribution[i].get_mut(usize::from(score))
            {
                *slot = slot.saturating_add(1);
            }
        }
    }
    let counts: Vec<u32> = distribution.iter().map(|row| row.iter().fold(0_u32, |a, &c| a.saturating_add(c))).collect();
    let sums: Vec<u64> =
        distribution.iter().map(|row| (0_u64..).zip(row).map(|(k, &c)| k * u64::from(c)).sum()).collect();
    let means: Vec<Option<f64>> = distribution.iter().zip(&counts).map(|(row, &n)| mean(row, n)).collect();
    Tally {
        ranking: round.tiers(|a, b| compare_means((sums[a], counts[a]), (sums[b], counts[b]))),
        means: Some(round.map(&means)),
        counts: Some(round.map(&counts)),
        distribution: Some(round.map(&distribution)),
        ..Tally::default()
    }
}

fn mean(row: &[u32; 6], n: u32) -> Option<f64> {
    let sum: f64 = (0_u32..).zip(row).map(|(k, &c)| f64::from(k) * f64::from(c)).sum();
    (n > 0).then(|| sum / f64::from(n))
}

/// Compares sum/count fractions exactly (by cross-multiplying); an unscored option is worst.
fn compare_means((sum_a, n_a): (u64, u32), (sum_b, n_b): (u64, u32)) -> Ordering {
    match (n_a, n_b) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Less,
        (_, 0) => Ordering::Greater,
        _ => (u128::from(sum_a) * u128::from(n_b)).cmp(&(u128::from(sum_b) * u128::from(n_a))),
    }
}

fn count_ranking(round: &Round, ballots: &[Ballot]) -> Tally {
    let n = round.ids.len();
    let mut pairwise = vec![vec![0_u32; n]; n];
    for ballot in ballots {
        if let Ballot::Ranking(ids) = ballot {
            add_preferences(&mut pairwise, &positions(round, ids));
        }
    }
    let paths = strongest_paths(&pairwise);
    let wins: Vec<usize> = (0..n).map(|a| (0..n).filter(|&b| paths[a][b] > paths[b][a]).count()).collect();
    Tally {
        // Schulze's relation is transitive, so whoever beats an option also beats all it beats:
        // more wins means a better tier, and a pair in one tier beats neither way.
        ranking: round.tiers(|a, b| wins[a].cmp(&wins[b])),
        pairwise: Some(round.matrix(&pairwise)),
        strongest: Some(round.matrix(&paths)),
        ..Tally::default()
    }
}

/// Each option's place on the ballot, `None` when left out; a repeated id keeps its first place.
fn positions(round: &Round, ids: &[String]) -> Vec<Option<usize>> {
    let mut places = vec![None; round.ids.len()];
    for (place, id) in ids.iter().enumerate() {
        if let Some(&i) = round.index.get(id.as_str())
            && places[i].is_none()
        {
            places[i] = Some(place);
        }
    }
    places
}

fn add_preferences(pairwise: &mut [Vec<u32>], places: &[Option<usize>]) {
    for (row, place) in pairwise.iter_mut().zip(places) {
        // An unranked option is above nothing; a ranked one is above every later or unranked one.
        let Some(place) = place else { continue };
        for (cell, other) in row.iter_mut().zip(places) {
            if other.is_none_or(|other| place < &other) {
                *cell = cell.saturating_add(1);
            }
        }
    }
}

/// Schulze's strongest paths: the widest-path variant of Floyd–Warshall over the winning links.
fn strongest_paths(pairwise: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let n = pairwise.len();
    let link = |a: usize, b: usize| if pairwise[a][b] > pairwise[b][a] { pairwise[a][b] } else { 0 };
    let mut paths: Vec<Vec<u32>> = (0..n).map(|a| (0..n).map(|b| link(a, b)).collect()).collect();
    for via in 0..n {
        // Row `via` does not change in this pass (its updates would need from == via), so one copy serves.
        let via_row = paths[via].clone();
        for (from, row) in paths.iter_mut().enumerate().filter(|&(from, _)| from != via) {
            let to_via = row[via];
            for (to, cell) in row.iter_mut().enumerate().filter(|&(to, _)| to != from && to != via) {
                *cell = (*cell).max(to_via.min(via_row[to]));
            }
        }
    }
    paths
}

/// A round as exported for recounts.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BallotFile {
    /// The round's method.
    pub method: Method,
    /// The round's settings.
    #[serde(default)]
    pub settings: Settings,
    /// The round's options, in the round's order.
    pub options: Vec<OptionRef>,
    /// The ballots, each in the JSON shape of [`Ballot::to_json`].
    pub ballots: Vec<Value>,
    /// Paper counts per option id (dots and approval only).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paper: BTreeMap<String, u32>,
}

/// An option of a [`BallotFile`].
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct OptionRef {
    /// The option's id.
    pub id: String,
    /// The option's title, for people reading the file.
    pub title: String,
}

/// Why a [`BallotFile`] cannot be recounted.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum RecountError {
    /// The file is not JSON of a [`BallotFile`].
    Parse(String),
    /// The settings are outside their limits.
    Settings(SettingsError),
    /// An option id is listed twice.
    Options { id: String },
    /// A paper count names an option that is not in the round.
    Paper { id: String },
    /// Paper counts are given for a method that has none.
    PaperMethod { method: Method },
    /// The ballot at `position` (1-based) is refused.
    Ballot { position: usize, error: BallotError },
}

impl fmt::Display for RecountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Parse(error) => write!(f, "not a ballot file: {error}"),
            Self::Settings(error) => write!(f, "settings: {error}"),
            Self::Options { id } => write!(f, "option {id} is listed twice"),
            Self::Paper { id } => write!(f, "paper count for option {id}, which is not in this round"),
            Self::PaperMethod { method } => write!(f, "paper counts exist only for dots and approval, not {method}"),
            Self::Ballot { position, error } => write!(f, "ballot {position}: {error}"),
        }
    }
}

impl std::error::Error for RecountError {}

/// Recounts a [`BallotFile`] given as JSON.
///
/// # Errors
/// The first problem found: the file, its settings, its options, its paper counts, then its ballots in order.
pub fn recount(json: &str) -> Result<Tally, RecountError> {
    let file: BallotFile = serde_json::from_str(json).map_err(|e| RecountError::Parse(e.to_string()))?;
    let method = file.method;
    let given = file.settings;
    let settings =
        Settings::for_method(method, given.dots, given.per_option, given.max).map_err(RecountError::Settings)?;
    let mut seen = BTreeSet::new();
    if let Some(option) = file.options.iter().find(|option| !seen.insert(option.id.as_str())) {
        return Err(RecountError::Options { id: option.id.clone() });
    }
    let options: Vec<String> = file.options.iter().map(|option| option.id.clone()).collect();
    if !file.paper.is_empty() && !matches!(method, Method::Dots | Method::Approval) {
        return Err(RecountError::PaperMethod { method });
    }
    if let Some(id) = file.paper.keys().find(|id| !seen.contains(id.as_str())) {
        return Err(RecountError::Paper { id: id.clone() });
    }
    let read = |value: &Value| {
        let ballot = Ballot::from_json(method, value)?;
        validate(method, &settings, &options, &ballot).map(|()| ballot)
    };
    let ballots = file
        .ballots
        .iter()
        .enumerate()
        .map(|(i, value)| read(value).map_err(|error| RecountError::Ballot { position: i + 1, error }));
    let ballots = ballots.collect::<Result<Vec<_>, _>>()?;
    Ok(tally(method, &settings, &options, &ballots, &file.paper))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|id| (*id).to_owned()).collect()
    }

    fn map<T: Copy>(list: &[(&str, T)]) -> BTreeMap<String, T> {
        list.iter().map(|(id, v)| ((*id).to_owned(), *v)).collect()
    }

    fn dots(list: &[(&str, u32)]) -> Ballot {
        Ballot::Dots(map(list))
    }

    fn scores(list: &[(&str, u8)]) -> Ballot {
        Ballot::Score(map(list))
    }

    fn dot_settings(dots: u32, per_option: u32) -> Settings {
        Settings { dots: Some(dots), per_option: Some(per_option), max: None }
    }

    fn check(method: Method, settings: Settings, options: &[&str], ballot: &Ballot) -> Result<(), BallotError> {
        validate(method, &settings, &ids(options), ballot)
    }

    #[test]
    fn methods_parse_what_they_print() {
        for method in [Method::Dots, Method::Approval, Method::Score, Method::Ranking] {
            assert_eq!(Method::parse(method.as_str()), Some(method));
            assert_eq!(serde_json::to_value(method).ok(), Some(Value::from(method.as_str())));
        }
        assert_eq!(Method::parse("Dots"), None);
    }

    #[test]
    fn settings_keep_only_what_the_method_uses_and_check_limits() {
        assert_eq!(Settings::for_method(Method::Dots, None, None, Some(3)), Ok(dot_settings(5, 3)));
        assert_eq!(Settings::for_method(Method::Dots, Some(2), None, None), Ok(dot_settings(2, 2)));
        assert_eq!(
            Settings::for_method(Method::Dots, Some(0), None, None),
            Err(SettingsError::Dots { min: 1, max: 100 })
        );
        assert_eq!(
            Settings::for_method(Method::Dots, Some(101), None, None),
            Err(SettingsError::Dots { min: 1, max: 100 })
        );
        let too_many_on_one = Settings::for_method(Method::Dots, Some(4), Some(5), None);
        assert_eq!(too_many_on_one, Err(SettingsError::PerOption { min: 1, max: 4 }));
        assert_eq!(Settings::for_method(Method::Approval, Some(5), None, None), Ok(Settings::default()));
        assert_eq!(
            Settings::for_method(Method::Approval, None, None, Some(0)),
            Err(SettingsError::Max { min: 1, max: 1000 })
        );
        assert_eq!(Settings::for_method(Method::Score, Some(5), Some(3), Some(2)), Ok(Settings::default()));
        let json = serde_json::to_string(&dot_settings(5, 3)).unwrap_or_default();
        assert_eq!(json, r#"{"dots":5,"per_option":3}"#);
        assert!(serde_json::from_str::<Settings>(r#"{"dotz":5}"#).is_err());
    }

    #[test]
    fn ballots_read_and_write_their_json_shapes() {
        let cases = [
            (Method::Dots, serde_json::json!({"a": 3, "b": 0}), dots(&[("a", 3), ("b", 0)])),
            (Method::Approval, serde_json::json!(["b", "a"]), Ballot::Approval(ids(&["b", "a"]))),
            (Method::Score, serde_json::json!({"a": 4}), scores(&[("a", 4)])),
            (Method::Ranking, serde_json::json!(["b", "a"]), Ballot::Ranking(ids(&["b", "a"]))),
        ];
        for (method, json, ballot) in cases {
            assert_eq!(Ballot::from_json(method, &json), Ok(ballot.clone()));
            assert_eq!(ballot.to_json(), json);
        }
        let shape = |method| Err(BallotError::Shape { method });
        assert_eq!(Ballot::from_json(Method::Dots, &serde_json::json!(["a"])), shape(Method::Dots));
        assert_eq!(Ballot::from_json(Method::Dots, &serde_json::json!({"a": -1})), shape(Method::Dots));
        assert_eq!(Ballot::from_json(Method::Dots, &serde_json::json!({"a": 1.5})), shape(Method::Dots));
        assert_eq!(Ballot::from_json(Method::Ranking, &serde_json::json!([1])), shape(Method::Ranking));
        assert_eq!(Ballot::from_json(Method::Approval, &serde_json::json!({"a": 1})), shape(Method::Approval));
        assert_eq!(Ballot::from_json(Method::Score, &serde_json::json!({"a": "4"})), shape(Method::Score));
        let wrong = check(Method::Dots, Settings::default(), &["a"], &Ballot::Approval(ids(&["a"])));
        assert_eq!(wrong.map_err(|e| e.to_string()), Err("this is not a dots ballot".to_owned()));
    }

    #[test]
    fn dots_add_paper_to_online_counts_and_keep_both_apart() {
        let ballots = [dots(&[("a", 3), ("b", 2)]), dots(&[("b", 1), ("c", 0)])];
        let t = tally(Method::Dots, &dot_settings(5, 3), &ids(&["a", "b", "c"]), &ballots, &map(&[("a", 1), ("c", 4)]));
        assert_eq!(t.ballots, 2);
        assert_eq!(t.online, Some(map(&[("a", 3), ("b", 3), ("c", 0)])));
        assert_eq!(t.paper, Some(map(&[("a", 1), ("b", 0), ("c", 4)])));
        assert_eq!(t.totals, Some(map(&[("a", 4), ("b", 3), ("c", 4)])));
        assert_eq!(t.ranking, vec![ids(&["a", "c"]), ids(&["b"])]);
        assert!(t.means.is_none() && t.pairwise.is_none());
    }

    #[test]
    fn equal_totals_share_a_tier_in_the_rounds_order() {
        let ballots = [dots(&[("d", 2), ("b", 2)])];
        let t = tally(Method::Dots, &Settings::default(), &ids(&["d", "a", "b", "c"]), &ballots, &BTreeMap::new());
        assert_eq!(t.ranking, vec![ids(&["d", "b"]), ids(&["a", "c"])]);
    }

    #[test]
    fn dots_above_the_per_option_cap_are_refused_with_the_cap() {
        let error = check(Method::Dots, dot_settings(5, 3), &["a", "b"], &dots(&[("a", 4)]));
        assert_eq!(error, Err(BallotError::TooManyOnOne { id: "a".into(), max: 3 }));
        let Err(error) = error else { return };
        assert_eq!((error.key(), error.limit()), ("ballot-too-many-on-one", Some(3)));
        assert_eq!(error.to_string(), "more than 3 dots on option a (limit 3)");
    }

    #[test]
    fn dots_above_the_total_are_refused_with_the_total() {
        let error = check(Method::Dots, Settings::default(), &["a", "b", "c"], &dots(&[("a", 3), ("b", 2), ("c", 1)]));
        assert_eq!(error, Err(BallotError::TooManyDots { max: 5 }));
        let Err(error) = error else { return };
        assert_eq!((error.key(), error.limit()), ("ballot-too-many-dots", Some(5)));
        assert_eq!(error.to_string(), "more than 5 dots in total (limit 5)");
        assert_eq!(check(Method::Dots, dot_settings(6, 3), &["a", "b", "c"], &dots(&[("a", 3), ("b", 3)])), Ok(()));
    }

    #[test]
    fn dots_on_an_unknown_option_are_refused() {
        let error = check(Method::Dots, Settings::default(), &["a"], &dots(&[("x", 1)]));
        assert_eq!(error, Err(BallotError::UnknownOption { id: "x".into() }));
        let Err(error) = error else { return };
        assert_eq!((error.key(), error.limit()), ("ballot-unknown-option", None));
        assert_eq!(error.to_string(), "option x is not in this round");
    }

    #[test]
    fn an_abstention_counts_as_a_ballot_and_adds_nothing() {
        let ballots = [dots(&[]), dots(&[("a", 0)]), dots(&[("b", 1)])];
        let options = ids(&["a", "b"]);
        for ballot in &ballots[..2] {
            assert!(ballot.is_abstention());
            assert_eq!(validate(Method::Dots, &Settings::default(), &options, ballot), Ok(()));
        }
        let t = tally(Method::Dots, &Settings::default(), &options, &ballots, &BTreeMap::new());
        assert_eq!((t.ballots, t.totals), (3, Some(map(&[("a", 0), ("b", 1)]))));
        let t = tally(Method::Ranking, &Settings::default(), &options, &[Ballot::Ranking(vec![])], &BTreeMap::new());
        assert_eq!((t.ballots, t.ranking), (1, vec![options.clone()]));
    }

    #[test]
    fn an_empty_round_puts_every_option_in_one_tier_with_zeros() {
        let options = ids(&["b", "a", "c"]);
        let zeros = map(&[("a", 0), ("b", 0), ("c", 0)]);
        for method in [Method::Dots, Method::Approval, Method::Score, Method::Ranking] {
            let t = tally(method, &Settings::default(), &options, &[], &BTreeMap::new());
            assert_eq!((t.ballots, &t.ranking), (0, &vec![options.clone()]), "{method}");
            let points = matches!(method, Method::Dots | Method::Approval).then(|| zeros.clone());
            assert_eq!((&t.totals, &t.online, &t.paper), (&points, &points, &points));
            let scored = (method == Method::Score).then(|| zeros.clone());
            assert_eq!(t.counts, scored);
            assert_eq!(t.means, scored.as_ref().map(|_| map(&[("a", None), ("b", None), ("c", None)])));
            let no_pairs = (method == Method::Ranking).then(|| square(&["a", "b", "c"], |_, _| 0));
            assert_eq!((&t.pairwise, &t.strongest), (&no_pairs, &no_pairs));
        }
    }

    #[test]
    fn approvals_above_max_are_refused_and_unlimited_without_max() {
        let options = ["a", "b", "c"];
        let all = Ballot::Approval(ids(&options));
        let limited = Settings { max: Some(2), ..Settings::default() };
        let error = check(Method::Approval, limited, &options, &all);
        assert_eq!(error, Err(BallotError::TooManyApprovals { max: 2 }));
        let Err(error) = error else { return };
        assert_eq!((error.key(), error.limit()), ("ballot-too-many-approvals", Some(2)));
        assert_eq!(error.to_string(), "more than 2 approvals (limit 2)");
        assert_eq!(check(Method::Approval, Settings::default(), &options, &all), Ok(()));
        let ballots = [all, Ballot::Approval(ids(&["c"]))];
        let t = tally(Method::Approval, &Settings::default(), &ids(&options), &ballots, &map(&[("b", 2)]));
        assert_eq!(t.totals, Some(map(&[("a", 1), ("b", 3), ("c", 2)])));
        assert_eq!(t.ranking, vec![ids(&["b"]), ids(&["c"]), ids(&["a"])]);
    }

    #[test]
    fn a_duplicate_approval_is_refused() {
        let error = check(Method::Approval, Settings::default(), &["a", "b"], &Ballot::Approval(ids(&["a", "b", "a"])));
        assert_eq!(error, Err(BallotError::Duplicate { id: "a".into() }));
        let Err(error) = error else { return };
        assert_eq!((error.key(), error.to_string()), ("ballot-duplicate", "option a appears twice".to_owned()));
    }

    #[test]
    fn scores_give_means_counts_and_distribution_and_unscored_options_come_last() {
        let ballots = [scores(&[("a", 4), ("b", 2)]), scores(&[("a", 5), ("c", 0)]), scores(&[("b", 4)]), scores(&[])];
        let t = tally(Method::Score, &Settings::default(), &ids(&["d", "c", "b", "a"]), &ballots, &BTreeMap::new());
        assert_eq!(t.ballots, 4);
        assert_eq!(t.means, Some(map(&[("a", Some(4.5)), ("b", Some(3.0)), ("c", Some(0.0)), ("d", None)])));
        assert_eq!(t.counts, Some(map(&[("a", 2), ("b", 2), ("c", 1), ("d", 0)])));
        let distribution =
            [("a", [0, 0, 0, 0, 1, 1]), ("b", [0, 0, 1, 0, 1, 0]), ("c", [1, 0, 0, 0, 0, 0]), ("d", [0; 6])];
        assert_eq!(t.distribution, Some(map(&distribution)));
        assert_eq!(t.ranking, vec![ids(&["a"]), ids(&["b"]), ids(&["c"]), ids(&["d"])]);
        assert!(t.totals.is_none() && t.pairwise.is_none());
    }

    #[test]
    fn scores_outside_the_range_are_refused() {
        let error = check(Method::Score, Settings::default(), &["a"], &scores(&[("a", 6)]));
        assert_eq!(error, Err(BallotError::ScoreRange { id: "a".into(), max: SCORE_MAX }));
        let Err(error) = error else { return };
        assert_eq!((error.key(), error.limit()), ("ballot-score-range", Some(5)));
        assert_eq!(error.to_string(), "score of option a outside 0–5");
        for json in [serde_json::json!({"a": 300}), serde_json::json!({"a": -1})] {
            assert_eq!(
                Ballot::from_json(Method::Score, &json),
                Err(BallotError::ScoreRange { id: "a".into(), max: 5 })
            );
        }
    }

    #[test]
    fn equal_means_from_different_counts_tie_exactly() {
        let ballots = [scores(&[("a", 4), ("b", 3)]), scores(&[("b", 5), ("c", 1)])];
        let t = tally(Method::Score, &Settings::default(), &ids(&["c", "b", "a"]), &ballots, &BTreeMap::new());
        assert_eq!(t.ranking, vec![ids(&["b", "a"]), ids(&["c"])]);
    }

    #[test]
    fn the_published_schulze_example_ranks_e_a_c_b_d() {
        let groups = [(5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"), (2, "CBADE")];
        let groups = groups.into_iter().chain([(7, "DCEBA"), (8, "EBADC")]);
        let ranking = |order: &str| Ballot::Ranking(order.chars().map(String::from).collect());
        let ballots: Vec<Ballot> = groups.flat_map(|(n, order)| std::iter::repeat_n(ranking(order), n)).collect();
        let options = ["A", "B", "C", "D", "E"];
        let t = tally(Method::Ranking, &Settings::default(), &ids(&options), &ballots, &BTreeMap::new());
        assert_eq!(t.ballots, 45);
        assert_eq!(t.ranking, vec![ids(&["E"]), ids(&["A"]), ids(&["C"]), ids(&["B"]), ids(&["D"])]);
        // Both matrices as published by Wikipedia ("Schulze method", example 1) and Schulze (2011).
        let d =
            [[0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24], [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]];
        let p =
            [[0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24], [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]];
        assert_eq!(t.pairwise, Some(square(&options, |a, b| d[a][b])));
        assert_eq!(t.strongest, Some(square(&options, |a, b| p[a][b])));
    }

    #[test]
    fn a_partial_ranking_puts_ranked_above_unranked_and_unranked_tie() {
        let options = ids(&["a", "b", "c", "d"]);
        let t = tally(
            Method::Ranking,
            &Settings::default(),
            &options,
            &[Ballot::Ranking(ids(&["c", "b"]))],
            &BTreeMap::new(),
        );
        let Some(pairwise) = t.pairwise else { panic!("no pairwise counts") };
        let at = |a: &str, b: &str| pairwise.get(a).and_then(|row| row.get(b)).copied();
        assert_eq!([at("c", "b"), at("c", "a"), at("b", "a"), at("b", "d")], [Some(1); 4]);
        assert_eq!([at("b", "c"), at("a", "d"), at("d", "a"), at("a", "b")], [Some(0); 4]);
        assert_eq!(t.ranking, vec![ids(&["c"]), ids(&["b"]), ids(&["a", "d"])]);
    }

    #[test]
    fn a_duplicate_in_a_ranking_is_refused() {
        let error = check(Method::Ranking, Settings::default(), &["a", "b"], &Ballot::Ranking(ids(&["a", "b", "a"])));
        assert_eq!(error, Err(BallotError::Duplicate { id: "a".into() }));
        let unknown = check(Method::Ranking, Settings::default(), &["a"], &Ballot::Ranking(ids(&["z"])));
        assert_eq!(unknown, Err(BallotError::UnknownOption { id: "z".into() }));
    }

    /// A square matrix as [`Tally`] holds it: every pair of distinct options.
    fn square(options: &[&str], value: impl Fn(usize, usize) -> u32) -> BTreeMap<String, BTreeMap<String, u32>> {
        let row =
            |a: usize| (0..options.len()).filter(|&b| b != a).map(|b| (options[b].to_owned(), value(a, b))).collect();
        (0..options.len()).map(|a| (options[a].to_owned(), row(a))).collect()
    }

    #[test]
    fn a_condorcet_cycle_of_equal_strength_is_one_tier() {
        let cycle = [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"]];
        let ballots: Vec<Ballot> = cycle.iter().map(|order| Ballot::Ranking(ids(order))).collect();
        let t = tally(Method::Ranking, &Settings::default(), &ids(&["b", "c", "a"]), &ballots, &BTreeMap::new());
        assert_eq!(t.ranking, vec![ids(&["b", "c", "a"])]);
        // a > b, b > c and c > a each by 2 to 1.
        let options = ["a", "b", "c"];
        assert_eq!(t.pairwise, Some(square(&options, |a, b| if (a + 1) % 3 == b { 2 } else { 1 })));
        assert_eq!(t.strongest, Some(square(&options, |_, _| 2)));
    }

    const DOTS_FILE: &str = r#"{"method":"dots","settings":{"dots":5,"per_option":3},
        "options":[{"id":"a","title":"A"},{"id":"b","title":"B"}],
        "ballots":[{"a":3},{"a":1,"b":2},{}],"paper":{"a":4}}"#;

    #[test]
    fn a_dots_file_recounts_to_the_same_tally_and_round_trips() {
        let ballots = [dots(&[("a", 3)]), dots(&[("a", 1), ("b", 2)]), dots(&[])];
        let expected = tally(Method::Dots, &dot_settings(5, 3), &ids(&["a", "b"]), &ballots, &map(&[("a", 4)]));
        assert_eq!(recount(DOTS_FILE), Ok(expected.clone()));
        assert_eq!(expected.totals, Some(map(&[("a", 8), ("b", 2)])));
        let json = serde_json::to_string(&expected).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Tally>(&json).ok(), Some(expected));
        assert!(!json.contains("means"));
    }

    #[test]
    fn an_invalid_ballot_is_named_by_position_and_limit() {
        let file = DOTS_FILE.replace(r#"{"a":1,"b":2}"#, r#"{"a":1,"b":4}"#);
        let error = recount(&file);
        let refused = BallotError::TooManyOnOne { id: "b".into(), max: 3 };
        assert_eq!(error, Err(RecountError::Ballot { position: 2, error: refused }));
        assert_eq!(error.map_err(|e| e.to_string()), Err("ballot 2: more than 3 dots on option b (limit 3)".into()));
    }

    #[test]
    fn files_of_the_wrong_shape_are_refused() {
        let shaped = DOTS_FILE.replace(r#"{"a":3}"#, r#"["a"]"#);
        let error = recount(&shaped).map_err(|e| e.to_string());
        assert_eq!(error, Err("ballot 1: this is not a dots ballot".into()));
        for broken in [
            "{",
            r#"{"method":"dots"}"#,
            &DOTS_FILE.replace("dots\"", "votes\""),
            &DOTS_FILE.replace("paper", "papers"),
        ] {
            assert!(matches!(recount(broken), Err(RecountError::Parse(_))), "{broken}");
        }
        let twice = DOTS_FILE.replace(r#""id":"b""#, r#""id":"a""#);
        assert_eq!(recount(&twice), Err(RecountError::Options { id: "a".into() }));
        let paper = DOTS_FILE.replace(r#""paper":{"a":4}"#, r#""paper":{"z":4}"#);
        assert_eq!(recount(&paper), Err(RecountError::Paper { id: "z".into() }));
        let score = r#"{"method":"score","options":[{"id":"a","title":"A"}],"ballots":[],"paper":{"a":1}}"#;
        assert_eq!(recount(score), Err(RecountError::PaperMethod { method: Method::Score }));
        let settings = DOTS_FILE.replace(r#""per_option":3"#, r#""per_option":9"#);
        assert_eq!(recount(&settings), Err(RecountError::Settings(SettingsError::PerOption { min: 1, max: 5 })));
    }

    /// xorshift64*: enough randomness for test rounds, and no dependency.
    struct Prng(u64);

    impl Prng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            // The high bits of xorshift64* are its good ones.
            let bytes = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D).to_be_bytes();
            usize::from(u16::from_be_bytes([bytes[0], bytes[1]])) % n.max(1)
        }

        fn upto(&mut self, max: u8) -> u8 {
            u8::try_from(self.below(usize::from(max) + 1)).unwrap_or(0)
        }

        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }

        fn shuffle<T>(&mut self, items: &mut [T]) {
            for i in (1..items.len()).rev() {
                items.swap(i, self.below(i + 1));
            }
        }
    }

    struct TestRound {
        method: Method,
        settings: Settings,
        options: Vec<String>,
        ballots: Vec<Ballot>,
        paper: BTreeMap<String, u32>,
    }

    impl TestRound {
        fn tally(&self) -> Tally {
            tally(self.method, &self.settings, &self.options, &self.ballots, &self.paper)
        }
    }

    fn random_round(rng: &mut Prng, method: Method) -> TestRound {
        let mut options: Vec<String> = (0..=rng.below(6)).map(|i| format!("o{i}")).collect();
        // Shuffled so that the order inside a tier follows the round, not the ids.
        rng.shuffle(&mut options);
        let settings = match method {
            Method::Dots => {
                let dots = 1 + u32::from(rng.upto(9));
                dot_settings(dots, 1 + u32::from(rng.upto(u8::try_from(dots - 1).unwrap_or(0))))
            }
            Method::Approval if rng.chance(70) => {
                Settings { max: Some(1 + count(rng.below(options.len()))), ..Settings::default() }
            }
            _ => Settings::default(),
        };
        let ballots = (0..rng.below(31)).map(|_| random_ballot(rng, method, &settings, &options)).collect();
        let mut paper = BTreeMap::new();
        for id in options.iter().filter(|_| matches!(method, Method::Dots | Method::Approval)) {
            if rng.chance(50) {
                paper.insert(id.clone(), u32::from(rng.upto(10)));
            }
        }
        TestRound { method, settings, options, ballots, paper }
    }

    fn random_ballot(rng: &mut Prng, method: Method, settings: &Settings, options: &[String]) -> Ballot {
        let mut shuffled = options.to_vec();
        rng.shuffle(&mut shuffled);
        match method {
            Method::Dots => {
                let mut dots = BTreeMap::new();
                for _ in 0..rng.below(usize::try_from(settings.dots_per_participant()).unwrap_or(0) + 1) {
                    let n = dots.entry(options[rng.below(options.len())].clone()).or_insert(0);
                    // Some dots are dropped at the cap, which also leaves zero entries now and then.
                    if *n < settings.dots_per_option() && rng.chance(90) {
                        *n += 1;
                    }
                }
                Ballot::Dots(dots)
            }
            Method::Approval => {
                let limit = settings.max.map_or(options.len(), |max| usize::try_from(max).unwrap_or(0));
                shuffled.truncate(rng.below(limit.min(options.len()) + 1));
                Ballot::Approval(shuffled)
            }
            Method::Score => {
                let mut scores = BTreeMap::new();
                for id in options {
                    if rng.chance(60) {
                        scores.insert(id.clone(), rng.upto(SCORE_MAX));
                    }
                }
                Ballot::Score(scores)
            }
            Method::Ranking => {
                shuffled.truncate(rng.below(options.len() + 1));
                Ballot::Ranking(shuffled)
            }
        }
    }

    /// Options grouped ascending by `key`, each group in the round's order.
    fn naive_groups(options: &[String], key: &[usize]) -> Vec<Vec<String>> {
        let mut levels = key.to_vec();
        levels.sort_unstable();
        levels.dedup();
        let group =
            |level: usize| options.iter().zip(key).filter(|&(_, k)| *k == level).map(|(id, _)| id.clone()).collect();
        levels.into_iter().map(group).collect()
    }

    /// In a weak order an option's tier is fixed by how many options beat it.
    fn naive_tiers(options: &[String], beats: impl Fn(usize, usize) -> bool) -> Vec<Vec<String>> {
        let n = options.len();
        let beaten_by: Vec<usize> = (0..n).map(|i| (0..n).filter(|&j| beats(j, i)).count()).collect();
        naive_groups(options, &beaten_by)
    }

    fn naive_points(round: &TestRound) -> Tally {
        let points = |id: &String, ballot: &Ballot| match ballot {
            Ballot::Dots(dots) => dots.get(id).copied().unwrap_or(0),
            Ballot::Approval(ids) => u32::from(ids.contains(id)),
            _ => 0,
        };
        let online: Vec<u32> =
            round.options.iter().map(|id| round.ballots.iter().map(|b| points(id, b)).sum()).collect();
        let paper: Vec<u32> = round.options.iter().map(|id| round.paper.get(id).copied().unwrap_or(0)).collect();
        let totals: Vec<u32> = online.iter().zip(&paper).map(|(a, b)| a + b).collect();
        let as_map = |values: &[u32]| round.options.iter().cloned().zip(values.iter().copied()).collect();
        Tally {
            ranking: naive_tiers(&round.options, |a, b| totals[a] > totals[b]),
            ballots: count(round.ballots.len()),
            totals: Some(as_map(&totals)),
            online: Some(as_map(&online)),
            paper: Some(as_map(&paper)),
            ..Tally::default()
        }
    }

    fn keyed<T>(options: &[String], values: impl Iterator<Item = T>) -> BTreeMap<String, T> {
        options.iter().cloned().zip(values).collect()
    }

    fn naive_scores(round: &TestRound) -> Tally {
        let given = |id: &String| -> Vec<u8> {
            round
                .ballots
                .iter()
                .filter_map(|b| if let Ballot::Score(s) = b { s.get(id).copied() } else { None })
                .collect()
        };
        let given: Vec<Vec<u8>> = round.options.iter().map(given).collect();
        let mean = |scores: &Vec<u8>| {
            let sum: u32 = scores.iter().map(|&s| u32::from(s)).sum();
            (!scores.is_empty()).then(|| f64::from(sum) / f64::from(count(scores.len())))
        };
        let means: Vec<Option<f64>> = given.iter().map(mean).collect();
        let histogram = |scores: &Vec<u8>| {
            let mut row = [0; 6];
            (0..6).for_each(|k| row[k] = count(scores.iter().filter(|&&s| usize::from(s) == k).count()));
            row
        };
        Tally {
            ranking: naive_tiers(&round.options, |a, b| match (means[a], means[b]) {
                (Some(x), Some(y)) => x > y,
                (Some(_), None) => true,
                _ => false,
            }),
            ballots: count(round.ballots.len()),
            counts: Some(keyed(&round.options, given.iter().map(|s| count(s.len())))),
            distribution: Some(keyed(&round.options, given.iter().map(histogram))),
            means: Some(keyed(&round.options, means.iter().copied())),
            ..Tally::default()
        }
    }

    fn naive_pairwise(round: &TestRound) -> Vec<Vec<u32>> {
        let n = round.options.len();
        let mut pairwise = vec![vec![0; n]; n];
        for ballot in &round.ballots {
            let Ballot::Ranking(order) = ballot else { continue };
            for (a, row) in pairwise.iter_mut().enumerate() {
                for (b, cell) in row.iter_mut().enumerate().filter(|&(b, _)| b != a) {
                    let place = |i: usize| order.iter().position(|id| *id == round.options[i]);
                    if let Some(x) = place(a)
                        && place(b).is_none_or(|y| x < y)
                    {
                        *cell += 1;
                    }
                }
            }
        }
        pairwise
    }

    /// The strongest path from a to b is the highest threshold at which b is still reachable.
    fn naive_strongest(pairwise: &[Vec<u32>]) -> Vec<Vec<u32>> {
        let n = pairwise.len();
        let link = |a: usize, b: usize| if pairwise[a][b] > pairwise[b][a] { pairwise[a][b] } else { 0 };
        let reachable = |from: usize, to: usize, threshold: u32| {
            let (mut seen, mut stack) = (vec![false; n], vec![from]);
            while let Some(a) = stack.pop() {
                for (b, seen) in seen.iter_mut().enumerate() {
                    if link(a, b) >= threshold && !*seen {
                        *seen = true;
                        stack.push(b);
                    }
                }
            }
            seen[to]
        };
        let widest = |a: usize, b: usize| (1..=30).rev().find(|&w| a != b && reachable(a, b, w)).unwrap_or(0);
        (0..n).map(|a| (0..n).map(|b| widest(a, b)).collect()).collect()
    }

    fn check_ranking(round: &TestRound, t: &Tally) {
        let options: Vec<&str> = round.options.iter().map(String::as_str).collect();
        let pairwise = naive_pairwise(round);
        let paths = naive_strongest(&pairwise);
        assert_eq!(t.pairwise, Some(square(&options, |a, b| pairwise[a][b])));
        assert_eq!(t.strongest, Some(square(&options, |a, b| paths[a][b])));
        let n = options.len();
        let beats = |a: usize, b: usize| paths[a][b] > paths[b][a];
        let tier = |i: usize| t.ranking.iter().position(|tier| tier.contains(&round.options[i]));
        for (a, b) in (0..n).flat_map(|a| (0..n).map(move |b| (a, b))).filter(|&(a, b)| a != b) {
            assert!(!beats(a, b) || tier(a) < tier(b), "{a} beats {b} but is not above it");
            assert!(tier(a) != tier(b) || !beats(a, b) && !beats(b, a), "{a} and {b} tie though one wins");
        }
        let losses: Vec<usize> = (0..n).map(|a| n - (0..n).filter(|&b| beats(a, b)).count()).collect();
        assert_eq!(t.ranking, naive_groups(&round.options, &losses));
    }

    fn ballot_file(round: &TestRound) -> String {
        let options = round.options.iter().map(|id| OptionRef { id: id.clone(), title: id.to_uppercase() }).collect();
        let ballots = round.ballots.iter().map(Ballot::to_json).collect();
        let file =
            BallotFile { method: round.method, settings: round.settings, options, ballots, paper: round.paper.clone() };
        serde_json::to_string(&file).unwrap_or_default()
    }

    const METHODS: [Method; 4] = [Method::Dots, Method::Approval, Method::Score, Method::Ranking];

    #[test]
    fn random_rounds_match_a_naive_recount() {
        let mut rng = Prng(0x9E37_79B9_7F4A_7C15);
        for method in METHODS {
            for _ in 0..200 {
                let round = random_round(&mut rng, method);
                for ballot in &round.ballots {
                    assert_eq!(validate(method, &round.settings, &round.options, ballot), Ok(()), "{ballot:?}");
                }
                let t = round.tally();
                match method {
                    Method::Dots | Method::Approval => assert_eq!(t, naive_points(&round)),
                    Method::Score => assert_eq!(t, naive_scores(&round)),
                    Method::Ranking => check_ranking(&round, &t),
                }
                assert_eq!(recount(&ballot_file(&round)), Ok(t));
            }
        }
    }

    #[test]
    fn shuffling_the_ballots_never_changes_the_tally() {
        let mut rng = Prng(42);
        for method in METHODS {
            for _ in 0..200 {
                let mut round = random_round(&mut rng, method);
                let before = round.tally();
                rng.shuffle(&mut round.ballots);
                assert_eq!(round.tally(), before);
            }
        }
    }
}
