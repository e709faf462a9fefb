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
mod tests;
