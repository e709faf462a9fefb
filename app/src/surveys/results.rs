//! Results: per question the counts behind its chart (choices, Likert distribution with mean and
//! median, 0–10 distribution, number histogram, dates by month, free texts, mean places of a
//! ranking), the comparison of two waves, and the short evaluation figures of a measure.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    answers::Answer,
    types::{Definition, Kind, MeasureRef, OTHER_ID, Question, SurveyId},
};
use crate::workshops::types::OrgType;

/// Free texts shown on the results page (the CSV has all).
pub const TEXTS_SHOWN: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleRow {
    pub label: String,
    /// Count per step, first step first.
    pub counts: Vec<u64>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankRow {
    pub label: String,
    pub mean_place: Option<f64>,
    /// How often it was put first.
    pub first: u64,
}

/// The figures of one question, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Figures {
    /// Single and multiple choice (multiple: shares add up to more than 100 %).
    Choices {
        bars: Vec<Bar>,
        other_texts: Vec<String>,
    },
    Likert {
        scale: Vec<String>,
        rows: Vec<ScaleRow>,
    },
    /// Rating 0–10: eleven counts.
    Rating {
        counts: Vec<u64>,
        stats: Option<Stats>,
        labels: Vec<String>,
    },
    Numbers {
        bins: Vec<Bin>,
        stats: Option<Stats>,
        unit: String,
    },
    /// Dates by month (`2027-03` → count).
    Dates {
        months: Vec<Bar>,
    },
    Texts {
        texts: Vec<String>,
        more: u64,
    },
    Ranking {
        rows: Vec<RankRow>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    pub text: String,
    pub kind: Kind,
    pub section: String,
    /// Responses that answered it.
    pub answered: u64,
    pub figures: Figures,
}

/// The results page of a survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub survey: SurveyId,
    pub title: String,
    pub process_name: String,
    /// Sent responses counted (after the filter).
    pub responses: u64,
    /// Started and not sent (after the filter).
    pub partial: u64,
    pub org_type: Option<OrgType>,
    pub measure: Option<MeasureRef>,
    pub measures: Vec<MeasureRef>,
    pub ask_organisation: bool,
    pub questions: Vec<QuestionResult>,
    /// Other waves of the series, to compare with: (id, title).
    pub waves: Vec<(SurveyId, String)>,
    pub public: bool,
}

fn stats(mut values: Vec<f64>) -> Option<Stats> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    #[allow(clippy::cast_precision_loss)]
    let mean = values.iter().sum::<f64>() / n as f64;
    let median = if n % 2 == 1 { values[n / 2] } else { f64::midpoint(values[n / 2 - 1], values[n / 2]) };
    Some(Stats { mean, median, min: values[0], max: values[n - 1] })
}

/// The median of counts per step (steps numbered from `first`).
fn median_of_counts(counts: &[u64], first: f64) -> Option<f64> {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let at = |k: u64| {
        let mut seen = 0;
        for (i, c) in counts.iter().enumerate() {
            seen += c;
            if seen > k {
                #[allow(clippy::cast_precision_loss)]
                return first + i as f64;
            }
        }
        first
    };
    Some(if n % 2 == 1 { at(n / 2) } else { f64::midpoint(at(n / 2 - 1), at(n / 2)) })
}

fn mean_of_counts(counts: &[u64], first: f64) -> Option<f64> {
    let n: u64 = counts.iter().sum();
    #[allow(clippy::cast_precision_loss)]
    (n > 0).then(|| counts.iter().enumerate().map(|(i, c)| (first + i as f64) * *c as f64).sum::<f64>() / n as f64)
}

/// Equal bins over the range (one per value for few whole numbers).
fn bins(values: &[f64]) -> Vec<Bin> {
    let Some(s) = stats(values.to_vec()) else { return Vec::new() };
    let whole = values.iter().all(|v| v.fract() == 0.0);
    if whole && s.max - s.min <= 15.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let width = (s.max - s.min) as usize + 1;
        let mut counts = vec![0u64; width];
        for v in values {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = (v - s.min) as usize;
            if let Some(c) = counts.get_mut(i) {
                *c += 1;
            }
        }
        #[allow(clippy::cast_precision_loss)]
        return counts
            .into_iter()
            .enumerate()
            .map(|(i, count)| Bin { from: s.min + i as f64, to: s.min + i as f64, count })
            .collect();
    }
    let n = 10usize;
    #[allow(clippy::cast_precision_loss)]
    let width = ((s.max - s.min) / n as f64).max(f64::MIN_POSITIVE);
    let mut counts = vec![0u64; n];
    for v in values {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let i = (((v - s.min) / width) as usize).min(n - 1);
        counts[i] += 1;
    }
    #[allow(clippy::cast_precision_loss)]
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| Bin { from: s.min + width * i as f64, to: s.min + width * (i + 1) as f64, count })
        .collect()
}

/// One accumulator per question, filled response by response.
enum Acc {
    Choices(Vec<u64>, u64, Vec<String>),
    Likert(Vec<Vec<u64>>),
    Rating(Vec<u64>, Vec<f64>),
    Numbers(Vec<f64>),
    Dates(BTreeMap<String, u64>),
    Texts(Vec<String>, u64),
    Ranking(Vec<(f64, u64, u64)>),
}

impl Acc {
    fn new(q: &Question) -> Self {
        match q.kind {
            Kind::Single | Kind::Multiple => Self::Choices(vec![0; q.options.len()], 0, Vec::new()),
            Kind::Likert => Self::Likert(vec![vec![0; usize::from(q.steps())]; q.options.len()]),
            Kind::Rating => Self::Rating(vec![0; 11], Vec::new()),
            Kind::Number => Self::Numbers(Vec::new()),
            Kind::Date => Self::Dates(BTreeMap::new()),
            Kind::Text | Kind::LongText => Self::Texts(Vec::new(), 0),
            Kind::Ranking => Self::Ranking(vec![(0.0, 0, 0); q.options.len()]),
        }
    }

    fn add(&mut self, q: &Question, answer: &Answer) {
        match (self, answer) {
            (Self::Choices(counts, other, texts), Answer::Choices { ids, other: text }) => {
                for id in ids {
                    if id == OTHER_ID {
                        *other += 1;
                        if let Some(t) = text
                            && texts.len() < TEXTS_SHOWN
                        {
                            texts.push(t.clone());
                        }
                    } else if let Some(i) = q.options.iter().position(|o| o.id == *id) {
                        counts[i] += 1;
                    }
                }
            }
            (Self::Likert(rows), Answer::Steps(steps)) => {
                for (i, s) in q.options.iter().enumerate() {
                    if let Some(c) = steps.get(&s.id).and_then(|n| rows[i].get_mut(usize::from(*n).saturating_sub(1))) {
                        *c += 1;
                    }
                }
            }
            (Self::Rating(counts, values), Answer::Number(n)) =>
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                if let Some(c) = counts.get_mut(*n as usize) {
                    *c += 1;
                    values.push(*n);
                }
            }
            (Self::Numbers(values), Answer::Number(n)) => values.push(*n),
            (Self::Dates(months), Answer::Date(d)) => *months.entry(d.format("%Y-%m").to_string()).or_default() += 1,
            (Self::Texts(texts, more), Answer::Text(t)) => {
                if texts.len() < TEXTS_SHOWN {
                    texts.push(t.clone());
                } else {
                    *more += 1;
                }
            }
            (Self::Ranking(rows), Answer::Ranking(ids)) => {
                for (place, id) in ids.iter().enumerate() {
                    if let Some(i) = q.options.iter().position(|o| o.id == *id) {
                        #[allow(clippy::cast_precision_loss)]
                        let p = (place + 1) as f64;
                        rows[i].0 += p;
                        rows[i].1 += 1;
                        if place == 0 {
                            rows[i].2 += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(self, q: &Question, other_label: &str) -> Figures {
        match self {
            Self::Choices(counts, other, other_texts) => {
                let mut bars: Vec<Bar> =
                    q.options.iter().zip(counts).map(|(o, count)| Bar { label: o.label.clone(), count }).collect();
                if q.other {
                    bars.push(Bar { label: other_label.to_owned(), count: other });
                }
                Figures::Choices { bars, other_texts }
            }
            Self::Likert(rows) => Figures::Likert {
                scale: q.scale.clone(),
                rows: q
                    .options
                    .iter()
                    .zip(rows)
                    .map(|(s, counts)| ScaleRow {
                        label: s.label.clone(),
                        mean: mean_of_counts(&counts, 1.0),
                        median: median_of_counts(&counts, 1.0),
                        counts,
                    })
                    .collect(),
            },
            Self::Rating(counts, values) => Figures::Rating { counts, stats: stats(values), labels: q.scale.clone() },
            Self::Numbers(values) => {
                Figures::Numbers { bins: bins(&values), stats: stats(values), unit: q.unit.clone() }
            }
            Self::Dates(months) => {
                Figures::Dates { months: months.into_iter().map(|(label, count)| Bar { label, count }).collect() }
            }
            Self::Texts(texts, more) => Figures::Texts { texts, more },
            Self::Ranking(rows) => Figures::Ranking {
                rows: q
                    .options
                    .iter()
                    .zip(rows)
                    .map(|(o, (sum, n, first))| RankRow {
                        label: o.label.clone(),
                        #[allow(clippy::cast_precision_loss)]
                        mean_place: (n > 0).then(|| sum / n as f64),
                        first,
                    })
                    .collect(),
            },
        }
    }
}

/// The figures of every question over these responses' answers.
#[must_use]
pub fn compute<'a>(
    def: &Definition,
    responses: impl IntoIterator<Item = &'a BTreeMap<String, Answer>>,
    other_label: &str,
) -> Vec<QuestionResult> {
    let questions: Vec<(&str, &Question)> =
        def.sections.iter().flat_map(|s| s.questions.iter().map(move |q| (s.title.as_str(), q))).collect();
    let mut accs: Vec<(Acc, u64)> = questions.iter().map(|(_, q)| (Acc::new(q), 0)).collect();
    for answers in responses {
        for ((_, q), (acc, answered)) in questions.iter().zip(accs.iter_mut()) {
            if let Some(a) = answers.get(&q.id) {
                acc.add(q, a);
                *answered += 1;
            }
        }
    }
    questions
        .into_iter()
        .zip(accs)
        .map(|((section, q), (acc, answered))| QuestionResult {
            id: q.id.clone(),
            text: q.text.clone(),
            kind: q.kind,
            section: section.to_owned(),
            answered,
            figures: acc.finish(q, other_label),
        })
        .collect()
}

/// Figures of one question in two waves, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareLine {
    pub label: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompareUnit {
    /// Share of those who answered, in percent (change in percentage points).
    Percent,
    /// Mean value (change in points of the scale).
    Mean,
    /// Mean place of a ranking (lower is better).
    Place,
    /// How many answered.
    Count,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareQuestion {
    pub text: String,
    pub unit: CompareUnit,
    pub answered: (u64, u64),
    pub lines: Vec<CompareLine>,
    /// Only in one of the two waves.
    pub only_in: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub a: (SurveyId, String, u64),
    pub b: (SurveyId, String, u64),
    pub questions: Vec<CompareQuestion>,
}

fn lines_of(r: &QuestionResult) -> (CompareUnit, Vec<CompareLine>) {
    #[allow(clippy::cast_precision_loss)]
    let share = |count: u64| (r.answered > 0).then(|| count as f64 * 100.0 / r.answered as f64);
    let line = |label: &str, a: Option<f64>| CompareLine { label: label.to_owned(), a, b: None };
    match &r.figures {
        Figures::Choices { bars, .. } => {
            (CompareUnit::Percent, bars.iter().map(|b| line(&b.label, share(b.count))).collect())
        }
        Figures::Likert { rows, .. } => {
            (CompareUnit::Mean, rows.iter().map(|row| line(&row.label, row.mean)).collect())
        }
        Figures::Rating { stats, .. } | Figures::Numbers { stats, .. } => {
            (CompareUnit::Mean, vec![line("", stats.as_ref().map(|s| s.mean))])
        }
        Figures::Ranking { rows } => {
            (CompareUnit::Place, rows.iter().map(|row| line(&row.label, row.mean_place)).collect())
        }
        Figures::Dates { .. } | Figures::Texts { .. } =>
        {
            #[allow(clippy::cast_precision_loss)]
            (CompareUnit::Count, vec![line("", Some(r.answered as f64))])
        }
    }
}

/// Two waves side by side, question by question (matched by id, else by wording).
#[must_use]
pub fn compare(a: &Results, b: &Results) -> Comparison {
    let mut questions = Vec::new();
    let mut used_b = vec![false; b.questions.len()];
    for qa in &a.questions {
        let found = b
            .questions
            .iter()
            .enumerate()
            .find(|(i, qb)| !used_b[*i] && qb.id == qa.id && qb.kind == qa.kind)
            .or_else(|| {
                b.questions.iter().enumerate().find(|(i, qb)| !used_b[*i] && qb.text == qa.text && qb.kind == qa.kind)
            });
        let (unit, mut lines) = lines_of(qa);
        let (answered_b, only_in) = match found {
            Some((i, qb)) => {
                used_b[i] = true;
                let (_, lines_b) = lines_of(qb);
                for lb in lines_b {
                    match lines.iter_mut().find(|l| l.label == lb.label) {
                        Some(l) => l.b = lb.a,
                        None => lines.push(CompareLine { label: lb.label, a: None, b: lb.a }),
                    }
                }
                (qb.answered, None)
            }
            None => (0, Some(1)),
        };
        questions.push(CompareQuestion {
            text: qa.text.clone(),
            unit,
            answered: (qa.answered, answered_b),
            lines,
            only_in,
        });
    }
    for (i, qb) in b.questions.iter().enumerate() {
        if !used_b[i] {
            let (unit, lines) = lines_of(qb);
            let lines = lines.into_iter().map(|l| CompareLine { label: l.label, a: None, b: l.a }).collect();
            questions.push(CompareQuestion {
                text: qb.text.clone(),
                unit,
                answered: (0, qb.answered),
                lines,
                only_in: Some(2),
            });
        }
    }
    Comparison { a: (a.survey, a.title.clone(), a.responses), b: (b.survey, b.title.clone(), b.responses), questions }
}

/// The evaluation figures of one measure: responses and the mean satisfaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EvaluationFigures {
    pub survey: Option<SurveyId>,
    pub responses: u64,
    /// Mean of the question `satisfaction` and the top of its scale.
    pub satisfaction: Option<(f64, u8)>,
}

/// The evaluation on a measure's page: where to give feedback and, where readable, the results
/// of its responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureEvaluation {
    pub survey: SurveyId,
    pub measure: uuid::Uuid,
    pub answerable: bool,
    pub results: Option<Results>,
}

/// The id of the template's satisfaction question.
pub const SATISFACTION: &str = "satisfaction";

/// The satisfaction figures of a set of answers.
#[must_use]
pub fn satisfaction<'a>(
    def: &Definition,
    responses: impl IntoIterator<Item = &'a BTreeMap<String, Answer>>,
) -> Option<(f64, u8)> {
    let q = def.question(SATISFACTION)?;
    let top = match q.kind {
        Kind::Likert => q.steps(),
        Kind::Rating => 10,
        _ => return None,
    };
    let values: Vec<f64> = responses
        .into_iter()
        .filter_map(|a| match a.get(SATISFACTION)? {
            Answer::Steps(steps) => {
                let n = steps.len();
                #[allow(clippy::cast_precision_loss)]
                (n > 0).then(|| steps.values().map(|v| f64::from(*v)).sum::<f64>() / n as f64)
            }
            Answer::Number(v) => Some(*v),
            _ => None,
        })
        .collect();
    stats(values).map(|s| (s.mean, top))
}

#[cfg(test)]
mod tests;
