//! The participant's ballot, a region of the workshop page (`/w/{code}`, no wasm): the open
//! round's form, posted as plain HTML (or through `live.js`), with the saved ballot shown once
//! it is durable; or the result of the round that closed last.

use leptos::prelude::*;

use crate::{
    error::{AppError, Msg},
    i18n::{I18n, use_i18n},
    ui::{FormError, action_error},
    votes::{
        api::{CastBallot, get_ballot_page},
        components::{ResultView, clock, rules_text},
        tally::{Method, SCORE_MAX},
        types::{BallotPage, RoundState, RoundView, option_field},
    },
};

/// The votes region of a participant's page.
#[component]
pub fn VoteRegion(code: String) -> impl IntoView {
    let page = Resource::new(move || code.clone(), get_ballot_page);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <BallotSection page=page /> }.into_any(),
                    Err(e) => view! { <section id="ballot" data-region=""><FormError error=Signal::stored(Some(e)) /></section> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn region_key(round: Option<&RoundView>) -> String {
    round.map_or_else(
        || "none".to_owned(),
        |r| format!("{}-{}-{}-{}", r.id, r.state.as_str(), r.method.as_str(), r.options.len()),
    )
}

#[component]
fn BallotSection(page: BallotPage) -> impl IntoView {
    let i18n = use_i18n();
    let key = region_key(page.round.as_ref());
    let body = match page.round.clone() {
        None => view! { <p class="notice" role="status">{i18n.t("vote-none-yet")}</p> }.into_any(),
        Some(round) if round.state == RoundState::Open => {
            view! { <BallotForm page=page.clone() round=round /> }.into_any()
        }
        Some(round) => match round.result.clone() {
            Some(result) => view! {
                <h3 dir="auto">{round.title.clone()}</h3>
                <p class="notice" role="status">{i18n.t("vote-closed-notice")}</p>
                <ResultView result=result />
            }
            .into_any(),
            None => view! { <p class="notice">{i18n.t("vote-none-yet")}</p> }.into_any(),
        },
    };
    view! {
        <section id="ballot" class="ballot panel" aria-labelledby="ballot-heading" data-region="" data-key=key>
            <h2 id="ballot-heading">{i18n.t("vote-heading")}</h2>
            {body}
        </section>
    }
}

fn field_msg(errors: Signal<Option<AppError>>, field: String) -> Signal<Option<Msg>> {
    Signal::derive(move || errors.get().and_then(|e| e.field(&field)))
}

#[component]
fn BallotForm(page: BallotPage, round: RoundView) -> impl IntoView {
    let i18n = use_i18n();
    let cast = ServerAction::<CastBallot>::new();
    let errors = action_error(cast);
    let voted = page.saved.is_some();
    // Entries that came back with errors win over the saved ballot.
    let saved = page.draft.clone().or_else(|| page.saved.clone()).unwrap_or_default();
    let dots = (round.method == Method::Dots).then(|| round.settings.dots.unwrap_or(5));
    let spent: u32 = if dots.is_some() { saved.values().filter_map(|v| v.parse::<u32>().ok()).sum() } else { 0 };
    let whole = field_msg(errors, "ballot".to_owned());
    let timer = round.remaining_secs.map(|secs| {
        view! {
            <p class="timer" data-test="timer">
                {i18n.t("vote-time-left")}" "<strong data-ends-in=secs.to_string()>{clock(secs)}</strong>
            </p>
            <p class="status-warn" role="alert" data-unsaved-warning="" hidden=true>{i18n.t("vote-unsaved-warning")}</p>
        }
    });
    let status = if page.abstained { Some(i18n.t("vote-abstained")) } else { voted.then(|| i18n.t("vote-counted")) };
    let options = round
        .options
        .iter()
        .map(|o| {
            let value = saved.get(&o.id).cloned().unwrap_or_default();
            let error = field_msg(errors, option_field(&o.id));
            view! { <OptionInput round=round.clone() id=o.id.clone() title=o.title.clone() value=value error=error /> }
        })
        .collect_view();
    view! {
        <h3 data-test="round-title">{round.title.clone()}</h3>
        <p>{rules_text(i18n, &round)}</p>
        {timer}
        {status.map(|s| view! { <p class="status-ok" role="status" data-test="vote-status">{s}</p> })}
        <ActionForm action=cast attr:class="form ballot-form" attr:novalidate=true attr:data-fetch=""
            attr:data-dots=dots.map(|d| d.to_string())>
            <FormError error=errors />
            <input type="hidden" name="code" value=page.code.clone() />
            <input type="hidden" name="round" value=round.id.to_string() />
            {dots.map(|d| view! { <DotsLeft i18n=i18n left=d.saturating_sub(spent) total=d /> })}
            <p class="field-error" id="ballot-error" aria-live="polite">{move || whole.get().map(|m| i18n.msg(&m))}</p>
            <ul class="ballot-options">{options}</ul>
            <p class="hint" data-offline="" hidden=true role="alert">{i18n.t("vote-offline")}</p>
            <div class="actions">
                <button type="submit" data-test="cast">{i18n.t(if voted { "vote-change" } else { "vote-cast" })}</button>
                <button type="submit" class="secondary" name="abstain" value="1" data-test="abstain">{i18n.t("vote-abstain")}</button>
            </div>
        </ActionForm>
    }
}

#[component]
fn DotsLeft(i18n: I18n, left: u32, total: u32) -> impl IntoView {
    // Every count from 0 to the dots of the round, written out: plural forms differ by
    // language (Ukrainian and Arabic have more than "one" and "other").
    let texts: Vec<String> =
        (0..=total.min(100)).map(|n| i18n.ta("vote-dots-left", &[("count", n.to_string())])).collect();
    let texts = serde_json::to_string(&texts).unwrap_or_default();
    view! {
        <p class="dots-left" aria-live="polite" data-test="dots-left" data-dots-left="" data-texts=texts
            data-one=i18n.ta("vote-dots-left", &[("count", "1".into())]).replace('1', "{n}")
            data-other=i18n.ta("vote-dots-left", &[("count", "7".into())]).replace('7', "{n}")>
            {i18n.ta("vote-dots-left", &[("count", left.to_string())])}
        </p>
    }
}

/// The input of one option, as the method asks for it.
#[component]
fn OptionInput(
    round: RoundView,
    id: String,
    title: String,
    value: String,
    error: Signal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = option_field(&id);
    let input_id = format!("opt-{id}");
    let error_id = format!("{input_id}-error");
    let invalid = move || error.get().is_some().then_some("true");
    let input = match round.method {
        Method::Dots => {
            let max = round.settings.per_option.unwrap_or(3);
            view! { <input type="number" inputmode="numeric" min="0" max=max.to_string() id=input_id.clone() name=name
            value=value data-dot="" aria-describedby=error_id.clone() aria-invalid=invalid /> }
            .into_any()
        }
        Method::Approval => {
            view! { <input type="checkbox" id=input_id.clone() name=name value="on" checked=!value.is_empty()
            aria-describedby=error_id.clone() aria-invalid=invalid /> }
            .into_any()
        }
        Method::Score => {
            let choices = (0..=SCORE_MAX)
                .map(|n| {
                    let v = n.to_string();
                    let selected = value == v;
                    view! { <option value=v.clone() selected=selected>{v.clone()}</option> }
                })
                .collect_view();
            view! { <select id=input_id.clone() name=name aria-describedby=error_id.clone() aria-invalid=invalid>
            <option value="" selected=value.is_empty()>{i18n.t("vote-score-none")}</option>{choices}</select> }
            .into_any()
        }
        Method::Ranking => {
            let max = round.options.len();
            view! { <input type="number" inputmode="numeric" min="1" max=max.to_string() id=input_id.clone() name=name
            value=value aria-describedby=error_id.clone() aria-invalid=invalid /> }
            .into_any()
        }
    };
    let unit = match round.method {
        Method::Dots => i18n.t("vote-unit-dots"),
        Method::Score => i18n.ta("vote-unit-score", &[("max", SCORE_MAX.to_string())]),
        Method::Ranking => i18n.t("vote-unit-place"),
        Method::Approval => String::new(),
    };
    view! {
        <li class="ballot-option" class:ballot-check=round.method == Method::Approval data-test="ballot-option">
            <label for=input_id.clone()>{title}</label>
            <span class="ballot-input">{input}<span class="hint">{unit}</span></span>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</p>
        </li>
    }
}
