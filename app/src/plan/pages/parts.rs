//! Pieces the plan's pages share: the status at a glance, a vote result in words, a source's
//! trail, the plan table of one action field, the version's label.

use leptos::prelude::*;

use crate::{
    i18n::I18n,
    plan::types::{MeasureDoc, MeasureStatus, PlanRow, SourceDoc, VersionInfo, VoteDoc},
    votes::tally::Method,
};

/// "Platz 2 von 14, 23 Punkte, davon 6 auf Papier".
#[must_use]
pub fn vote_text(i18n: I18n, v: &VoteDoc) -> String {
    let place = i18n.ta(
        if v.tied { "plan-vote-place-tied" } else { "plan-vote-place" },
        &[("place", v.place.to_string()), ("of", v.options.to_string())],
    );
    let figure = match v.method {
        Method::Dots | Method::Approval => v.points.map(|p| {
            let key = if v.method == Method::Dots { "plan-vote-points" } else { "plan-vote-approvals" };
            let mut s = i18n.ta(key, &[("count", p.to_string())]);
            if let Some(paper) = v.paper.filter(|n| *n > 0) {
                s.push_str(&i18n.ta("plan-vote-paper", &[("count", paper.to_string())]));
            }
            s
        }),
        Method::Score => v.mean.map(|m| i18n.ta("plan-vote-mean", &[("mean", format!("{m:.1}").replace('.', ","))])),
        Method::Ranking => None,
    };
    match figure {
        Some(f) => format!("{place}, {f}"),
        None => place,
    }
}

/// The status as a badge with its progress.
#[component]
pub fn StatusBadge(status: MeasureStatus, progress: i32, i18n: I18n) -> impl IntoView {
    let label = i18n.t(status.label_key());
    let show_percent = !matches!(status, MeasureStatus::Planned | MeasureStatus::Done);
    view! {
        <span class=format!("status status-{}", status.as_str()) data-test="measure-status">
            {label}
            {show_percent.then(|| view! { " · "{i18n.percent(f64::from(progress))} })}
        </span>
        {show_percent.then(|| view! {
            <span class="progress" aria-hidden="true"><span style=format!("width: {}%", progress.clamp(0, 100))></span></span>
        })}
    }
}

/// "Beschlossene Fassung 2 vom 12.03.2027" or "Entwurf – noch nicht beschlossen".
#[must_use]
pub fn version_label(i18n: I18n, version: Option<&VersionInfo>) -> String {
    match version {
        Some(v) => {
            i18n.ta("plan-version-adopted", &[("number", v.number.to_string()), ("date", i18n.date(v.adopted_on))])
        }
        None => i18n.t("plan-version-draft"),
    }
}

/// One source of a measure: workshop, cluster, votes, visible proposals.
#[component]
pub fn SourceView(source: SourceDoc, i18n: I18n) -> impl IntoView {
    let date = source.workshop.date.map(|d| format!(" ({})", i18n.date(d))).unwrap_or_default();
    view! {
        <li class="source" data-test="source">
            <p>
                <strong>{i18n.t("plan-source-workshop")}": "</strong>{source.workshop.title.clone()}{date}
                {source.cluster.clone().map(|c| view! { <br /><strong>{i18n.t("plan-source-cluster")}": "</strong>{c.name} })}
            </p>
            {(!source.votes.is_empty()).then(|| view! {
                <ul class="votes" data-test="source-votes">
                    {source.votes.iter().map(|v| view! { <li>{format!("{}: {}", v.round, vote_text(i18n, v))}</li> }).collect_view()}
                </ul>
            })}
            {if source.proposals.is_empty() {
                view! { <p class="hint">{i18n.t("plan-source-no-proposals")}</p> }.into_any()
            } else {
                view! {
                    <p class="meta">{i18n.t("plan-source-proposals")}</p>
                    <ul class="source-proposals" data-test="source-proposals">
                        {source.proposals.iter().map(|p| view! { <li>{p.name.clone()}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </li>
    }
}

/// A cell's lines as a list (goals, partners), or nothing.
fn cell_list(items: Vec<String>) -> AnyView {
    match items.len() {
        0 => ().into_any(),
        1 => items.into_iter().next().map(|s| view! { {s} }.into_any()).unwrap_or_else(|| ().into_any()),
        _ => view! { <ul class="cell-list">{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }
            .into_any(),
    }
}

/// The plan table of one action field (Phase · Zeitraum · Maßnahme · Ziel · Kooperationspartner ·
/// Federführung · Status), rows in phase order. `link` makes the titles links to the measure.
#[component]
pub fn PlanTable(
    field: String,
    rows: Vec<PlanRow>,
    i18n: I18n,
    #[prop(optional)] link: Option<fn(&MeasureDoc) -> String>,
    #[prop(optional)] descriptions: bool,
) -> impl IntoView {
    let caption = i18n.ta("plan-table-caption", &[("field", field)]);
    let region = caption.clone();
    view! {
        // Wide tables scroll on a phone: the region takes the keyboard focus for that.
        <div class="table-wrap" role="region" tabindex="0" aria-label=region>
            <table class="plan-table" data-test="plan-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("measure-phase")}</th>
                        <th scope="col">{i18n.t("measure-timeframe")}</th>
                        <th scope="col">{i18n.t("measure-title")}</th>
                        <th scope="col">{i18n.t("measure-goals")}</th>
                        <th scope="col">{i18n.t("measure-partners")}</th>
                        <th scope="col">{i18n.t("measure-lead")}</th>
                        <th scope="col">{i18n.t("measure-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let m = row.doc;
                        let title = match link.filter(|_| row.live) {
                            Some(href) => view! { <a href=href(&m)>{m.title.clone()}</a> }.into_any(),
                            None => view! { {m.title.clone()} }.into_any(),
                        };
                        let partners = m.partners.iter().map(|p| p.name.clone()).collect();
                        view! {
                            <tr data-test="plan-row">
                                <td>{m.phase.clone().unwrap_or_default()}</td>
                                <td>{m.timeframe.display()}</td>
                                <th scope="row" class="measure-cell">
                                    {title}
                                    {(descriptions && !m.description.is_empty()).then(|| view! { <p class="prewrap">{m.description.clone()}</p> })}
                                </th>
                                <td>{cell_list(m.goals.clone())}</td>
                                <td>{cell_list(partners)}</td>
                                <td>{m.lead.clone()}</td>
                                <td>
                                    <StatusBadge status=m.status progress=m.progress i18n=i18n />
                                    {row.evaluation.filter(|e| e.responses > 0).map(|e| view! { <EvaluationNote figures=e i18n=i18n /> })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The rows grouped by action field, in the plan's order of fields.
#[must_use]
pub fn by_field(fields: &[crate::plan::types::NamedRef], rows: Vec<PlanRow>) -> Vec<(String, Vec<PlanRow>)> {
    let mut groups: Vec<(String, Vec<PlanRow>)> = fields.iter().map(|f| (f.name.clone(), Vec::new())).collect();
    for row in rows {
        match groups.iter_mut().find(|(name, _)| *name == row.doc.action_field) {
            Some((_, list)) => list.push(row),
            None => groups.push((row.doc.action_field.clone(), vec![row])),
        }
    }
    groups.retain(|(_, rows)| !rows.is_empty());
    groups
}

/// "12 Rückmeldungen · Zufriedenheit Ø 3,8 von 5".
#[component]
pub fn EvaluationNote(figures: crate::surveys::results::EvaluationFigures, i18n: I18n) -> impl IntoView {
    let mut text = i18n.ta("survey-evaluation-figures", &[("responses", figures.responses.to_string())]);
    if let Some((mean, top)) = figures.satisfaction {
        text.push_str(" · ");
        text.push_str(&i18n.ta(
            "survey-evaluation-satisfaction",
            &[("mean", crate::surveys::pages::results::num(i18n, mean)), ("top", top.to_string())],
        ));
    }
    view! { <p class="evaluation-note" data-test="evaluation-note">{text}</p> }
}
