//! Pieces of the workshop pages shared by participants and staff: when and where it is.

use leptos::prelude::*;

use crate::{
    i18n::{I18n, use_i18n},
    workshops::types::WorkshopInfo,
};

/// "05.03.2026, 18:00 Uhr".
pub fn when(i18n: I18n, starts_at: Option<chrono::NaiveDateTime>) -> Option<String> {
    starts_at
        .map(|dt| i18n.ta("ws-starts-at", &[("date", i18n.date(dt.date())), ("time", dt.format("%H:%M").to_string())]))
}

/// Title, time, place and link of a workshop.
#[component]
pub fn WorkshopFacts(info: WorkshopInfo) -> impl IntoView {
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
