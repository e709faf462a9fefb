//! Views of a round shared by the participant's page, the moderator's page and the projector:
//! the result as a bar chart (server-rendered SVG, every number also as text in a table), the
//! pairwise matrix of a ranked round, turnout and the timer.

use leptos::prelude::*;

use super::{
    tally::{Method, Tally},
    types::{FrozenResult, RoundView, VoteOption, method_label, places},
};
use crate::i18n::{I18n, use_i18n};

/// "37 von 52 haben abgestimmt".
#[must_use]
pub fn turnout_text(i18n: I18n, cast: u64, eligible: u64) -> String {
    i18n.ta("vote-turnout", &[("cast", cast.to_string()), ("eligible", eligible.to_string())])
}

/// The rules of the round in one sentence ("5 Punkte, höchstens 3 auf einer Option").
#[must_use]
pub fn rules_text(i18n: I18n, round: &RoundView) -> String {
    let s = &round.settings;
    match round.method {
        Method::Dots => i18n.ta(
            "vote-rules-dots",
            &[("dots", s.dots.unwrap_or(5).to_string()), ("per", s.per_option.unwrap_or(3).to_string())],
        ),
        Method::Approval => match s.max {
            Some(max) => i18n.ta("vote-rules-approval-max", &[("max", max.to_string())]),
            None => i18n.t("vote-rules-approval"),
        },
        Method::Score => i18n.t("vote-rules-score"),
        Method::Ranking => i18n.t("vote-rules-ranking"),
    }
}

/// Minutes and seconds, `4:05`.
#[must_use]
pub fn clock(secs: i64) -> String {
    let secs = secs.max(0);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// One line of the result: the option, its place and the figures shown for it.
struct Row {
    option: VoteOption,
    place: usize,
    tied: bool,
    /// The bar's length, 0..=1.
    share: f64,
    figure: String,
    detail: String,
}

fn decimal(i18n: I18n, value: f64) -> String {
    let text = format!("{value:.2}");
    if i18n.lang.code() == "de" { text.replace('.', ",") } else { text }
}

fn rows(i18n: I18n, result: &FrozenResult) -> Vec<Row> {
    let tally = &result.tally;
    let place = places(tally);
    let tied = |id: &str| tally.ranking.iter().any(|tier| tier.len() > 1 && tier.iter().any(|t| t == id));
    let value = |id: &str| -> f64 {
        match result.method {
            Method::Dots | Method::Approval => {
                tally.totals.as_ref().and_then(|t| t.get(id)).map_or(0.0, |n| f64::from(*n))
            }
            Method::Score => tally.means.as_ref().and_then(|m| m.get(id).copied().flatten()).unwrap_or(0.0),
            Method::Ranking => {
                let wins = tally.ranking.iter().rev().position(|tier| tier.iter().any(|t| t == id)).unwrap_or(0);
                wins as f64
            }
        }
    };
    let top = result.options.iter().map(|o| value(&o.id)).fold(0.0_f64, f64::max);
    let mut out: Vec<Row> = result
        .options
        .iter()
        .map(|o| {
            let v = value(&o.id);
            let (figure, detail) = figures(i18n, result, &o.id, v);
            Row {
                option: o.clone(),
                place: place.get(&o.id).copied().unwrap_or(0),
                tied: tied(&o.id),
                share: if top > 0.0 { v / top } else { 0.0 },
                figure,
                detail,
            }
        })
        .collect();
    out.sort_by_key(|r| r.place);
    out
}

fn figures(i18n: I18n, result: &FrozenResult, id: &str, value: f64) -> (String, String) {
    let tally: &Tally = &result.tally;
    let get =
        |m: &Option<std::collections::BTreeMap<String, u32>>| m.as_ref().and_then(|m| m.get(id)).copied().unwrap_or(0);
    match result.method {
        Method::Dots | Method::Approval => {
            let key = if result.method == Method::Dots { "vote-figure-dots" } else { "vote-figure-approvals" };
            let figure = i18n.ta(key, &[("count", get(&tally.totals).to_string())]);
            let paper = get(&tally.paper);
            let detail = if paper > 0 {
                i18n.ta(
                    "vote-figure-paper",
                    &[("online", get(&tally.online).to_string()), ("paper", paper.to_string())],
                )
            } else {
                String::new()
            };
            (figure, detail)
        }
        Method::Score => {
            let count = get(&tally.counts);
            let figure = if count == 0 { i18n.t("vote-figure-unscored") } else { decimal(i18n, value) };
            let spread = tally.distribution.as_ref().and_then(|d| d.get(id)).map(|d| {
                d.iter().enumerate().map(|(score, n)| format!("{score}: {n}")).collect::<Vec<_>>().join(" · ")
            });
            (
                figure,
                i18n.ta("vote-figure-scores", &[("count", count.to_string()), ("spread", spread.unwrap_or_default())]),
            )
        }
        Method::Ranking => (String::new(), String::new()),
    }
}

/// The result of a round: a bar chart with the same numbers as a table beside it; ties are
/// named as ties; paper counts are marked; for a ranked round the pairwise matrix follows.
#[component]
pub fn ResultView(result: FrozenResult, #[prop(optional)] projector: bool) -> impl IntoView {
    let i18n = use_i18n();
    let rows = rows(i18n, &result);
    let (bar_h, gap, width) = (34.0, 10.0, 640.0);
    let height = rows.len() as f64 * (bar_h + gap);
    let chart_id = format!("chart-{}", result.closed_at.timestamp_millis());
    let table_id = format!("{chart_id}-table");
    let paper_used = result.tally.paper.as_ref().is_some_and(|p| p.values().any(|n| *n > 0));
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as f64 * (bar_h + gap);
            let w = (r.share * (width - 8.0)).max(2.0);
            view! {
                <g>
                    <rect x="0" y=format!("{y:.0}") width=format!("{w:.1}") height=format!("{bar_h:.0}") rx="4" class="bar" />
                    <text x="8" y=format!("{:.0}", y + bar_h * 0.68) class="bar-label">{format!("{}. {}", r.place, short(&r.option.title))}</text>
                </g>
            }
        })
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|r| {
            let place = if r.tied {
                i18n.ta("vote-place-tied", &[("place", r.place.to_string())])
            } else {
                r.place.to_string()
            };
            view! {
                <tr data-test="result-row">
                    <td>{place}</td>
                    <th scope="row" lang="de">{r.option.title.clone()}</th>
                    <td data-test="result-figure">{r.figure.clone()}</td>
                    <td>{r.detail.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let pairwise = (result.method == Method::Ranking).then(|| view! { <Pairwise result=result.clone() /> });
    let summary = i18n.ta(
        "vote-result-summary",
        &[
            ("method", i18n.t(method_label(result.method))),
            ("ballots", result.tally.ballots.to_string()),
            ("eligible", result.eligible.to_string()),
        ],
    );
    view! {
        <figure class="result" class:result-projector=projector data-test="result">
            <figcaption>{summary}{result.provisional.then(|| view! { " " <strong>{i18n.t("vote-provisional")}</strong> })}</figcaption>
            <svg id=chart_id class="chart" role="img" aria-labelledby=format!("{table_id}-caption")
                viewBox=format!("0 0 {width:.0} {height:.0}") preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
                {bars}
            </svg>
            <table id=table_id class="result-table">
                <caption id=format!("{table_id}-caption")>{i18n.t("vote-result-table")}</caption>
                <thead><tr><th scope="col">{i18n.t("vote-place")}</th><th scope="col">{i18n.t("vote-option")}</th>
                    <th scope="col">{i18n.t("vote-figure")}</th><th scope="col">{i18n.t("vote-figure-detail")}</th></tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
            {paper_used.then(|| view! { <p class="hint">{i18n.t("vote-paper-note")}</p> })}
            {pairwise}
        </figure>
    }
}

fn short(title: &str) -> String {
    let mut s: String = title.chars().take(48).collect();
    if title.chars().count() > 48 {
        s.push('…');
    }
    s
}

/// The pairwise matrix of a ranked round: how many ballots put the row's option above the
/// column's.
#[component]
fn Pairwise(result: FrozenResult) -> impl IntoView {
    let i18n = use_i18n();
    let Some(matrix) = result.tally.pairwise.clone() else { return ().into_any() };
    let options = result.options.clone();
    let heads = options
        .iter()
        .enumerate()
        .map(|(i, o)| view! { <th scope="col" title=o.title.clone()>{(i + 1).to_string()}</th> })
        .collect_view();
    let body = options
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let cells = options
                .iter()
                .map(|b| {
                    if a.id == b.id {
                        return view! { <td class="diag">"–"</td> }.into_any();
                    }
                    let ab = matrix.get(&a.id).and_then(|r| r.get(&b.id)).copied().unwrap_or(0);
                    let ba = matrix.get(&b.id).and_then(|r| r.get(&a.id)).copied().unwrap_or(0);
                    let wins = ab > ba;
                    view! { <td class:wins=wins data-test="pair">{ab.to_string()}</td> }.into_any()
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("{}. {}", i + 1, a.title)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="pairwise" data-test="pairwise">
            <caption>{i18n.t("vote-pairwise")}</caption>
            <thead><tr><td></td>{heads}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}
