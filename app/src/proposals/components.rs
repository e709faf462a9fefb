//! A proposal as a card: the markup every board shows and every live fragment of a card
//! carries, written once.

use leptos::prelude::*;

use crate::{
    i18n::{I18n, use_i18n},
    processes::types::ActionFieldId,
    proposals::api::{HideProposal, RestoreProposal},
    ui::{action_error, field_error},
    workshops::{
        live::BoardMode,
        types::{Author, BoardProposal, ProposalId, ProposalStatus, live_ids},
    },
};

/// The count after an action field's heading, "(3)".
#[must_use]
pub fn field_count(count: usize) -> String {
    format!("({count})")
}

/// One card of the board in its list item: what a live fragment inserts or replaces by id.
#[component]
pub fn BoardItem(proposal: BoardProposal, mode: BoardMode, code: String) -> impl IntoView {
    let id = live_ids::item(proposal.id);
    let created = proposal.created_at.timestamp_millis().to_string();
    let mine = proposal.mine.then_some("");
    let field: ActionFieldId = proposal.action_field_id;
    view! {
        <li id=id data-t=created data-mine=mine data-field=field.to_string()>
            <ProposalCard proposal=proposal mode=mode code=code />
        </li>
    }
}

/// The author line of a proposal.
#[must_use]
pub fn author_text(i18n: I18n, p: &BoardProposal) -> String {
    let name = match &p.author {
        Author::Named(name) => name.clone(),
        Author::Anonymous => i18n.t("author-anonymous"),
        Author::Room => i18n.t("author-room"),
        Author::Deleted => i18n.t("author-deleted"),
    };
    match &p.organisation {
        Some(org) => format!("{name} ({org})"),
        None => name,
    }
}

/// The `lang` of a text written in `code` (none where not known), and the note "written in
/// Türkçe" where that is not the page's language.
#[must_use]
pub fn written_in(i18n: I18n, code: &str) -> (Option<String>, Option<String>) {
    let Some(lang) = crate::i18n::Lang::parse(code) else { return (None, None) };
    // Leichte Sprache is German: a proposal from either page needs no note on the other.
    let base = |code: &'static str| code.split("-x-").next().unwrap_or(code);
    let marker = (base(lang.code()) != base(i18n.lang.code()))
        .then(|| i18n.ta("written-in", &[("language", crate::i18n::t(lang.for_written(), "language-name"))]));
    (Some(lang.for_written().code().to_owned()), marker)
}

#[component]
pub fn ProposalCard(proposal: BoardProposal, mode: BoardMode, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let p = proposal;
    let details: Vec<(String, String)> = [
        ("proposal-goal", &p.goal),
        ("proposal-target-group", &p.target_group),
        ("proposal-partners", &p.partners),
        ("proposal-timeframe", &p.timeframe),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (i18n.t(k), v.clone()))
    .collect();
    let hidden = p.status == ProposalStatus::Hidden;
    let (written, marker) = written_in(i18n, &p.lang);
    let actions = match mode {
        BoardMode::Participant if !p.mine => Some(
            view! {
                <a class="small-link" href=format!("/w/{code}/p/{}/report", p.id)
                    aria-label=i18n.ta("report-label", &[("title", p.title.clone())])>{i18n.t("report-link")}</a>
            }
            .into_any(),
        ),
        BoardMode::Moderator => {
            Some(view! { <ModeratorActions id=p.id title=p.title.clone() hidden=hidden /> }.into_any())
        }
        _ => None,
    };
    view! {
        <article class="proposal" class:proposal-hidden=hidden class:proposal-mine=p.mine data-test="proposal"
            data-id=p.id.to_string()>
            // Shown as written: in its own language and direction (an Arabic title on a German
            // page, a German one on an Arabic page).
            <h3 lang=written.clone() dir="auto">{p.title.clone()}</h3>
            {(!p.description.is_empty()).then(|| view! { <p class="prewrap" lang=written.clone() dir="auto">{p.description.clone()}</p> })}
            {(!details.is_empty() && mode != BoardMode::Projector).then(|| view! {
                <dl class="proposal-details">
                    {details.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd lang=written.clone() dir="auto">{v}</dd> }).collect_view()}
                </dl>
            })}
            <p class="meta">
                {marker.map(|m| view! { <span class="lang-mark" data-test="written-in">{m}</span>" · " })}
                <bdi>{author_text(i18n, &p)}</bdi>
                {p.mine.then(|| view! { " · " <strong>{i18n.t("proposal-mine")}</strong> })}
                {p.edited.then(|| view! { " · " <span>{i18n.t("proposal-edited")}</span> })}
                {(p.reports > 0).then(|| view! { " · " <span class="badge badge-draft">{i18n.ta("proposal-reports", &[("count", p.reports.to_string())])}</span> })}
            </p>
            {hidden.then(|| view! {
                <p class="notice" data-test="hidden-reason">
                    <strong>{i18n.t("proposal-hidden")}</strong>": "{p.hidden_reason.clone().unwrap_or_default()}
                </p>
            })}
            {actions}
        </article>
    }
}

/// Edit, hide with a reason, or restore: the moderator's buttons on a card.
#[component]
fn ModeratorActions(id: ProposalId, title: String, hidden: bool) -> impl IntoView {
    let i18n = use_i18n();
    let hide = ServerAction::<HideProposal>::new();
    let restore = ServerAction::<RestoreProposal>::new();
    let errors = action_error(hide);
    let restore_errors = action_error(restore);
    let reason_id = format!("hide-reason-{id}");
    view! {
        <div class="card-actions">
            <a class="button secondary" href=format!("/staff/proposals/{id}")
                aria-label=i18n.ta("proposal-edit-label", &[("title", title.clone())])>{i18n.t("proposal-edit")}</a>
            {if hidden {
                view! {
                    <ActionForm action=restore attr:class="inline">
                        <input type="hidden" name="id" value=id.to_string() />
                        <button type="submit" class="secondary"
                            aria-label=i18n.ta("proposal-restore-label", &[("title", title.clone())])>{i18n.t("proposal-restore")}</button>
                        <span class="field-error" role="alert">{move || restore_errors.get().map(|e| i18n.msg(&e.message()))}</span>
                    </ActionForm>
                }.into_any()
            } else {
                let reason_error = field_error(errors, "reason");
                view! {
                    <details class="hide-form">
                        <summary aria-label=i18n.ta("proposal-hide-label", &[("title", title.clone())])>{i18n.t("proposal-hide")}</summary>
                        <ActionForm action=hide attr:class="inline-form" attr:novalidate=true>
                            <input type="hidden" name="id" value=id.to_string() />
                            <label for=reason_id.clone()>{i18n.t("proposal-hide-reason")}</label>
                            <input id=reason_id.clone() name="reason" maxlength="300" required
                                aria-invalid=move || reason_error.get().is_some().then_some("true") />
                            <button type="submit">{i18n.t("proposal-hide-confirm")}</button>
                            <span class="field-error" role="alert">{move || errors.get().map(|e| {
                                e.field("reason").map_or_else(|| i18n.msg(&e.message()), |m| i18n.msg(&m))
                            })}</span>
                        </ActionForm>
                    </details>
                }.into_any()
            }}
        </div>
    }
}
