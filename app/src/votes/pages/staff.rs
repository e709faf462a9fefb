//! `/staff/workshops/{id}/votes`: the moderator's vote rounds (hydrated): set up a round over
//! clusters and proposals, open it, watch turnout live, enter paper counts, close it, see the
//! frozen result and download the anonymous ballot file.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    i18n::use_i18n,
    processes::types::ActionFieldId,
    ui::{ErrorPage, Field, FormError, Loading, SelectField, action_error, field_error, refreshing},
    votes::{
        api::{CloseRound, CreateRound, OpenRound, SetPaper, get_votes_admin},
        components::{ResultView, clock, rules_text, turnout_text},
        tally::Method,
        types::{OPTIONS_MAX, RoundState, RoundView, VoteOption, VotesAdmin, form_key, method_label, takes_paper},
    },
    workshops::{
        api::get_workshop_admin,
        live::{BoardMode, Live, connect},
        types::{Board, FieldRef, Viewer, WorkshopId, WorkshopInfo, WorkshopState},
    },
};

#[component]
pub fn VotesPageView() -> impl IntoView {
    let id = crate::ui::route_id("id", WorkshopId::parse);
    let admin = Resource::new(id.clone(), |id| async move { get_workshop_admin(id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match admin.await {
                    Ok(a) => view! { <VotesPage board=board_of(a.info) /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The live state this page needs: the workshop's state and the vote events (no cards).
fn board_of(info: WorkshopInfo) -> Board {
    Board {
        info,
        viewer: Viewer::Moderator,
        participants: 0,
        proposals: Vec::new(),
        clusters: Vec::new(),
        version: String::new(),
    }
}

/// The live channel of the workshop keeps turnout current and reloads the rounds when one
/// changes (here or in another moderator's window).
#[component]
fn VotesPage(board: Board) -> impl IntoView {
    let i18n = use_i18n();
    let info = board.info.clone();
    let id = info.id;
    let live = Live::new(&board, BoardMode::Moderator);
    // On a reconnect, the rounds load again (turnout may have moved meanwhile).
    connect(
        live,
        info.join_code.clone(),
        std::rc::Rc::new(move || Box::pin(async move { get_workshop_admin(id).await.map(|a| board_of(a.info)) })),
    );
    let refresh = RwSignal::new(0u32);
    let admin = Resource::new(move || (refresh.get(), live.votes.get()), move |_| get_votes_admin(id));
    view! {
        <Title text=i18n.ta("vote-page-title", &[("title", info.title.clone())]) />
        <header class="page-head">
            <p class="eyebrow"><a href=format!("/staff/workshops/{id}")>{info.title.clone()}</a></p>
            <h1>{i18n.t("vote-page-heading")}</h1>
            <span class="badge badge-current">{move || i18n.t(live.state.get().label_key())}</span>
        </header>
        <p class="hint" role="status">{move || if live.connected.get() { i18n.t("live-on") } else { i18n.t("live-off") }}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match admin.await {
                    Ok(a) => view! { <Rounds admin=a live=live refresh=refresh /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Rounds(admin: VotesAdmin, live: Live, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let voting = admin.workshop.state == WorkshopState::Voting;
    let fields = admin.workshop.fields.clone();
    let any_open = admin.rounds.iter().any(|r| r.state == RoundState::Open);
    let rounds = admin
        .rounds
        .into_iter()
        .map(|r| view! { <RoundPanel round=r live=live refresh=refresh voting=voting can_open=!any_open /> })
        .collect_view();
    view! {
        {(!voting).then(|| view! { <p class="notice" role="status">{i18n.t("vote-prepare-only")}</p> })}
        <NewRound workshop=admin.workshop.id candidates=admin.candidates fields=fields refresh=refresh />
        <section aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">{i18n.t("vote-rounds")}</h2>
            <div class="rounds" data-test="rounds">{rounds}</div>
        </section>
    }
}

#[component]
fn NewRound(
    workshop: WorkshopId,
    candidates: Vec<VoteOption>,
    fields: Vec<FieldRef>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let create = refreshing::<CreateRound>(refresh);
    let errors = action_error(create);
    let methods = [Method::Dots, Method::Approval, Method::Score, Method::Ranking]
        .into_iter()
        .map(|m| (m.as_str().to_owned(), i18n.t(method_label(m))))
        .collect();
    let field_name =
        move |id: ActionFieldId| fields.iter().find(|f| f.id == id).map(|f| f.name.clone()).unwrap_or_default();
    let picks = candidates
        .iter()
        .map(|c| {
            let input_id = format!("pick-{}", c.id);
            let kind = i18n.t(if c.cluster { "vote-kind-cluster" } else { "vote-kind-proposal" });
            view! {
                <li>
                    <input type="checkbox" id=input_id.clone() name=format!("pick[{}]", form_key(&c.id)) value="on" checked=true />
                    <label for=input_id>{c.title.clone()}" "<span class="hint">{format!("{kind} · {}", field_name(c.action_field_id))}</span></label>
                </li>
            }
        })
        .collect_view();
    let pick_error = field_error(errors, "pick");
    view! {
        <section class="panel" aria-labelledby="new-round-heading">
            <details open=true>
                <summary><h2 id="new-round-heading" class="inline-heading">{i18n.t("vote-new")}</h2></summary>
                <ActionForm action=create attr:class="form" attr:novalidate=true attr:data-test="new-round">
                    <FormError error=errors />
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <Field name="title" label=i18n.t("vote-round-title") required=true maxlength=super::super::types::ROUND_TITLE_MAX
                        error=field_error(errors, "title") />
                    <SelectField name="method" label=i18n.t("vote-method") options=methods selected="dots".to_owned()
                        empty=String::new() required=true error=field_error(errors, "method") />
                    <div class="field-row">
                        <Field name="dots" kind="number" label=i18n.t("vote-dots") value="5" hint=i18n.t("vote-dots-hint") error=field_error(errors, "dots") />
                        <Field name="per_option" kind="number" label=i18n.t("vote-per-option") value="3" hint=i18n.t("vote-per-option-hint") error=field_error(errors, "per_option") />
                        <Field name="max" kind="number" label=i18n.t("vote-max") hint=i18n.t("vote-max-hint") error=field_error(errors, "max") />
                        <Field name="minutes" kind="number" label=i18n.t("vote-minutes") hint=i18n.ta("vote-minutes-hint", &[("max", super::super::types::TIMER_MAX_MINUTES.to_string())]) error=field_error(errors, "minutes") />
                    </div>
                    <div class="field check">
                        <input type="checkbox" id="live_results" name="live_results" value="on" />
                        <label for="live_results">{i18n.t("vote-live-results")}</label>
                    </div>
                    <fieldset class="picks">
                        <legend>{i18n.ta("vote-pick", &[("max", OPTIONS_MAX.to_string())])}</legend>
                        <p class="field-error" id="pick-error" aria-live="polite">{move || pick_error.get().map(|m| i18n.msg(&m))}</p>
                        <ul class="pick-list">{picks}</ul>
                    </fieldset>
                    <button type="submit" data-test="create-round">{i18n.t("vote-create")}</button>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn RoundPanel(round: RoundView, live: Live, refresh: RwSignal<u32>, voting: bool, can_open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let open = refreshing::<OpenRound>(refresh);
    let close = refreshing::<CloseRound>(refresh);
    let (open_errors, close_errors) = (action_error(open), action_error(close));
    let rid = round.id;
    let (cast, eligible) = (round.cast, round.eligible);
    let turnout = move || match live.turnout.get() {
        Some((r, c, e)) if r == rid.0 => turnout_text(i18n, c, e),
        _ => turnout_text(i18n, cast, eligible),
    };
    let heading = format!("round-{rid}");
    let state = round.state;
    let paper = (takes_paper(round.method) && state != RoundState::Closed)
        .then(|| view! { <PaperForm round=round.clone() refresh=refresh /> });
    let result = round.result.clone().map(|r| view! { <ResultView result=r /> });
    let timer = round.duration_secs.map(|s| i18n.ta("vote-timer", &[("time", clock(i64::from(s)))]));
    view! {
        <article class="panel round" aria-labelledby=heading.clone() data-test="round">
            <h3 id=heading.clone()>{format!("{}. {}", round.seq, round.title)}" "
                <span class="badge" data-test="round-state">{i18n.t(state.label_key())}</span></h3>
            <p>{i18n.t(method_label(round.method))}" · "{rules_text(i18n, &round)}{timer.map(|t| format!(" · {t}"))}
                {round.locked.then(|| view! { " · " {i18n.t("vote-locked-note")} })}</p>
            <p class="turnout" role="status" data-test="turnout">{turnout}</p>
            <FormError error=open_errors />
            <FormError error=close_errors />
            <div class="actions">
                {(state == RoundState::Draft && voting && can_open).then(|| view! {
                    <ActionForm action=open attr:class="inline">
                        <input type="hidden" name="round" value=rid.to_string() />
                        <button type="submit" data-test="open-round">{i18n.t("vote-open")}</button>
                    </ActionForm>
                })}
                {(state == RoundState::Open).then(|| view! {
                    <ActionForm action=close attr:class="inline">
                        <input type="hidden" name="round" value=rid.to_string() />
                        <button type="submit" data-test="close-round">{i18n.t("vote-close")}</button>
                    </ActionForm>
                })}
                {(state == RoundState::Closed).then(|| view! {
                    <a class="button secondary" href=format!("/api/votes/ballots.json?round={rid}") download="" data-test="ballot-file">{i18n.t("vote-ballot-file")}</a>
                })}
            </div>
            {paper}
            {result}
        </article>
    }
}

#[component]
fn PaperForm(round: RoundView, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let save = refreshing::<SetPaper>(refresh);
    let errors = action_error(save);
    let rows = round
        .options
        .iter()
        .map(|o| {
            let id = format!("paper-{}-{}", round.id, o.id);
            let field = format!("paper[{}]", form_key(&o.id));
            let value = round.paper.get(&o.id).map(ToString::to_string).unwrap_or_default();
            let f = field.clone();
            let error = Signal::derive(move || errors.get().and_then(|e| e.field(&f)));
            view! {
                <li class="paper-row">
                    <label for=id.clone()>{o.title.clone()}</label>
                    <input type="number" min="0" inputmode="numeric" id=id name=field value=value data-test="paper-input" />
                    <span class="field-error" aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="paper">
            <summary>{i18n.t("vote-paper")}</summary>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <FormError error=errors />
                <p class="hint">{i18n.t("vote-paper-hint")}</p>
                <input type="hidden" name="round" value=round.id.to_string() />
                <ul class="paper-list">{rows}</ul>
                <button type="submit" data-test="save-paper">{i18n.t("vote-paper-save")}</button>
            </ActionForm>
        </details>
    }
}
