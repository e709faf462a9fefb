//! The clusters formed so far, as the boards show them (and their live fragment).

use leptos::prelude::*;

use crate::{i18n::use_i18n, workshops::types::ClusterView};

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
                                <h3 dir="auto">{c.title.clone()}</h3>
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
