//! The projector's view of the votes (part of the hydrated projector page): the current
//! round's title and rules, turnout live, the timer, and the result the moment the round
//! closes (or live, if the round was set up so) as a large bar chart.

use leptos::prelude::*;

use crate::{
    i18n::use_i18n,
    votes::{
        api::get_vote_screen,
        components::{ResultView, clock, rules_text, turnout_text},
        types::{RoundState, RoundView},
    },
    workshops::{live::Live, types::WorkshopId},
};

/// Loads the current round again whenever a round changes, and (live results) with turnout.
#[component]
pub fn VoteScreen(live: Live, workshop: WorkshopId) -> impl IntoView {
    let i18n = use_i18n();
    let screen = Resource::new(move || live.votes.get(), move |_| get_vote_screen(workshop));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match screen.await {
                    Ok(Some(round)) => view! { <RoundScreen round=round live=live screen=screen /> }.into_any(),
                    Ok(None) => view! { <p class="vote-screen-turnout" data-test="screen-waiting">{i18n.t("vote-none-yet")}</p> }.into_any(),
                    Err(_) => ().into_any(),
                }
            })}
        </Transition>
    }
}

type Screen = Resource<Result<Option<RoundView>, crate::error::AppError>>;

#[component]
fn RoundScreen(round: RoundView, live: Live, screen: Screen) -> impl IntoView {
    let i18n = use_i18n();
    let rid = round.id;
    let (cast, eligible) = (round.cast, round.eligible);
    let turnout = move || match live.turnout.get() {
        Some((r, c, e)) if r == rid.0 => turnout_text(i18n, c, e),
        _ => turnout_text(i18n, cast, eligible),
    };
    if round.live_results && round.state == RoundState::Open {
        // Coalesced turnout frames arrive a few times a second at most: refetch with them.
        Effect::watch(move || live.turnout.get(), move |_, _, _| screen.refetch(), false);
    }
    let remaining = RwSignal::new(round.remaining_secs);
    #[cfg(feature = "hydrate")]
    if round.remaining_secs.is_some() {
        let handle = leptos::prelude::set_interval_with_handle(
            move || remaining.update(|r| *r = r.map(|s| (s - 1).max(0))),
            std::time::Duration::from_secs(1),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    }
    let open = round.state == RoundState::Open;
    view! {
        <section class="vote-screen" aria-labelledby="vote-screen-heading" data-test="vote-screen">
            <h2 id="vote-screen-heading" lang="de">{round.title.clone()}</h2>
            <p class="vote-screen-rules">{rules_text(i18n, &round)}</p>
            <p class="vote-screen-turnout" role="status" data-test="screen-turnout">{turnout}</p>
            {open.then(|| view! {
                <p class="vote-screen-timer" data-test="screen-timer">
                    {move || remaining.get().map(|s| i18n.ta("vote-time-left-clock", &[("time", clock(s))]))}
                </p>
            })}
            {round.result.clone().map(|r| view! { <ResultView result=r projector=true /> })}
        </section>
    }
}
