//! Workshop pages. Participants: `/w/{code}` (join, propose, board), the edit and report pages
//! of a proposal. Staff: the workshop page with moderation, the projector view, the proposal
//! page with its history, the new-workshop form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api::{
        AddRoomProposal, CreateWorkshop, DeleteParticipant, DismissReport, EditProposal, FindWorkshop, JoinWorkshop,
        ReportProposal, SetWorkshopState, SubmitProposal, UpdateOwnProposal, UpdateWorkshop, WithdrawOwnProposal,
        get_board, get_entry, get_moderator_board, get_own_proposal, get_proposal_detail, get_workshop_admin,
        list_my_workshops, list_process_workshops,
    },
    types::{
        Board, BoardProposal, Entry, FieldRef, LINK_MAX, Me, OrgType, PLACE_MAX, PROPOSAL_DESCRIPTION_MAX,
        PROPOSAL_SHORT_MAX, PROPOSAL_TITLE_MAX, ProposalStatus, REASON_MAX, TIMEFRAME_MAX, TITLE_MAX, WorkshopAdmin,
        WorkshopInfo, WorkshopMode, WorkshopState, WorkshopSummary,
    },
};
use crate::{
    auth::pages::RequireOrganizer,
    board::view::{BoardMode, BoardView, Live, ProposalCard, Source, author_text, connect},
    error::{AppError, Msg},
    i18n::{I18n, use_i18n},
    processes::{api::get_process_for_edit, editor::refreshing, types::ProcessId},
    ui::{Empty, ErrorPage, Field, FormError, Loading, TextArea, action_error, field_error},
};

/// "05.03.2026, 18:00 Uhr".
fn when(i18n: I18n, starts_at: Option<chrono::NaiveDateTime>) -> Option<String> {
    starts_at
        .map(|dt| i18n.ta("ws-starts-at", &[("date", i18n.date(dt.date())), ("time", dt.format("%H:%M").to_string())]))
}

/// Title, time, place and link of a workshop.
#[component]
fn WorkshopFacts(info: WorkshopInfo) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="facts">
            {when(i18n, info.starts_at).map(|w| view! { <li>{w}</li> })}
            <li>{i18n.t(info.mode.label_key())}</li>
            {(!info.place.is_empty()).then(|| view! { <li>{info.place.clone()}</li> })}
            {(!info.meeting_link.is_empty()).then(|| view! {
                <li><a href=info.meeting_link.clone() rel="noopener">{i18n.t("ws-meeting-link")}</a></li>
            })}
        </ul>
    }
}

/// A labelled `<select>` with its error.
#[component]
fn SelectField(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional, into)] empty: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] id_prefix: Option<String>,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}{name}", id_prefix.unwrap_or_default());
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            <select id=id.clone() name=name required=required
                aria-invalid=move || error.get().is_some().then_some("true") aria-describedby=described>
                {empty.map(|e| view! { <option value="">{e}</option> })}
                {options.into_iter().map(|(value, text)| {
                    let is = value == selected;
                    view! { <option value=value selected=is>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</p>
        </div>
    }
}

/// The fields of a proposal, shared by the participant's, the moderator's and the room's forms.
#[component]
fn ProposalFields(
    fields: Vec<FieldRef>,
    #[prop(optional)] current: Option<BoardProposal>,
    errors: Signal<Option<AppError>>,
    #[prop(optional, into)] id_prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.unwrap_or_else(|| BoardProposal {
        id: super::types::ProposalId(uuid::Uuid::nil()),
        action_field_id: crate::processes::types::ActionFieldId(uuid::Uuid::nil()),
        title: String::new(),
        description: String::new(),
        goal: String::new(),
        target_group: String::new(),
        partners: String::new(),
        timeframe: String::new(),
        author: super::types::Author::Anonymous,
        organisation: None,
        status: ProposalStatus::Visible,
        hidden_reason: None,
        edited: false,
        mine: false,
        reports: 0,
        created_at: chrono::DateTime::<chrono::Utc>::MIN_UTC,
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

// ---------------------------------------------------------------------------------------------
// Participants

/// The "join with code" box of the start page.
#[component]
pub fn JoinWithCode() -> impl IntoView {
    let i18n = use_i18n();
    let find = ServerAction::<FindWorkshop>::new();
    let errors = action_error(find);
    view! {
        <section class="panel join-code" aria-labelledby="join-code-heading">
            <h2 id="join-code-heading">{i18n.t("join-with-code")}</h2>
            <ActionForm action=find attr:class="inline-form" attr:novalidate=true>
                <Field name="code" label=i18n.t("join-code-label") maxlength=9 autocomplete="off"
                    hint=i18n.t("join-code-hint") error=field_error(errors, "code") />
                <button type="submit">{i18n.t("join-code-go")}</button>
            </ActionForm>
        </section>
    }
}

/// `/w/{code}`: the participant's page.
#[component]
pub fn WorkshopPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default().to_ascii_uppercase();
    let entry = Resource::new(code, get_entry);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match entry.await {
                    Ok(Entry::NotOpen(info)) => view! { <NotOpen info=info /> }.into_any(),
                    Ok(Entry::Join(info)) => view! { <JoinView info=info entry=entry /> }.into_any(),
                    Ok(Entry::Joined { board, me }) => view! { <ParticipantView board=board me=me /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotOpen(info: WorkshopInfo) -> impl IntoView {
    let i18n = use_i18n();
    let message = if info.state == WorkshopState::Draft { i18n.t("ws-not-started") } else { i18n.t("ws-closed") };
    view! {
        <Title text=info.title.clone() />
        <section class="narrow" data-test="ws-not-open">
            <p class="eyebrow">{info.process_name.clone()}</p>
            <h1>{info.title.clone()}</h1>
            <WorkshopFacts info=info.clone() />
            <p class="notice" role="status">{message}</p>
            <p><a href=format!("/p/{}", info.process_id)>{i18n.t("ws-to-process")}</a></p>
        </section>
    }
}

#[component]
fn JoinView(info: WorkshopInfo, entry: Resource<Result<Entry, AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let join = ServerAction::<JoinWorkshop>::new();
    let errors = action_error(join);
    Effect::watch(
        move || join.version().get(),
        move |_, _, _: Option<()>| {
            if matches!(join.value().get_untracked(), Some(Ok(_))) {
                entry.refetch();
            }
        },
        false,
    );
    let org_types = OrgType::ALL.iter().map(|t| (t.as_str().to_owned(), i18n.t(t.label_key()))).collect::<Vec<_>>();
    let consent_error = field_error(errors, "consent");
    view! {
        <Title text=i18n.ta("join-title", &[("title", info.title.clone())]) />
        <section class="narrow" data-test="join">
            <p class="eyebrow">{info.process_name.clone()}</p>
            <h1>{info.title.clone()}</h1>
            <WorkshopFacts info=info.clone() />
            <p class="lead">{i18n.t("join-lead")}</p>
            <ActionForm action=join attr:class="form" attr:novalidate=true>
                <FormError error=errors />
                <input type="hidden" name="code" value=info.join_code.clone() />
                <Field name="display_name" label=i18n.t("join-display-name") maxlength=super::types::DISPLAY_NAME_MAX
                    autocomplete="nickname" hint=i18n.t("join-display-name-hint") error=field_error(errors, "display_name") />
                <Field name="organisation" label=i18n.t("join-organisation") maxlength=super::types::ORGANISATION_MAX
                    autocomplete="organization" error=field_error(errors, "organisation") />
                <SelectField name="org_type" label=i18n.t("join-org-type") options=org_types
                    empty=i18n.t("join-org-type-none") error=field_error(errors, "org_type") />
                <div class="privacy" id="privacy-notice">
                    <h2>{i18n.t("privacy-heading")}</h2>
                    <p>{i18n.t("privacy-text")}</p>
                </div>
                <div class="field checkbox" class:field-invalid=move || consent_error.get().is_some()>
                    <input type="checkbox" id="consent" name="consent" value="yes" required
                        aria-describedby="privacy-notice consent-error"
                        aria-invalid=move || consent_error.get().is_some().then_some("true") />
                    <label for="consent">{i18n.t("join-consent")}</label>
                    <p class="field-error" id="consent-error" aria-live="polite">
                        {move || consent_error.get().map(|m| i18n.msg(&m))}
                    </p>
                </div>
                <button type="submit" data-test="join-submit">{i18n.t("join-submit")}</button>
            </ActionForm>
        </section>
    }
}

/// The participant's page: greeting, the form while collecting, their own proposals, the board.
/// It never hydrates: `live.js` keeps it current, swapping in the server's fragments (the
/// regions by id on a snapshot, single cards and counts on a change).
#[component]
fn ParticipantView(board: Board, me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let info = board.info.clone();
    let code = info.join_code.clone();
    let live = Live::new(&board, BoardMode::Participant);
    connect(live, code.clone(), Source::Participant(code.clone()));
    let sent_by_redirect = query.read_untracked().get("sent").is_some();
    let reported = query.read_untracked().get("reported").is_some();
    let greeting =
        me.display_name.clone().map_or_else(|| i18n.t("ws-hello-anonymous"), |n| i18n.ta("ws-hello", &[("name", n)]));
    let mine = Memo::new(move |_| live.proposals.with(|l| l.iter().filter(|p| p.mine).cloned().collect::<Vec<_>>()));
    let fields = info.fields.clone();
    let form_fields = info.fields.clone();
    let form_code = code.clone();
    let mine_code = code.clone();
    let stream = format!("/w/{code}/live?page=1");
    view! {
        <Title text=info.title.clone() />
        <div id="live" data-live=stream data-v=board.version.clone()>
            <header class="page-head">
                <p class="eyebrow">{info.process_name.clone()}</p>
                <h1>{info.title.clone()}</h1>
                <span class="badge badge-current" data-test="ws-state" id="ws-state" data-region="">
                    {move || i18n.t(live.state.get().label_key())}
                </span>
            </header>
            <p>{greeting}</p>
            {reported.then(|| view! { <p class="status-ok" role="status">{i18n.t("report-thanks")}</p> })}
            <div id="propose" data-region="" data-key=move || live.state.get().as_str()>
                {move || {
                    let state = live.state.get();
                    if state == WorkshopState::Collecting {
                        view! { <ProposalForm code=form_code.clone() fields=form_fields.clone() live=live sent=sent_by_redirect /> }.into_any()
                    } else {
                        view! { <p class="notice" role="status">{i18n.t(state_notice(state))}</p> }.into_any()
                    }
                }}
            </div>
            <section id="mine" aria-labelledby="mine-heading" class="mine" data-region="">
                <h2 id="mine-heading">{i18n.t("ws-mine")}</h2>
                {move || mine.with(Vec::is_empty).then(|| view! { <Empty text=i18n.t("ws-mine-empty") /> })}
                <ul class="proposals" data-test="mine">
                    <For each=move || mine.get() key=|p| (p.id, p.title.clone(), p.description.clone(), p.status)
                        children=move |p| {
                            let code = mine_code.clone();
                            let own = format!("own-{}", crate::board::view::ids::item(p.id));
                            view! { <li id=own><OwnProposal proposal=p code=code live=live /></li> }
                        } />
                </ul>
            </section>
            <section aria-labelledby="board-heading" id="board-region" data-region="">
                <h2 id="board-heading">{i18n.t("ws-board")}</h2>
                <BoardView live=live fields=fields code=code />
            </section>
        </div>
    }
}

fn state_notice(state: WorkshopState) -> &'static str {
    match state {
        WorkshopState::Clustering => "ws-notice-clustering",
        WorkshopState::Voting => "ws-notice-voting",
        WorkshopState::Closed => "ws-closed",
        WorkshopState::Draft => "ws-not-started",
        WorkshopState::Collecting => "ws-notice-collecting",
    }
}

/// One of the participant's own proposals: edit, withdraw, or the reason it was hidden.
#[component]
fn OwnProposal(proposal: BoardProposal, code: String, live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawOwnProposal>::new();
    let errors = action_error(withdraw);
    let id = proposal.id;
    let title = proposal.title.clone();
    let collecting = move || live.state.get() == WorkshopState::Collecting;
    view! {
        <ProposalCard proposal=proposal mode=BoardMode::Participant code=code.clone() />
        {move || {
            let (code, title) = (code.clone(), title.clone());
            collecting().then(move || view! {
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
        }}
    }
}

/// The proposal form: a plain form post without JavaScript; with it, the form clears and the
/// proposal appears on the board at once.
#[component]
fn ProposalForm(code: String, fields: Vec<FieldRef>, live: Live, sent: bool) -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitProposal>::new();
    let errors = action_error(submit);
    let form = NodeRef::<leptos::html::Form>::new();
    let sent_now = RwSignal::new(false);
    Effect::watch(
        move || submit.version().get(),
        move |_, _, _: Option<()>| {
            if let Some(Ok(proposal)) = submit.value().get_untracked() {
                live.upsert(proposal);
                sent_now.set(true);
                if let Some(form) = form.get_untracked() {
                    form.reset();
                }
            } else {
                sent_now.set(false);
            }
        },
        false,
    );
    let show_sent = move || (sent_now.get() || (sent && submit.version().get() == 0)) && errors.get().is_none();
    view! {
        <section class="panel" aria-labelledby="propose-heading">
            <h2 id="propose-heading">{i18n.t("proposal-new")}</h2>
            <ActionForm action=submit node_ref=form attr:class="form" attr:novalidate=true attr:data-test="proposal-form"
                attr:data-fetch="">
                <FormError error=errors />
                <input type="hidden" name="code" value=code />
                <ProposalFields fields=fields errors=errors />
                <button type="submit" data-test="proposal-submit">{i18n.t("proposal-submit")}</button>
                <p class="field-error" data-offline="" hidden>{i18n.t("proposal-offline")}</p>
                <p class="status-ok" role="status" data-test="proposal-sent">{move || show_sent().then(|| i18n.t("proposal-sent"))}</p>
            </ActionForm>
        </section>
    }
}

/// `/w/{code}/p/{id}`: a participant edits their own proposal.
#[component]
pub fn OwnProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (p.get("code").unwrap_or_default().to_ascii_uppercase(), p.get("id").unwrap_or_default())
    };
    let data = Resource::new(key, |(code, id)| get_own_proposal(code, id));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((info, proposal)) => {
                        let update = ServerAction::<UpdateOwnProposal>::new();
                        let errors = action_error(update);
                        let code = info.join_code.clone();
                        view! {
                            <Title text=i18n.t("proposal-edit-title") />
                            <section class="narrow">
                                <p class="eyebrow">{info.title.clone()}</p>
                                <h1>{i18n.t("proposal-edit-title")}</h1>
                                <ActionForm action=update attr:class="form" attr:novalidate=true>
                                    <FormError error=errors />
                                    <input type="hidden" name="code" value=code.clone() />
                                    <input type="hidden" name="id" value=proposal.id.to_string() />
                                    <ProposalFields fields=info.fields.clone() current=proposal.clone() errors=errors />
                                    <button type="submit">{i18n.t("save")}</button>
                                    " "
                                    <a href=format!("/w/{code}")>{i18n.t("cancel")}</a>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/w/{code}/p/{id}/report`: a participant reports a proposal to the moderators.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default().to_ascii_uppercase();
    let id = move || params.read().get("id").unwrap_or_default();
    let board = Resource::new(code, get_board);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let result = board.await.and_then(|b| {
                    let wanted = id();
                    b.proposals.into_iter().find(|p| p.id.to_string() == wanted).ok_or(AppError::NotFound)
                });
                match result {
                    Ok(p) => {
                        let report = ServerAction::<ReportProposal>::new();
                        let errors = action_error(report);
                        view! {
                            <Title text=i18n.t("report-title") />
                            <section class="narrow">
                                <h1>{i18n.t("report-title")}</h1>
                                <blockquote class="quoted"><strong>{p.title.clone()}</strong><br />{author_text(i18n, &p)}</blockquote>
                                <p>{i18n.t("report-lead")}</p>
                                <ActionForm action=report attr:class="form" attr:novalidate=true>
                                    <FormError error=errors />
                                    <input type="hidden" name="code" value=code() />
                                    <input type="hidden" name="id" value=p.id.to_string() />
                                    <TextArea name="reason" label=i18n.t("report-reason") maxlength=REASON_MAX rows=3
                                        error=field_error(errors, "reason") />
                                    <button type="submit">{i18n.t("report-submit")}</button>
                                    " "
                                    <a href=format!("/w/{}", code())>{i18n.t("cancel")}</a>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

// ---------------------------------------------------------------------------------------------
// Staff

/// Workshops of a process, in its editor.
#[component]
pub fn ProcessWorkshops(process: ProcessId) -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(move || process, list_process_workshops);
    view! {
        <section class="panel" aria-labelledby="workshops-heading">
            <h2 id="workshops-heading">{i18n.t("ws-list")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) if l.is_empty() => view! { <Empty text=i18n.t("ws-none") /> }.into_any(),
                        Ok(l) => view! { <WorkshopList list=l /> }.into_any(),
                        Err(e) => view! { <p class="field-error">{i18n.msg(&e.message())}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <a class="button" href=format!("/staff/processes/{process}/workshops/new")>{i18n.t("ws-new")}</a>
        </section>
    }
}

#[component]
fn WorkshopList(list: Vec<WorkshopSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" data-test="workshop-list">
            {list.into_iter().map(|w| view! {
                <li class="card">
                    <h3><a href=format!("/staff/workshops/{}", w.id)>{w.title.clone()}</a></h3>
                    <p class="meta">{w.process_name.clone()}</p>
                    {when(i18n, w.starts_at).map(|t| view! { <p class="meta">{t}</p> })}
                    <p class="meta">
                        <span class="badge badge-current">{i18n.t(w.state.label_key())}</span>
                        " " {i18n.t("ws-code")}": " <code>{w.join_code.clone()}</code>
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The workshops a staff member runs, on the staff start page.
#[component]
pub fn MyWorkshops() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |()| list_my_workshops());
    view! {
        <section aria-labelledby="my-workshops-heading">
            <h2 id="my-workshops-heading">{i18n.t("ws-mine-staff")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) if l.is_empty() => view! { <Empty text=i18n.t("ws-none-staff") /> }.into_any(),
                        Ok(l) => view! { <WorkshopList list=l /> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Title, time, mode, place, link and action fields: the settings form of a workshop.
#[component]
fn WorkshopSettingsFields(
    info: Option<WorkshopInfo>,
    process_fields: Vec<FieldRef>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let modes = WorkshopMode::ALL.iter().map(|m| (m.as_str().to_owned(), i18n.t(m.label_key()))).collect::<Vec<_>>();
    let chosen: Vec<_> = info.as_ref().map(|i| i.fields.iter().map(|f| f.id).collect()).unwrap_or_default();
    let fields_error = field_error(errors, "action_fields");
    view! {
        <Field name="title" label=i18n.t("ws-title") value=info.as_ref().map(|i| i.title.clone()).unwrap_or_default()
            required=true maxlength=TITLE_MAX error=field_error(errors, "title") />
        <Field name="starts_at" kind="datetime-local" label=i18n.t("ws-starts")
            value=info.as_ref().and_then(|i| i.starts_at).map(|d| d.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
            error=field_error(errors, "starts_at") />
        <SelectField name="mode" label=i18n.t("ws-mode") options=modes
            selected=info.as_ref().map_or("in_person", |i| i.mode.as_str()).to_owned() error=field_error(errors, "mode") />
        <Field name="place" label=i18n.t("ws-place") value=info.as_ref().map(|i| i.place.clone()).unwrap_or_default()
            maxlength=PLACE_MAX error=field_error(errors, "place") />
        <Field name="meeting_link" kind="url" label=i18n.t("ws-link")
            value=info.as_ref().map(|i| i.meeting_link.clone()).unwrap_or_default()
            maxlength=LINK_MAX error=field_error(errors, "meeting_link") />
        <fieldset class="field checkboxes" aria-describedby="action-fields-hint action-fields-error">
            <legend>{i18n.t("ws-fields")}</legend>
            <p class="hint" id="action-fields-hint">{i18n.t("ws-fields-hint")}</p>
            {process_fields.into_iter().map(|f| {
                let id = format!("af-{}", f.id);
                let checked = chosen.contains(&f.id);
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name="action_fields[]" value=f.id.to_string() checked=checked />
                        <label for=id>{f.name}</label>
                    </div>
                }
            }).collect_view()}
            <p class="field-error" id="action-fields-error" aria-live="polite">{move || fields_error.get().map(|m| i18n.msg(&m))}</p>
        </fieldset>
    }
}

/// `/staff/processes/{id}/workshops/new`.
#[component]
pub fn NewWorkshopPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let process = Resource::new(move || params.read().get("id").unwrap_or_default(), get_process_for_edit);
    view! {
        <Title text=i18n.t("ws-new") />
        <RequireOrganizer>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match process.await {
                        Ok(p) => {
                            let create = ServerAction::<CreateWorkshop>::new();
                            let errors = action_error(create);
                            let fields = p.action_fields.iter().map(|f| FieldRef { id: f.id, name: f.name.clone() }).collect();
                            view! {
                                <section class="narrow">
                                    <p class="eyebrow">{p.name.clone()}</p>
                                    <h1>{i18n.t("ws-new")}</h1>
                                    <ActionForm action=create attr:class="form" attr:novalidate=true>
                                        <FormError error=errors />
                                        <input type="hidden" name="process_id" value=p.id.to_string() />
                                        <WorkshopSettingsFields info=None process_fields=fields errors=errors />
                                        <button type="submit">{i18n.t("ws-create")}</button>
                                    </ActionForm>
                                </section>
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireOrganizer>
    }
}

/// `/staff/workshops/{id}`: run the workshop: state, join data, live board with moderation,
/// proposals from the room, reports; organizers also settings and participants.
#[component]
pub fn StaffWorkshopPage() -> impl IntoView {
    let params = use_params_map();
    let refresh = RwSignal::new(0u32);
    let id = move || params.read().get("id").unwrap_or_default();
    let admin = Resource::new(move || (id(), refresh.get()), |(id, _)| get_workshop_admin(id));
    // Outside the refreshed part, so "saved" stays visible after the page reloads its data.
    let update = refreshing::<UpdateWorkshop>(refresh);
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match admin.await {
                    Ok(a) => view! { <StaffWorkshop admin=a refresh=refresh update=update /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn StaffWorkshop(admin: WorkshopAdmin, refresh: RwSignal<u32>, update: ServerAction<UpdateWorkshop>) -> impl IntoView {
    let i18n = use_i18n();
    let info = admin.info.clone();
    let id = info.id;
    let board = Resource::new(move || id, get_moderator_board);
    let set_state = refreshing::<SetWorkshopState>(refresh);
    let state_errors = action_error(set_state);
    let step = move |to: Option<WorkshopState>, key: &'static str| {
        to.map(|to| {
            let label = i18n.ta(key, &[("state", i18n.t(to.label_key()))]);
            view! {
                <ActionForm action=set_state attr:class="inline">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="from" value=info.state.as_str() />
                    <input type="hidden" name="to" value=to.as_str() />
                    <button type="submit" class=if key == "ws-step-back" { "secondary" } else { "" } data-test=key>{label}</button>
                </ActionForm>
            }
        })
    };
    view! {
        <Title text=info.title.clone() />
        <header class="page-head">
            <p class="eyebrow">{info.process_name.clone()}</p>
            <h1>{info.title.clone()}</h1>
            <span class="badge badge-current" data-test="ws-state">{i18n.t(info.state.label_key())}</span>
        </header>
        <WorkshopFacts info=info.clone() />
        <section class="panel state-panel" aria-labelledby="state-heading">
            <h2 id="state-heading">{i18n.t("ws-course")}</h2>
            <ol class="steps">
                {WorkshopState::ALL.iter().map(|s| {
                    let current = *s == info.state;
                    view! { <li class:current=current aria-current=current.then_some("step")>{i18n.t(s.label_key())}</li> }
                }).collect_view()}
            </ol>
            {step(info.state.previous(), "ws-step-back")}
            {step(info.state.next(), "ws-step-forward")}
            <p class="field-error" role="alert">{move || state_errors.get().map(|e| i18n.msg(&e.message()))}</p>
        </section>
        <section class="panel join-panel" aria-labelledby="join-heading">
            <h2 id="join-heading">{i18n.t("ws-join-data")}</h2>
            <div class="qr" role="img" aria-label=i18n.ta("ws-qr-label", &[("link", admin.short_link.clone())]) inner_html=admin.qr_svg.clone()></div>
            <dl class="join-data">
                <dt>{i18n.t("ws-short-link")}</dt>
                <dd><a href=admin.short_link.clone() data-test="short-link">{admin.short_link.clone()}</a></dd>
                <dt>{i18n.t("ws-code")}</dt>
                <dd><code class="join-code" data-test="join-code">{info.join_code.clone()}</code></dd>
            </dl>
            <a class="button" href=format!("/staff/workshops/{id}/beamer") target="_blank" data-test="beamer-link">{i18n.t("ws-beamer")}</a>
        </section>
        {(info.state == WorkshopState::Clustering).then(|| view! {
            <p><a class="button" href=format!("/staff/workshops/{id}/clusters") data-test="clustering-link">{i18n.t("cl-open")}</a></p>
        })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(b) => view! { <ModeratorBoard board=b /> }.into_any(),
                    Err(e) => view! { <p class="field-error">{i18n.msg(&e.message())}</p> }.into_any(),
                }
            })}
        </Suspense>
        {(!admin.reports.is_empty()).then(|| view! { <Reports admin=admin.clone() refresh=refresh /> })}
        {admin.can_configure.then(|| view! {
            <WorkshopSettings admin=admin.clone() update=update />
            <Participants admin=admin.clone() refresh=refresh />
        })}
    }
}

#[component]
fn ModeratorBoard(board: Board) -> impl IntoView {
    let i18n = use_i18n();
    let info = board.info.clone();
    let live = Live::new(&board, BoardMode::Moderator);
    connect(live, info.join_code.clone(), Source::Moderator(info.id));
    let (board_fields, board_code) = (info.fields.clone(), info.join_code.clone());
    let add = ServerAction::<AddRoomProposal>::new();
    let errors = action_error(add);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::watch(
        move || add.version().get(),
        move |_, _, _: Option<()>| {
            if let Some(Ok(p)) = add.value().get_untracked() {
                live.upsert(p);
                if let Some(form) = form.get_untracked() {
                    form.reset();
                }
            }
        },
        false,
    );
    let open = move || matches!(live.state.get(), WorkshopState::Collecting | WorkshopState::Clustering);
    view! {
        {move || {
            let (id, fields) = (info.id, info.fields.clone());
            open().then(move || view! {
            <section class="panel" aria-labelledby="room-heading">
                <details>
                    <summary><h2 id="room-heading" class="inline-heading">{i18n.t("room-add")}</h2></summary>
                    <ActionForm action=add node_ref=form attr:class="form" attr:novalidate=true>
                        <FormError error=errors />
                        <input type="hidden" name="workshop_id" value=id.to_string() />
                        <ProposalFields fields=fields errors=errors id_prefix="room-" />
                        <button type="submit">{i18n.t("room-submit")}</button>
                    </ActionForm>
                </details>
            </section>
            })
        }}
        <section aria-labelledby="mod-board-heading">
            <h2 id="mod-board-heading">{i18n.t("ws-board")}</h2>
            <p class="hint" role="status">{move || if live.connected.get() { i18n.t("live-on") } else { i18n.t("live-off") }}</p>
            <BoardView live=live fields=board_fields code=board_code />
        </section>
    }
}

#[component]
fn Reports(admin: WorkshopAdmin, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="reports-heading" data-test="reports">
            <h2 id="reports-heading">{i18n.ta("reports-heading", &[("count", admin.reports.len().to_string())])}</h2>
            <ul class="plain">
                {admin.reports.into_iter().map(|r| {
                    let dismiss = refreshing::<DismissReport>(refresh);
                    view! {
                        <li>
                            <a href=format!("/staff/proposals/{}", r.proposal_id)>{r.proposal_title.clone()}</a>
                            {(!r.reason.is_empty()).then(|| view! { ": " <q>{r.reason.clone()}</q> })}
                            <ActionForm action=dismiss attr:class="inline">
                                <input type="hidden" name="id" value=r.id.to_string() />
                                <button type="submit" class="secondary">{i18n.t("report-dismiss")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn WorkshopSettings(admin: WorkshopAdmin, update: ServerAction<UpdateWorkshop>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = action_error(update);
    let saved = Signal::derive(move || matches!(update.value().get(), Some(Ok(()))));
    view! {
        <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{i18n.t("ws-settings")}</h2>
            <ActionForm action=update attr:class="form" attr:novalidate=true>
                <FormError error=errors />
                <input type="hidden" name="id" value=admin.info.id.to_string() />
                <WorkshopSettingsFields info=Some(admin.info.clone()) process_fields=admin.process_fields.clone() errors=errors />
                <fieldset class="field checkboxes">
                    <legend>{i18n.t("ws-moderators")}</legend>
                    {admin.staff.into_iter().map(|s| {
                        let id = format!("mod-{}", s.id.0);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone() name="moderators[]" value=s.id.0.to_string() checked=s.assigned />
                                <label for=id>{s.email}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit">{i18n.t("save")}</button>
                <p class="status" role="status">{move || saved.get().then(|| i18n.t("saved"))}</p>
            </ActionForm>
        </section>
    }
}

#[component]
fn Participants(admin: WorkshopAdmin, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let export_url = <super::api::ExportParticipant as leptos::server_fn::ServerFn>::url();
    view! {
        <section class="panel" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{i18n.ta("participants-heading", &[("count", admin.participants.len().to_string())])}</h2>
            <p class="hint">{i18n.t("participants-hint")}</p>
            {if admin.participants.is_empty() {
                view! { <Empty text=i18n.t("participants-none") /> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                    <table class="table" data-test="participants">
                        <thead><tr>
                            <th scope="col">{i18n.t("join-display-name")}</th>
                            <th scope="col">{i18n.t("join-organisation")}</th>
                            <th scope="col">{i18n.t("participants-proposals")}</th>
                            <th scope="col">{i18n.t("participants-actions")}</th>
                        </tr></thead>
                        <tbody>
                            {admin.participants.into_iter().map(|p| {
                                let delete = refreshing::<DeleteParticipant>(refresh);
                                let name = if p.deleted { i18n.t("author-deleted") } else { p.display_name.clone().unwrap_or_else(|| i18n.t("author-anonymous")) };
                                let org = match (&p.organisation, p.org_type) {
                                    (Some(o), Some(t)) => format!("{o} ({})", i18n.t(t.label_key())),
                                    (Some(o), None) => o.clone(),
                                    (None, Some(t)) => i18n.t(t.label_key()),
                                    (None, None) => String::new(),
                                };
                                let export = format!("{export_url}?id={}", p.id);
                                view! {
                                    <tr>
                                        <td>{name.clone()}</td>
                                        <td>{org}</td>
                                        <td>{p.proposals}</td>
                                        <td>
                                            <a href=export download="" aria-label=i18n.ta("participant-export-label", &[("name", name.clone())])>{i18n.t("participant-export")}</a>
                                            {(!p.deleted).then(|| view! {
                                                " "
                                                <ActionForm action=delete attr:class="inline">
                                                    <input type="hidden" name="id" value=p.id.to_string() />
                                                    <button type="submit" class="secondary danger"
                                                        aria-label=i18n.ta("participant-delete-label", &[("name", name.clone())])>{i18n.t("participant-delete")}</button>
                                                </ActionForm>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// `/staff/workshops/{id}/beamer`: the projector view, full-screen, large and high-contrast.
#[component]
pub fn BeamerPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let admin = Resource::new(id, get_workshop_admin);
    let board = Resource::new(id, |id| async move {
        match super::types::WorkshopId::parse(&id) {
            Ok(id) => get_moderator_board(id).await,
            Err(e) => Err(e),
        }
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match (admin.await, board.await) {
                    (Ok(a), Ok(b)) => view! { <Beamer admin=a board=b /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Beamer(admin: WorkshopAdmin, board: Board) -> impl IntoView {
    let i18n = use_i18n();
    let info = admin.info.clone();
    let live = Live::new(&board, BoardMode::Projector);
    connect(live, info.join_code.clone(), Source::Moderator(info.id));
    let collecting = move || live.state.get() == WorkshopState::Collecting;
    let (link, qr, code) = (admin.short_link.clone(), admin.qr_svg.clone(), info.join_code.clone());
    view! {
        <Title text=i18n.ta("beamer-title", &[("title", info.title.clone())]) />
        <div class="projector" data-test="projector">
            <header class="projector-head">
                <h1>{info.title.clone()}</h1>
                <p class="projector-state">{move || i18n.t(live.state.get().label_key())}</p>
            </header>
            <div class="projector-body">
                <Show when=collecting>
                    <aside class="projector-join" aria-label=i18n.t("ws-join-data")>
                        <div class="qr" role="img" aria-label=i18n.ta("ws-qr-label", &[("link", link.clone())]) inner_html=qr.clone()></div>
                        <p class="projector-link">{link.clone()}</p>
                        <p class="projector-code">{i18n.t("ws-code")}" "<strong data-test="beamer-code">{code.clone()}</strong></p>
                    </aside>
                </Show>
                <BoardView live=live fields=info.fields.clone() code=info.join_code.clone() />
            </div>
        </div>
    }
}

/// `/staff/proposals/{id}`: a moderator edits a proposal; every version stays visible.
#[component]
pub fn ModeratorProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let refresh = RwSignal::new(0u32);
    let data = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), refresh.get()),
        |(id, _)| get_proposal_detail(id),
    );
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((detail, revision)) => {
                        let edit = refreshing::<EditProposal>(refresh);
                        let errors = action_error(edit);
                        let p = detail.proposal.clone();
                        view! {
                            <Title text=p.title.clone() />
                            <section class="narrow">
                                <p class="eyebrow"><a href=format!("/staff/workshops/{}", detail.workshop.id)>{detail.workshop.title.clone()}</a></p>
                                <h1>{p.title.clone()}</h1>
                                <p class="meta">{author_text(i18n, &p)}</p>
                                {(p.status == ProposalStatus::Hidden).then(|| view! {
                                    <p class="notice"><strong>{i18n.t("proposal-hidden")}</strong>": "{p.hidden_reason.clone().unwrap_or_default()}</p>
                                })}
                                <ActionForm action=edit attr:class="form" attr:novalidate=true>
                                    <FormError error=errors />
                                    <input type="hidden" name="id" value=p.id.to_string() />
                                    <input type="hidden" name="revision" value=revision.to_string() />
                                    <ProposalFields fields=detail.workshop.fields.clone() current=p.clone() errors=errors />
                                    <button type="submit">{i18n.t("save")}</button>
                                </ActionForm>
                                <h2>{i18n.t("history")}</h2>
                                <ol class="history" reversed data-test="history">
                                    {detail.revisions.into_iter().rev().map(|r| {
                                        let who = r.edited_by.clone().unwrap_or_else(|| i18n.t("history-original"));
                                        view! {
                                            <li>
                                                <p class="meta">{format!("{} · {}", i18n.date(r.created_at.date_naive()), r.created_at.format("%H:%M"))}" · "{who}" · "{r.action_field.clone()}</p>
                                                <p><strong>{r.title.clone()}</strong></p>
                                                {(!r.description.is_empty()).then(|| view! { <p class="prewrap">{r.description.clone()}</p> })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}
