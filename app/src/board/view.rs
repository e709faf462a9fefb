//! The live board: proposals grouped by action field, newest first, and the clusters formed so
//! far. Participants, moderators and the projector share it.

use leptos::prelude::*;

use crate::{
    clustering::components::ClusterList,
    i18n::use_i18n,
    proposals::components::{BoardItem, field_count},
    workshops::{
        live::{BoardMode, Live, shown},
        types::{ClusterView, FieldRef, ProposalId, ProposalStatus, live_ids},
    },
};

/// Cards per action field on the projector (the newest; the rest are counted).
pub const PROJECTOR_CARDS: usize = 12;

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
                <span data-test="proposal-count" id=live_ids::PROPOSAL_COUNT>{move || i18n.ta("board-count", &[("count", total.get().to_string())])}</span>
                " · "
                <span data-test="participant-count" id=live_ids::PARTICIPANT_COUNT>
                    {move || i18n.ta("board-participants", &[("count", live.participants.get().to_string())])}
                </span>
            </p>
            <div id=live_ids::CLUSTERS>
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
                // The projector shows the newest cards of each field that fit the wall, and how
                // many more there are; phones and moderators scroll through all.
                let on_wall = Memo::new(move |_| {
                    items.with(|l| if mode == BoardMode::Projector { l.iter().take(PROJECTOR_CARDS).cloned().collect() } else { l.clone() })
                });
                let more = move || items.with(Vec::len).saturating_sub(PROJECTOR_CARDS);
                let heading_id = format!("field-{id}");
                let code = code.clone();
                view! {
                    <section class="board-field" aria-labelledby=heading_id.clone() data-test="board-field">
                        <h2 id=heading_id.clone() class:visually-hidden=!several && mode != BoardMode::Projector>
                            {field.name.clone()}
                            " "
                            <span class="count" id=live_ids::count(id)>{move || field_count(items.with(Vec::len))}</span>
                        </h2>
                        <p class="empty" id=live_ids::empty(id) hidden=move || !items.with(Vec::is_empty)>{i18n.t("board-empty")}</p>
                        <ul class="proposals" id=live_ids::list(id)>
                            <For
                                each=move || on_wall.get()
                                key=|p| (p.id, p.title.clone(), p.description.clone(), p.status, p.mine, p.reports)
                                children={
                                    let code = code.clone();
                                    move |p| view! { <BoardItem proposal=p mode=mode code=code.clone() /> }.into_any()
                                }
                            />
                        </ul>
                        {(mode == BoardMode::Projector).then(|| view! {
                            <p class="board-more" hidden=move || more() == 0 data-test="board-more">
                                {move || i18n.ta("board-more", &[("count", more().to_string())])}
                            </p>
                        })}
                    </section>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}
