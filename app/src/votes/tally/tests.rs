//! Tests of the counting: every method, the published Schulze example, recounts, and random
//! rounds against a naive recount written independently.

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
    assert_eq!(Settings::for_method(Method::Dots, Some(0), None, None), Err(SettingsError::Dots { min: 1, max: 100 }));
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
    let distribution = [("a", [0, 0, 0, 0, 1, 1]), ("b", [0, 0, 1, 0, 1, 0]), ("c", [1, 0, 0, 0, 0, 0]), ("d", [0; 6])];
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
        assert_eq!(Ballot::from_json(Method::Score, &json), Err(BallotError::ScoreRange { id: "a".into(), max: 5 }));
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
    let d = [[0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24], [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]];
    let p = [[0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24], [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]];
    assert_eq!(t.pairwise, Some(square(&options, |a, b| d[a][b])));
    assert_eq!(t.strongest, Some(square(&options, |a, b| p[a][b])));
}

#[test]
fn a_partial_ranking_puts_ranked_above_unranked_and_unranked_tie() {
    let options = ids(&["a", "b", "c", "d"]);
    let t =
        tally(Method::Ranking, &Settings::default(), &options, &[Ballot::Ranking(ids(&["c", "b"]))], &BTreeMap::new());
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
    let row = |a: usize| (0..options.len()).filter(|&b| b != a).map(|b| (options[b].to_owned(), value(a, b))).collect();
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
    for broken in
        ["{", r#"{"method":"dots"}"#, &DOTS_FILE.replace("dots\"", "votes\""), &DOTS_FILE.replace("paper", "papers")]
    {
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
    let online: Vec<u32> = round.options.iter().map(|id| round.ballots.iter().map(|b| points(id, b)).sum()).collect();
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
        round.ballots.iter().filter_map(|b| if let Ballot::Score(s) = b { s.get(id).copied() } else { None }).collect()
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
