//! The live board: proposals grouped by action field, newest first, kept current by the
//! workshop's event stream. Participants, moderators and the projector share it.

use leptos::prelude::*;

use crate::{
    clustering::types::ClusterView,
    i18n::{I18n, use_i18n},
    processes::types::ActionFieldId,
    proposals::api::HideProposal,
    ui::{action_error, field_error},
    workshops::types::{
        Author, Board, BoardProposal, FieldRef, LiveEvent, ProposalId, ProposalStatus, WorkshopId, WorkshopState,
    },
};

/// Who the board is for: what it shows and how it reacts to events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardMode {
    Participant,
    Moderator,
    Projector,
}

/// The reactive state of one open board.
#[derive(Clone, Copy)]
pub struct Live {
    pub proposals: RwSignal<Vec<BoardProposal>>,
    pub clusters: RwSignal<Vec<ClusterView>>,
    pub participants: RwSignal<u64>,
    pub state: RwSignal<WorkshopState>,
    pub connected: RwSignal<bool>,
    pub mode: BoardMode,
    pub workshop: WorkshopId,
}

impl Live {
    #[must_use]
    pub fn new(board: &Board, mode: BoardMode) -> Self {
        Self {
            proposals: RwSignal::new(board.proposals.clone()),
            clusters: RwSignal::new(board.clusters.clone()),
            participants: RwSignal::new(board.participants),
            state: RwSignal::new(board.info.state),
            connected: RwSignal::new(false),
            mode,
            workshop: board.info.id,
        }
    }

    /// Replaces everything with a fresh snapshot.
    pub fn reset(&self, board: Board) {
        self.proposals.set(board.proposals);
        self.clusters.set(board.clusters);
        self.participants.set(board.participants);
        self.state.set(board.info.state);
    }

    /// Adds or replaces a proposal, keeping the newest first; an own proposal stays marked.
    pub fn upsert(&self, proposal: BoardProposal) {
        self.proposals.update(|list| {
            if let Some(existing) = list.iter_mut().find(|p| p.id == proposal.id) {
                let mine = existing.mine || proposal.mine;
                *existing = BoardProposal { mine, ..proposal };
            } else {
                let at = list.iter().position(|p| p.created_at < proposal.created_at).unwrap_or(list.len());
                list.insert(at, proposal);
            }
        });
    }

    /// Applies an event; `true` when the board has to reload its snapshot to show it right
    /// (a hidden proposal that its author or a moderator still sees).
    pub fn apply(&self, event: LiveEvent) -> bool {
        match event {
            LiveEvent::Upsert { proposal } => {
                self.upsert(*proposal);
                false
            }
            LiveEvent::Remove { id, .. } => {
                let mine = self.proposals.with_untracked(|l| l.iter().any(|p| p.id == id && p.mine));
                if self.mode == BoardMode::Moderator || mine {
                    return true;
                }
                self.proposals.update(|l| l.retain(|p| p.id != id));
                false
            }
            LiveEvent::Participants { count } => {
                self.participants.set(count);
                false
            }
            LiveEvent::State { state } => {
                self.state.set(state);
                false
            }
            LiveEvent::Clusters { clusters } => {
                self.clusters.set(clusters);
                false
            }
        }
    }
}

/// Where a board reloads its snapshot from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Participant(String),
    Moderator(WorkshopId),
}

#[cfg(feature = "hydrate")]
impl Source {
    async fn fetch(&self) -> Result<Board, crate::error::AppError> {
        match self {
            Self::Participant(code) => crate::board::api::get_board(code.clone()).await,
            Self::Moderator(id) => crate::board::api::get_moderator_board(*id).await,
        }
    }
}

/// Opens the live channel of the workshop for this board (in the browser; nothing on the server).
/// On each (re)connect the snapshot is loaded again; events arriving meanwhile are applied after it.
#[cfg_attr(not(feature = "hydrate"), expect(unused_variables, reason = "the channel opens in the browser only"))]
pub fn connect(live: Live, code: String, source: Source) {
    #[cfg(feature = "hydrate")]
    {
        use std::{cell::RefCell, rc::Rc};

        use send_wrapper::SendWrapper;
        use wasm_bindgen::{JsCast, closure::Closure};

        let Ok(events) = web_sys::EventSource::new(&format!("/w/{code}/live")) else {
            return;
        };
        let pending: Rc<RefCell<Option<Vec<LiveEvent>>>> = Rc::new(RefCell::new(None));
        let resync: Rc<dyn Fn()> = {
            let pending = pending.clone();
            Rc::new(move || {
                if pending.borrow().is_some() {
                    return;
                }
                *pending.borrow_mut() = Some(Vec::new());
                let (pending, source) = (pending.clone(), source.clone());
                leptos::task::spawn_local(async move {
                    let result = source.fetch().await;
                    let buffered = pending.borrow_mut().take().unwrap_or_default();
                    if let Ok(board) = result {
                        live.reset(board);
                    }
                    for event in buffered {
                        live.apply(event);
                    }
                });
            })
        };
        let on_open = {
            let resync = resync.clone();
            Closure::<dyn FnMut()>::new(move || {
                live.connected.set(true);
                resync();
            })
        };
        let on_error = Closure::<dyn FnMut()>::new(move || live.connected.set(false));
        let on_message = {
            let (resync, pending) = (resync.clone(), pending.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
                let Some(data) = message.data().as_string() else { return };
                let Ok(event) = serde_json::from_str::<LiveEvent>(&data) else { return };
                if let Some(buffer) = pending.borrow_mut().as_mut() {
                    buffer.push(event);
                    return;
                }
                if live.apply(event) {
                    resync();
                }
            })
        };
        let on_resync = Closure::<dyn FnMut()>::new(move || resync());
        events.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        events.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        events.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let _ = events.add_event_listener_with_callback("resync", on_resync.as_ref().unchecked_ref());
        let handle = SendWrapper::new((events, on_open, on_error, on_message, on_resync));
        on_cleanup(move || {
            let (events, ..) = &*handle;
            events.close();
        });
    }
}

/// Whether a proposal belongs on this board (hidden ones: moderators; own ones: the author).
fn shown(p: &BoardProposal, mode: BoardMode) -> bool {
    match mode {
        BoardMode::Moderator => true,
        BoardMode::Participant | BoardMode::Projector => p.status == ProposalStatus::Visible,
    }
}

/// The count after an action field's heading, "(3)".
#[must_use]
pub fn field_count(count: usize) -> String {
    format!("({count})")
}

/// The ids by which live fragments find their place on a participant's page.
pub mod ids {
    use crate::{processes::types::ActionFieldId, workshops::types::ProposalId};

    pub const PROPOSAL_COUNT: &str = "board-proposal-count";
    pub const PARTICIPANT_COUNT: &str = "board-participant-count";
    pub const CLUSTERS: &str = "board-clusters";

    #[must_use]
    pub fn item(id: ProposalId) -> String {
        format!("p-{id}")
    }
    #[must_use]
    pub fn list(field: ActionFieldId) -> String {
        format!("list-{field}")
    }
    #[must_use]
    pub fn count(field: ActionFieldId) -> String {
        format!("count-{field}")
    }
    #[must_use]
    pub fn empty(field: ActionFieldId) -> String {
        format!("empty-{field}")
    }
}

/// The board: one section per action field with its count, newest proposals first.
#[component]
pub fn BoardView(live: Live, fields: Vec<FieldRef>, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let mode = live.mode;
    let total = Memo::new(move |_| live.proposals.with(|l| l.iter().filter(|p| shown(p, mode)).count()));
    let several = fields.len() > 1;
    let titles = move |members: &[ProposalId]| -> Vec<String> {
        live.proposals.with(|l| {
            members
                .iter()
                .filter_map(|m| {
                    l.iter().find(|p| p.id == *m && p.status == ProposalStatus::Visible).map(|p| p.title.clone())
                })
                .collect()
        })
    };
    view! {
        <div class="board" class:board-projector=mode == BoardMode::Projector data-test="board" id="board">
            <p class="board-status" role="status" aria-live="polite">
                <span data-test="proposal-count" id=ids::PROPOSAL_COUNT>{move || i18n.ta("board-count", &[("count", total.get().to_string())])}</span>
                " · "
                <span data-test="participant-count" id=ids::PARTICIPANT_COUNT>
                    {move || i18n.ta("board-participants", &[("count", live.participants.get().to_string())])}
                </span>
            </p>
            <div id=ids::CLUSTERS>
                {move || {
                    let clusters: Vec<(ClusterView, Vec<String>)> =
                        live.clusters.get().into_iter().map(|c| { let names = titles(&c.members); (c, names) }).collect();
                    view! { <ClusterList clusters=clusters projector=mode == BoardMode::Projector /> }
                }}
            </div>
            {fields.into_iter().map(|field| {
                let id = field.id;
                let items = Memo::new(move |_| {
                    live.proposals.with(|l| l.iter().filter(|p| p.action_field_id == id && shown(p, mode)).cloned().collect::<Vec<_>>())
                });
                let heading_id = format!("field-{id}");
                let code = code.clone();
                view! {
                    <section class="board-field" aria-labelledby=heading_id.clone() data-test="board-field">
                        <h2 id=heading_id.clone() class:visually-hidden=!several && mode != BoardMode::Projector>
                            {field.name.clone()}
                            " "
                            <span class="count" id=ids::count(id)>{move || field_count(items.with(Vec::len))}</span>
                        </h2>
                        <p class="empty" id=ids::empty(id) hidden=move || !items.with(Vec::is_empty)>{i18n.t("board-empty")}</p>
                        <ul class="proposals" id=ids::list(id)>
                            <For
                                each=move || items.get()
                                key=|p| (p.id, p.title.clone(), p.description.clone(), p.status, p.mine, p.reports)
                                children={
                                    let code = code.clone();
                                    move |p| view! { <BoardItem proposal=p mode=mode code=code.clone() /> }.into_any()
                                }
                            />
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

/// One card of the board in its list item: what a live fragment inserts or replaces by id.
#[component]
pub fn BoardItem(proposal: BoardProposal, mode: BoardMode, code: String) -> impl IntoView {
    let id = ids::item(proposal.id);
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
            <h3>{p.title.clone()}</h3>
            {(!p.description.is_empty()).then(|| view! { <p class="prewrap">{p.description.clone()}</p> })}
            {(!details.is_empty() && mode != BoardMode::Projector).then(|| view! {
                <dl class="proposal-details">
                    {details.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
            })}
            <p class="meta">
                {author_text(i18n, &p)}
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
    let restore = ServerAction::<crate::proposals::api::RestoreProposal>::new();
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

/// The clusters formed so far, with their cards' titles (on the projector: titles and counts).
#[component]
pub fn ClusterList(clusters: Vec<(ClusterView, Vec<String>)>, projector: bool) -> impl IntoView {
    let i18n = use_i18n();
    (!clusters.is_empty()).then(|| {
        let heading = i18n.ta("clusters-count", &[("count", clusters.len().to_string())]);
        view! {
            <section class="clusters-live" aria-labelledby="clusters-live-heading" data-test="board-clusters">
                <h2 id="clusters-live-heading">{heading}</h2>
                <ul class="cluster-cards">
                    {clusters.into_iter().map(|(c, names)| {
                        let count = i18n.ta("board-count", &[("count", names.len().to_string())]);
                        view! {
                            <li class="cluster-card">
                                <h3>{c.title.clone()}</h3>
                                <p class="meta">{count}</p>
                                {(!c.summary.is_empty()).then(|| view! { <p>{c.summary.clone()}</p> })}
                                {(!projector).then(|| view! {
                                    <ul class="cluster-members">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
