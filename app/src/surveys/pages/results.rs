//! Results: per question a server-rendered SVG chart with its numbers as text and a table
//! (bars for choices, the distribution of each Likert statement and of 0–10 with mean and median,
//! a histogram for numbers, months for dates, a list of free texts, mean places of a ranking);
//! the staff page with its filters, CSV and print links, the public page, the print view and the
//! comparison of two waves.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    i18n::{I18n, use_i18n},
    surveys::{
        api::{get_measure_evaluation, get_survey_comparison, get_survey_results},
        results::{Bar, CompareUnit, Comparison, Figures, QuestionResult, Results, Stats},
        types::{Kind, SurveyId},
    },
    ui::{Empty, ErrorPage, Loading},
    workshops::types::OrgType,
};

/// A number in the reader's way of writing (one decimal at most).
#[must_use]
pub fn num(i18n: I18n, n: f64) -> String {
    i18n.num(n)
}

#[allow(clippy::cast_precision_loss)]
fn percent(i18n: I18n, count: u64, of: u64) -> String {
    if of == 0 { "–".to_owned() } else { i18n.percent(count as f64 * 100.0 / of as f64) }
}

/// Horizontal bars: a label above each bar, the count and share beside it, all as SVG text.
#[component]
fn BarChart(id: String, caption: String, bars: Vec<Bar>, of: u64) -> impl IntoView {
    let i18n = use_i18n();
    let (row_h, width) = (46.0, 640.0);
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    #[allow(clippy::cast_precision_loss)]
    let height = bars.len() as f64 * row_h + 4.0;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            #[allow(clippy::cast_precision_loss)]
            let (y, w) = (i as f64 * row_h, (b.count as f64 / max as f64) * (width - 170.0));
            let value = format!("{} ({})", b.count, percent(i18n, b.count, of));
            view! {
                <g>
                    <text x="0" y=format!("{:.0}", y + 15.0) class="bar-label">{short(&b.label)}</text>
                    <rect x="0" y=format!("{:.0}", y + 21.0) width=format!("{:.1}", w.max(2.0)) height="18" rx="3" class="bar" />
                    <text x=format!("{:.1}", w.max(2.0) + 8.0) y=format!("{:.0}", y + 35.0) class="bar-value">{value}</text>
                </g>
            }
        })
        .collect_view();
    let table_rows = bars
        .iter()
        .map(|b| {
            view! { <tr><th scope="row" dir="auto">{b.label.clone()}</th><td>{b.count}</td><td>{percent(i18n, b.count, of)}</td></tr> }
        })
        .collect_view();
    let caption_id = format!("{id}-caption");
    view! {
        <svg class="chart" role="img" aria-labelledby=caption_id.clone() viewBox=format!("0 0 {width:.0} {height:.0}")
            preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
            {rows}
        </svg>
        <table class="result-table" data-test="result-table">
            <caption id=caption_id>{caption}</caption>
            <thead><tr><th scope="col">{i18n.t("survey-col-answer")}</th><th scope="col">{i18n.t("survey-col-count")}</th>
                <th scope="col">{i18n.t("survey-col-share")}</th></tr></thead>
            <tbody>{table_rows}</tbody>
        </table>
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 70 {
        format!("{}…", text.chars().take(69).collect::<String>())
    } else {
        text.to_owned()
    }
}

fn stats_text(i18n: I18n, s: Option<&Stats>, unit: &str) -> Option<String> {
    s.map(|s| {
        let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
        i18n.ta(
            "survey-stats",
            &[
                ("mean", format!("{}{unit}", num(i18n, s.mean))),
                ("median", format!("{}{unit}", num(i18n, s.median))),
                ("min", num(i18n, s.min)),
                ("max", num(i18n, s.max)),
            ],
        )
    })
}

/// One question's result.
#[component]
pub fn QuestionResultView(r: QuestionResult, n: usize, responses: u64) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("result-{}", r.id);
    let answered = i18n.ta("survey-answered", &[("count", r.answered.to_string()), ("of", responses.to_string())]);
    let figures = match r.figures.clone() {
        Figures::Choices { bars, other_texts } => {
            let others = (!other_texts.is_empty()).then(|| {
                view! {
                    <details><summary>{i18n.t("survey-other-texts")}</summary>
                    <ul class="texts">{other_texts.into_iter().map(|t| view! { <li dir="auto">{t}</li> }).collect_view()}</ul></details>
                }
            });
            let note = (r.kind == Kind::Multiple).then(|| view! { <p class="hint">{i18n.t("survey-multiple-note")}</p> });
            view! { <BarChart id=id.clone() caption=r.text.clone() bars=bars of=r.answered />{note}{others} }.into_any()
        }
        Figures::Likert { scale, rows } => rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let bars: Vec<Bar> = scale
                    .iter()
                    .zip(row.counts.iter())
                    .enumerate()
                    .map(|(k, (label, count))| Bar { label: format!("{} {label}", k + 1), count: *count })
                    .collect();
                let of = row.counts.iter().sum();
                let summary = match (row.mean, row.median) {
                    (Some(m), Some(md)) => i18n.ta(
                        "survey-likert-stats",
                        &[("mean", num(i18n, m)), ("median", num(i18n, md)), ("steps", scale.len().to_string())],
                    ),
                    _ => i18n.t("survey-no-answers"),
                };
                let caption = if row.label.is_empty() { r.text.clone() } else { format!("{} – {}", r.text, row.label) };
                view! {
                    <div class="likert-result">
                        <h4 dir="auto">{row.label.clone()}</h4>
                        <p class="result-stats" data-test="result-stats">{summary}</p>
                        <BarChart id=format!("{id}-{i}") caption=caption bars=bars of=of />
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        Figures::Rating { counts, stats, labels } => {
            let bars: Vec<Bar> = counts.iter().enumerate().map(|(n, c)| Bar { label: n.to_string(), count: *c }).collect();
            let ends = (labels.len() == 2).then(|| view! { <p class="hint">{format!("0 = {} · 10 = {}", labels[0], labels[1])}</p> });
            view! {
                <p class="result-stats" data-test="result-stats">{stats_text(i18n, stats.as_ref(), "")}</p>
                {ends}
                <BarChart id=id.clone() caption=r.text.clone() bars=bars of=r.answered />
            }
            .into_any()
        }
        Figures::Numbers { bins, stats, unit } => {
            let bars: Vec<Bar> = bins
                .iter()
                .map(|b| Bar {
                    label: if (b.from - b.to).abs() < f64::EPSILON {
                        num(i18n, b.from)
                    } else {
                        format!("{} – {}", num(i18n, b.from), num(i18n, b.to))
                    },
                    count: b.count,
                })
                .collect();
            view! {
                <p class="result-stats" data-test="result-stats">{stats_text(i18n, stats.as_ref(), &unit)}</p>
                <BarChart id=id.clone() caption=r.text.clone() bars=bars of=r.answered />
            }
            .into_any()
        }
        Figures::Dates { months } => {
            let bars: Vec<Bar> = months
                .into_iter()
                .map(|b| {
                    let label = b
                        .label
                        .split_once('-')
                        .and_then(|(y, m)| m.parse::<u32>().ok().map(|m| format!("{} {y}", i18n.t(&format!("month-{m}")))))
                        .unwrap_or(b.label);
                    Bar { label, count: b.count }
                })
                .collect();
            view! { <BarChart id=id.clone() caption=r.text.clone() bars=bars of=r.answered /> }.into_any()
        }
        Figures::Texts { texts, more } => view! {
            <ul class="texts" data-test="result-texts">{texts.into_iter().map(|t| view! { <li dir="auto">{t}</li> }).collect_view()}</ul>
            {(more > 0).then(|| view! { <p class="hint">{i18n.ta("survey-texts-more", &[("count", more.to_string())])}</p> })}
        }
        .into_any(),
        Figures::Ranking { rows } => {
            let table = rows
                .iter()
                .map(|row| {
                    view! {
                        <tr>
                            <th scope="row" dir="auto">{row.label.clone()}</th>
                            <td>{row.mean_place.map_or_else(|| "–".to_owned(), |m| num(i18n, m))}</td>
                            <td>{row.first}</td>
                        </tr>
                    }
                })
                .collect_view();
            let bars: Vec<Bar> = rows.iter().map(|row| Bar { label: row.label.clone(), count: row.first }).collect();
            view! {
                <table class="result-table" data-test="result-table">
                    <caption>{i18n.t("survey-ranking-caption")}</caption>
                    <thead><tr><th scope="col">{i18n.t("survey-col-answer")}</th><th scope="col">{i18n.t("survey-col-mean-place")}</th>
                        <th scope="col">{i18n.t("survey-col-first")}</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
                <BarChart id=id.clone() caption=i18n.t("survey-col-first") bars=bars of=r.answered />
            }
            .into_any()
        }
    };
    view! {
        <section class="question-result" data-test="question-result" data-question=r.id.clone()>
            <h3 dir="auto">{format!("{n}. {}", r.text)}</h3>
            <p class="hint" data-test="answered">{answered}</p>
            {figures}
        </section>
    }
}

/// Every question's result, by section.
#[component]
pub fn ResultsBody(results: Results) -> impl IntoView {
    let i18n = use_i18n();
    let counts = i18n
        .ta("survey-counts", &[("responses", results.responses.to_string()), ("partial", results.partial.to_string())]);
    let mut last_section = String::new();
    let items = results
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let heading = (q.section != last_section && !q.section.is_empty()).then(|| {
                last_section.clone_from(&q.section);
                view! { <h2 dir="auto">{q.section.clone()}</h2> }
            });
            view! { {heading}<QuestionResultView r=q.clone() n=i + 1 responses=results.responses /> }
        })
        .collect_view();
    view! {
        <p class="result-counts" data-test="result-counts">{counts}</p>
        {results.org_type.map(|t| view! { <p class="notice">{i18n.ta("survey-filtered", &[("filter", i18n.t(t.label_key()))])}</p> })}
        {results.measure.clone().map(|m| view! { <p class="notice">{i18n.ta("survey-filtered", &[("filter", m.title)])}</p> })}
        {(results.responses == 0).then(|| view! { <Empty text=i18n.t("survey-no-responses") /> })}
        {items}
    }
}

fn filter_of_query() -> impl Fn() -> (String, String) + Clone + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        (q.get("org_type").unwrap_or_default(), q.get("measure").unwrap_or_default())
    }
}

/// The filter form (a GET form: works without JavaScript).
#[component]
fn ResultFilter(results: Results, action: String) -> impl IntoView {
    let i18n = use_i18n();
    if !results.ask_organisation && results.measures.len() < 2 {
        return ().into_any();
    }
    let current_type = results.org_type.map(|t| t.as_str().to_owned()).unwrap_or_default();
    let current_measure = results.measure.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
    view! {
        <form method="get" action=action class="form filters" data-test="result-filter">
            {results.ask_organisation.then(|| view! {
                <div class="field">
                    <label for="f-org-type">{i18n.t("join-org-type")}</label>
                    <select id="f-org-type" name="org_type">
                        <option value="">{i18n.t("survey-filter-all")}</option>
                        {OrgType::ALL.into_iter().map(|t| {
                            let v = t.as_str().to_owned();
                            let sel = v == current_type;
                            view! { <option value=v selected=sel>{i18n.t(t.label_key())}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            {(results.measures.len() > 1).then(|| view! {
                <div class="field">
                    <label for="f-measure">{i18n.t("survey-measure-label")}</label>
                    <select id="f-measure" name="measure">
                        <option value="">{i18n.t("survey-filter-all")}</option>
                        {results.measures.iter().map(|m| {
                            let v = m.id.to_string();
                            let sel = v == current_measure;
                            view! { <option value=v selected=sel>{m.title.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <button type="submit" class="secondary">{i18n.t("survey-filter-apply")}</button>
        </form>
    }
    .into_any()
}

/// `/staff/surveys/{id}/results` and the public `/s/{id}/results`.
#[component]
pub fn ResultsPage(#[prop(optional)] public: bool, #[prop(optional)] print: bool) -> impl IntoView {
    let id = crate::ui::route_id("id", SurveyId::parse);
    let filter = filter_of_query();
    let data =
        Resource::new(move || (id(), filter()), |(id, (t, m))| async move { get_survey_results(id?, t, m).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => view! { <ResultsView results=r public=public print=print /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResultsView(results: Results, public: bool, print: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = results.survey;
    let title = i18n.ta("survey-results-title", &[("title", results.title.clone())]);
    let query = {
        let mut q = Vec::new();
        if let Some(t) = results.org_type {
            q.push(format!("org_type={}", t.as_str()));
        }
        if let Some(m) = &results.measure {
            q.push(format!("measure={}", m.id));
        }
        if q.is_empty() { String::new() } else { format!("?{}", q.join("&")) }
    };
    let action = if public { format!("/s/{id}/results") } else { format!("/staff/surveys/{id}/results") };
    let staff_links = (!public && !print).then(|| {
        let waves = results.waves.clone();
        view! {
            <p class="actions">
                <a class="button secondary" href=format!("/staff/surveys/{id}")>{i18n.t("survey-back-to-survey")}</a>
                <a class="button secondary" href=format!("/staff/surveys/{id}/responses.csv") download="" rel="external" data-test="responses-csv">
                    {i18n.t("survey-download-csv")}</a>
                <a class="button secondary" href=format!("/staff/surveys/{id}/print{query}") data-test="results-print">{i18n.t("survey-print")}</a>
                <a class="button secondary" href=format!("/staff/surveys/{id}/beamer") data-test="results-beamer">{i18n.t("survey-beamer")}</a>
            </p>
            {(!waves.is_empty()).then(|| view! {
                <form method="get" action=format!("/staff/surveys/{id}/compare") class="form filters" data-test="compare-form">
                    <div class="field">
                        <label for="compare-with">{i18n.t("survey-compare-with")}</label>
                        <select id="compare-with" name="with">
                            {waves.iter().map(|(w, t)| view! { <option value=w.to_string()>{t.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="secondary">{i18n.t("survey-compare")}</button>
                </form>
            })}
        }
    });
    let print_hint = print.then(|| view! { <p class="hint no-print">{i18n.t("plan-print-hint")}</p> });
    view! {
        <Title text=title.clone() />
        <article class="survey-results" class:print-view=print data-test="survey-results">
            <p class="hint">{results.process_name.clone()}</p>
            <h1 dir="auto">{title}</h1>
            {print_hint}
            {staff_links}
            {(!print && !public).then(|| view! { <ResultFilter results=results.clone() action=action /> })}
            <ResultsBody results=results />
        </article>
    }
}

/// `/staff/surveys/{id}/compare?with=<other wave>`
#[component]
pub fn ComparePage() -> impl IntoView {
    let id = crate::ui::route_id("id", SurveyId::parse);
    let query = use_query_map();
    let with = move || query.read().get("with").unwrap_or_default();
    let data = Resource::new(
        move || (id(), with()),
        |(id, w)| async move { get_survey_comparison(id?, SurveyId::parse(&w)?).await },
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => view! { <CompareView c=c /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CompareView(c: Comparison) -> impl IntoView {
    let i18n = use_i18n();
    let title = i18n.ta("survey-compare-title", &[("a", c.a.1.clone()), ("b", c.b.1.clone())]);
    let (name_a, name_b) = (c.a.1.clone(), c.b.1.clone());
    let questions = c
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let fmt = |v: Option<f64>| match (v, q.unit) {
                (None, _) => "–".to_owned(),
                (Some(v), CompareUnit::Percent) => i18n.percent(v),
                (Some(v), _) => num(i18n, v),
            };
            let change = |l: &crate::surveys::results::CompareLine| match (l.a, l.b) {
                (Some(a), Some(b)) => {
                    let d = b - a;
                    let sign = if d > 0.0 { "+" } else if d < 0.0 { "−" } else { "±" };
                    let unit = if q.unit == CompareUnit::Percent { format!(" {}", i18n.t("survey-pp")) } else { String::new() };
                    format!("{sign}{}{unit}", num(i18n, d.abs()))
                }
                _ => "–".to_owned(),
            };
            let rows = q
                .lines
                .iter()
                .map(|l| {
                    let label = if l.label.is_empty() { i18n.t(unit_label(q.unit)) } else { l.label.clone() };
                    view! {
                        <tr data-test="compare-row">
                            <th scope="row" dir="auto">{label}</th>
                            <td>{fmt(l.a)}</td><td>{fmt(l.b)}</td><td data-test="compare-change">{change(l)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let only = q.only_in.map(|w| {
                let name = if w == 1 { name_a.clone() } else { name_b.clone() };
                view! { <p class="hint">{i18n.ta("survey-compare-only", &[("wave", name)])}</p> }
            });
            view! {
                <section class="question-result" data-test="compare-question">
                    <h3 dir="auto">{format!("{}. {}", i + 1, q.text)}</h3>
                    <p class="hint">{i18n.t(unit_label(q.unit))}" · "
                        {i18n.ta("survey-compare-answered", &[("a", q.answered.0.to_string()), ("b", q.answered.1.to_string())])}</p>
                    {only}
                    <table class="result-table">
                        <caption class="visually-hidden">{q.text.clone()}</caption>
                        <thead><tr><th scope="col">{i18n.t("survey-col-answer")}</th><th scope="col">{name_a.clone()}</th>
                            <th scope="col">{name_b.clone()}</th><th scope="col">{i18n.t("survey-col-change")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <article class="survey-results" data-test="survey-compare">
            <h1>{title}</h1>
            <p class="result-counts">{i18n.ta("survey-compare-counts", &[("a", c.a.2.to_string()), ("b", c.b.2.to_string()), ("na", c.a.1.clone()), ("nb", c.b.1.clone())])}</p>
            <p><a href=format!("/staff/surveys/{}/results", c.a.0)>{i18n.t("survey-back-to-results")}</a></p>
            {questions}
        </article>
    }
}

fn unit_label(u: CompareUnit) -> &'static str {
    match u {
        CompareUnit::Percent => "survey-unit-percent",
        CompareUnit::Mean => "survey-unit-mean",
        CompareUnit::Place => "survey-unit-place",
        CompareUnit::Count => "survey-unit-count",
    }
}

/// The evaluation on a measure's page: the link to give feedback while it is open, and the
/// results of this measure's responses where they are public (or for organizers).
#[component]
pub fn MeasureEvaluationView(measure: uuid::Uuid) -> impl IntoView {
    let data = Resource::new(move || measure, get_measure_evaluation);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(e)) => view! { <EvaluationSection e=e /> }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EvaluationSection(e: crate::surveys::results::MeasureEvaluation) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel measure-evaluation" aria-labelledby="evaluation-heading" data-test="measure-evaluation">
            <h2 id="evaluation-heading">{i18n.t("survey-evaluation-results")}</h2>
            {e.answerable.then(|| view! {
                <p><a class="button" href=format!("/s/{}?m={}", e.survey, e.measure) rel="external" data-test="evaluation-give">
                    {i18n.t("survey-evaluation-give")}</a></p>
            })}
            {e.results.map(|r| view! { <ResultsBody results=r /> })}
        </section>
    }
}

/// `/staff/surveys/{id}/beamer`: the results large for the room, refreshed every five seconds
/// while a workshop answers.
#[component]
pub fn ResultsBeamerPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::ui::route_id("id", SurveyId::parse);
    let tick = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    if let Ok(handle) =
        leptos::prelude::set_interval_with_handle(move || tick.update(|t| *t += 1), std::time::Duration::from_secs(5))
    {
        on_cleanup(move || handle.clear());
    }
    let data = Resource::new(
        move || (id(), tick.get()),
        |(id, _)| async move { get_survey_results(id?, String::new(), String::new()).await },
    );
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => view! {
                        <Title text=i18n.ta("survey-results-title", &[("title", r.title.clone())]) />
                        <article class="survey-results survey-beamer" data-test="survey-beamer">
                            <h1 dir="auto">{r.title.clone()}</h1>
                            <p class="hint">{i18n.t("survey-beamer-hint")}</p>
                            <ResultsBody results=r />
                        </article>
                    }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}
