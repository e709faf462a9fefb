//! Board pages: the participant's page (`/w/{code}`: join, propose, board; never hydrates),
//! the staff page of a workshop with its live moderation board (`staff`), and the projector.

mod staff;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub use staff::StaffWorkshopPage;

use crate::participants::pages::{JoinView, NotOpen};
use crate::proposals::pages::{OwnProposal, ProposalFields, ProposalForm};
use crate::{
    board::{
        api::{get_entry, get_moderator_board},
        view::BoardView,
    },
    i18n::use_i18n,
    proposals::api::AddRoomProposal,
    ui::{Empty, ErrorPage, FormError, Loading, action_error},
    workshops::{
        api::get_workshop_admin,
        live::{BoardMode, Live, Reload, connect},
        types::{Board, Entry, Me, WorkshopAdmin, WorkshopState},
    },
};

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
                    Ok(Entry::NotOpen(info, mine)) => view! { <NotOpen info=info mine=mine /> }.into_any(),
                    Ok(Entry::Join(info)) => view! { <JoinView info=info entry=entry /> }.into_any(),
                    Ok(Entry::Joined { board, me }) => view! { <ParticipantView board=board me=me /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The participant's page: greeting, the form while collecting, their own proposals, the board.
/// It never hydrates: `live.js` keeps it current, swapping in the server's fragments (the
/// regions by id on a snapshot, single cards and counts on a change).
#[component]
pub fn ParticipantView(board: Board, me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let info = board.info.clone();
    let code = info.join_code.clone();
    let live = Live::new(&board, BoardMode::Participant);
    let collecting = board.info.state == WorkshopState::Collecting;
    let sent_by_redirect = query.read_untracked().get("sent").is_some();
    let reported = query.read_untracked().get("reported").is_some();
    let me_id = me.id;
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
                <p class="eyebrow" dir="auto">{info.process_name.clone()}</p>
                <h1 dir="auto">{info.title.clone()}</h1>
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
                        view! { <ProposalForm code=form_code.clone() fields=form_fields.clone() sent=sent_by_redirect participant=me_id /> }.into_any()
                    } else {
                        view! { <p class="notice" role="status">{i18n.t(state_notice(state))}</p> }.into_any()
                    }
                }}
            </div>
            // Outside voting the region is an empty place the snapshot fills when voting begins.
            {if board.info.state == WorkshopState::Voting {
                view! { <crate::votes::pages::VoteRegion code=code.clone() /> }.into_any()
            } else {
                view! { <div id="ballot" data-region="" data-key="off"></div> }.into_any()
            }}
            <crate::surveys::pages::answer::WorkshopSurveys code=code.clone() />
            <section id="mine" aria-labelledby="mine-heading" class="mine" data-region="">
                <h2 id="mine-heading">{i18n.t("ws-mine")}</h2>
                {move || mine.with(Vec::is_empty).then(|| view! { <Empty text=i18n.t("ws-mine-empty") /> })}
                <ul class="proposals" data-test="mine">
                    <For each=move || mine.get() key=|p| (p.id, p.title.clone(), p.description.clone(), p.status)
                        children=move |p| {
                            let code = mine_code.clone();
                            let own = format!("own-{}", crate::workshops::types::live_ids::item(p.id));
                            view! { <li id=own><OwnProposal proposal=p code=code collecting=collecting /></li> }
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

/// The moderator's snapshot, for a staff board's live channel to load again.
fn reload_moderator_board(id: crate::workshops::types::WorkshopId) -> Reload {
    std::rc::Rc::new(move || Box::pin(crate::board::api::get_moderator_board(id)))
}

pub fn state_notice(state: WorkshopState) -> &'static str {
    match state {
        WorkshopState::Clustering => "ws-notice-clustering",
        WorkshopState::Voting => "ws-notice-voting",
        WorkshopState::Closed => "ws-closed",
        WorkshopState::Draft => "ws-not-started",
        WorkshopState::Collecting => "ws-notice-collecting",
    }
}

#[component]
pub fn ModeratorBoard(board: Board) -> impl IntoView {
    let i18n = use_i18n();
    let info = board.info.clone();
    let live = Live::new(&board, BoardMode::Moderator);
    connect(live, info.join_code.clone(), reload_moderator_board(info.id));
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

/// `/staff/workshops/{id}/beamer`: the projector view, full-screen, large and high-contrast.
#[component]
pub fn BeamerPage() -> impl IntoView {
    let id = crate::ui::route_id("id", crate::workshops::types::WorkshopId::parse);
    let admin = Resource::new(id.clone(), |id| async move { get_workshop_admin(id?).await });
    let board = Resource::new(id, |id| async move { get_moderator_board(id?).await });
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
pub fn Beamer(admin: WorkshopAdmin, board: Board) -> impl IntoView {
    let i18n = use_i18n();
    let info = admin.info.clone();
    let live = Live::new(&board, BoardMode::Projector);
    connect(live, info.join_code.clone(), reload_moderator_board(info.id));
    let collecting = move || live.state.get() == WorkshopState::Collecting;
    let (link, qr, code) = (admin.short_link.clone(), admin.qr_svg.clone(), info.join_code.clone());
    // The moderator may show the fixed texts in a second language the workshop offers too.
    let query = leptos_router::hooks::use_query_map();
    let second = query
        .with_untracked(|q| q.get("lang2"))
        .and_then(|c| crate::i18n::Lang::parse(&c))
        .filter(|l| *l != i18n.lang && info.languages.offers(*l));
    let twice = move |key: &'static str| {
        let second = second.map(|l| view! {
            <span class="second-lang" lang=l.code() dir=l.dir() data-test="second-lang">{crate::i18n::t(l, key)}</span>
        });
        view! { {i18n.t(key)}{second} }
    };
    view! {
        <Title text=i18n.ta("beamer-title", &[("title", info.title.clone())]) />
        <div class="projector" data-test="projector">
            <header class="projector-head">
                <h1 dir="auto">{info.title.clone()}</h1>
                <p class="projector-state">{move || twice(live.state.get().label_key())}</p>
            </header>
            <div class="projector-body">
                <Show when=collecting>
                    <aside class="projector-join" aria-label=i18n.t("ws-join-data")>
                        <div class="qr" role="img" aria-label=i18n.ta("ws-qr-label", &[("link", link.clone())]) inner_html=qr.clone()></div>
                        <p class="projector-link">{link.clone()}</p>
                        <p class="projector-join-label">{twice("ws-join-data")}</p>
                        <p class="projector-code">{twice("ws-code")}" "<strong data-test="beamer-code">{code.clone()}</strong></p>
                    </aside>
                </Show>
                <crate::surveys::pages::answer::BeamerSurveys workshop=info.id />
                <Show when=move || live.state.get() == WorkshopState::Voting>
                    <crate::votes::pages::VoteScreen live=live workshop=info.id />
                </Show>
                <Show when=move || live.state.get() != WorkshopState::Voting>
                    <BoardView live=live fields=info.fields.clone() code=info.join_code.clone() />
                </Show>
            </div>
        </div>
    }
}
