//! The proposal form: its fields (shared by the participant's, the moderator's and the room's
//! forms), the participant's form on the board and their own proposals with edit and withdraw.

use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::use_i18n,
    proposals::api::{SubmitProposal, WithdrawOwnProposal},
    proposals::components::ProposalCard,
    ui::{Field, FormError, SelectField, TextArea, action_error, field_error},
    workshops::live::BoardMode,
    workshops::types::{
        BoardProposal, FieldRef, PROPOSAL_DESCRIPTION_MAX, PROPOSAL_SHORT_MAX, PROPOSAL_TITLE_MAX, ParticipantId,
        ProposalStatus, TIMEFRAME_MAX,
    },
};

/// The fields of a proposal, shared by the participant's, the moderator's and the room's forms.
#[component]
pub fn ProposalFields(
    fields: Vec<FieldRef>,
    #[prop(optional_no_strip)] current: Option<BoardProposal>,
    errors: Signal<Option<AppError>>,
    #[prop(optional, into)] id_prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.unwrap_or_else(|| BoardProposal {
        id: crate::workshops::types::ProposalId(uuid::Uuid::nil()),
        action_field_id: crate::processes::types::ActionFieldId(uuid::Uuid::nil()),
        title: String::new(),
        description: String::new(),
        goal: String::new(),
        target_group: String::new(),
        partners: String::new(),
        timeframe: String::new(),
        author: crate::workshops::types::Author::Anonymous,
        organisation: None,
        status: ProposalStatus::Visible,
        hidden_reason: None,
        edited: false,
        mine: false,
        reports: 0,
        created_at: chrono::DateTime::<chrono::Utc>::MIN_UTC,
        lang: String::new(),
    });
    let field_choice = if fields.len() > 1 {
        let options = fields.iter().map(|f| (f.id.to_string(), f.name.clone())).collect();
        let selected = if c.action_field_id.0.is_nil() { String::new() } else { c.action_field_id.to_string() };
        view! {
            <SelectField name="action_field" label=i18n.t("proposal-action-field") options=options selected=selected
                empty=i18n.t("proposal-choose-field") required=true id_prefix=id_prefix.clone()
                error=field_error(errors, "action_field") />
        }
        .into_any()
    } else {
        let name = fields.first().map(|f| f.name.clone()).unwrap_or_default();
        view! { <p class="hint">{i18n.ta("proposal-single-field", &[("field", name)])}</p> }.into_any()
    };
    let more_errors = Signal::derive(move || {
        errors
            .get()
            .is_some_and(|e| ["goal", "target_group", "partners", "timeframe"].iter().any(|f| e.field(f).is_some()))
    });
    let has_more = !(c.goal.is_empty() && c.target_group.is_empty() && c.partners.is_empty() && c.timeframe.is_empty());
    view! {
        {field_choice}
        <Field name="title" label=i18n.t("proposal-title") value=c.title.clone() required=true maxlength=PROPOSAL_TITLE_MAX
            id_prefix=id_prefix.clone()
            hint=i18n.ta("hint-length", &[("min", "1".into()), ("max", PROPOSAL_TITLE_MAX.to_string())])
            error=field_error(errors, "title") />
        <TextArea name="description" label=i18n.t("proposal-description") value=c.description.clone()
            maxlength=PROPOSAL_DESCRIPTION_MAX id_prefix=id_prefix.clone() error=field_error(errors, "description") />
        <details class="more-fields" open=move || has_more || more_errors.get()>
            <summary>{i18n.t("proposal-more")}</summary>
            <TextArea name="goal" label=i18n.t("proposal-goal") value=c.goal.clone() rows=2
                maxlength=PROPOSAL_SHORT_MAX id_prefix=id_prefix.clone() error=field_error(errors, "goal") />
            <Field name="target_group" label=i18n.t("proposal-target-group") value=c.target_group.clone()
                maxlength=PROPOSAL_SHORT_MAX id_prefix=id_prefix.clone() error=field_error(errors, "target_group") />
            <Field name="partners" label=i18n.t("proposal-partners") value=c.partners.clone()
                maxlength=PROPOSAL_SHORT_MAX id_prefix=id_prefix.clone() error=field_error(errors, "partners") />
            <Field name="timeframe" label=i18n.t("proposal-timeframe") value=c.timeframe.clone()
                maxlength=TIMEFRAME_MAX id_prefix=id_prefix.clone() error=field_error(errors, "timeframe") />
        </details>
    }
}

/// One of the participant's own proposals: edit, withdraw, or the reason it was hidden.
#[component]
pub fn OwnProposal(proposal: BoardProposal, code: String, collecting: bool) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawOwnProposal>::new();
    let errors = action_error(withdraw);
    let id = proposal.id;
    let title = proposal.title.clone();
    view! {
        <ProposalCard proposal=proposal mode=BoardMode::Participant code=code.clone() />
        {
            collecting.then(move || view! {
            <div class="card-actions">
                <a class="button secondary" href=format!("/w/{code}/p/{id}")
                    aria-label=i18n.ta("proposal-edit-label", &[("title", title.clone())])>{i18n.t("proposal-edit")}</a>
                <ActionForm action=withdraw attr:class="inline">
                    <input type="hidden" name="code" value=code.clone() />
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="secondary"
                        aria-label=i18n.ta("proposal-withdraw-label", &[("title", title.clone())])>{i18n.t("proposal-withdraw")}</button>
                    <span class="field-error" role="alert">{move || errors.get().map(|e| i18n.msg(&e.message()))}</span>
                </ActionForm>
            </div>
            })
        }
    }
}

/// The proposal form of the participant page (which never hydrates): a plain form post; with
/// `live.js` it goes through `fetch` and the answer's regions are swapped in. `sent`: the
/// redirect after a successful post says so.
#[component]
pub fn ProposalForm(code: String, fields: Vec<FieldRef>, sent: bool, participant: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitProposal>::new();
    let errors = action_error(submit);
    let draft = errors.get_untracked().and_then(|_| draft(participant));
    let show_sent = move || sent && errors.get().is_none();
    view! {
        <section class="panel" aria-labelledby="propose-heading">
            <h2 id="propose-heading">{i18n.t("proposal-new")}</h2>
            <ActionForm action=submit attr:class="form" attr:novalidate=true attr:data-test="proposal-form"
                attr:data-fetch="">
                <FormError error=errors />
                <input type="hidden" name="code" value=code />
                <ProposalFields fields=fields errors=errors current=draft />
                <button type="submit" data-test="proposal-submit">{i18n.t("proposal-submit")}</button>
                <p class="field-error" data-offline="" hidden>{i18n.t("proposal-offline")}</p>
                <p class="status-ok" role="status" data-test="proposal-sent">{move || show_sent().then(|| i18n.t("proposal-sent"))}</p>
            </ActionForm>
        </section>
    }
}

/// What the participant typed before the errors this page shows (kept by `submit_proposal`
/// for a plain form post), as the form's current values.
#[cfg(feature = "ssr")]
fn draft(participant: ParticipantId) -> Option<BoardProposal> {
    let form = use_context::<std::sync::Arc<crate::proposals::drafts::Drafts>>()?.get(participant.0)?;
    Some(BoardProposal {
        id: crate::workshops::types::ProposalId(uuid::Uuid::nil()),
        action_field_id: crate::processes::types::ActionFieldId::parse(&form.action_field)
            .unwrap_or(crate::processes::types::ActionFieldId(uuid::Uuid::nil())),
        title: form.title,
        description: form.description,
        goal: form.goal,
        target_group: form.target_group,
        partners: form.partners,
        timeframe: form.timeframe,
        author: crate::workshops::types::Author::Anonymous,
        organisation: None,
        status: ProposalStatus::Visible,
        hidden_reason: None,
        edited: false,
        mine: true,
        reports: 0,
        created_at: chrono::DateTime::<chrono::Utc>::MIN_UTC,
        lang: String::new(),
    })
}

/// The browser renders no participant page (they never hydrate): nothing kept there.
#[cfg(not(feature = "ssr"))]
fn draft(_participant: ParticipantId) -> Option<BoardProposal> {
    None
}
