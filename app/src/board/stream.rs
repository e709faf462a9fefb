//! The live channel of a board: server-sent events at `/w/{code}/live`.
//!
//! Hydrated staff boards get data events and load their snapshot on every (re)connect.
//! Participant pages ask with `?page=1` and get HTML fragments in their language: the first
//! event (`hello`) names the version the stream starts from, every `page` event the version it
//! makes; a page that sees a gap loads its snapshot again. `EventSource` reconnects by itself
//! after a sleep or a restart of the server (`retry: 1000`); on shutdown every stream ends.

use std::{convert::Infallible, time::Duration};

use axum::{
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use tokio::sync::broadcast::error::RecvError;

use crate::{
    auth::{self, types::Actor},
    error::AppError,
    i18n::{LANG_COOKIE, Lang},
    participants::api::participant_cookie,
    server::{
        AppState, cookie_from_headers,
        live::Audience,
        streams::{Holder, PER_HOLDER, Refusal, TOTAL},
    },
    workshops::{service, types::WorkshopId},
};

/// `?page=1`: the stream of a participant page (fragments instead of data).
#[derive(Debug, Default, serde::Deserialize)]
pub struct StreamKind {
    #[serde(default)]
    page: Option<String>,
}

/// Who may listen: the workshop's participants (by their cookie) and its staff. A stream
/// without `?page=1` is a staff view's: it gets the data frames only with a staff session of
/// the workshop; a participant always gets the page frames (`true`).
async fn authorise(
    state: &AppState,
    code: &str,
    headers: &HeaderMap,
    page: bool,
) -> Result<(WorkshopId, bool, Holder), AppError> {
    let session = cookie_from_headers(headers, auth::SESSION_COOKIE).filter(|_| !page);
    let actor = match &session {
        Some(session) => auth::service::session_user(&state.db, session).await?.map_or(Actor::Anonymous, Actor::Staff),
        None => Actor::Anonymous,
    };
    if let (Actor::Staff(user), Some(session)) = (&actor, &session)
        && let Ok(id) = service::workshop_of_code(&state.db, &actor, code).await
    {
        let holder = Holder::Session { token_hash: auth::service::token_hash(session), user: user.id.0 };
        return Ok((id, false, holder));
    }
    let token = cookie_from_headers(headers, &participant_cookie(code));
    match crate::participants::service::resolve(&state.db, code, token.as_deref()).await {
        Ok(p) => Ok((p.workshop_id(), true, Holder::Participant(p.record.id))),
        Err(AppError::Unauthenticated) if !matches!(actor, Actor::Anonymous) => Err(AppError::Forbidden),
        Err(e) => Err(e),
    }
}

/// The event stream of one workshop's boards.
pub async fn events(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(kind): Query<StreamKind>,
    headers: HeaderMap,
) -> Response {
    let (workshop, participant, holder) = match authorise(&state, &code, &headers, kind.page.is_some()).await {
        Ok(who) => who,
        Err(e) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::FORBIDDEN);
            return (status, [(header::CACHE_CONTROL, "no-store")], e.to_string()).into_response();
        }
    };
    // A few streams per phone or staff session, a bounded number in all; the refusal says why
    // (the page's script stops reconnecting on a status other than 200).
    let permit = match state.streams.admit(holder) {
        Ok(permit) => permit,
        Err(refusal) => {
            let text = match refusal {
                Refusal::Holder => {
                    format!("at most {PER_HOLDER} live connections per participant or staff session")
                }
                Refusal::Full => format!("this server holds {TOTAL} live connections: try again shortly"),
            };
            let status = match refusal {
                Refusal::Holder => StatusCode::TOO_MANY_REQUESTS,
                Refusal::Full => StatusCode::SERVICE_UNAVAILABLE,
            };
            return (status, [(header::CACHE_CONTROL, "no-store"), (header::RETRY_AFTER, "30")], text).into_response();
        }
    };
    let audience = if kind.page.is_some() || participant {
        let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        let lang = Lang::from_headers(cookie_from_headers(&headers, LANG_COOKIE).as_deref(), accept);
        // The fragments come in the language the page itself was rendered in.
        let offer = crate::server::languages::offer_of_page(&state.db, &format!("/w/{code}")).await;
        Audience::Page(offer.map_or(lang, |o| lang.within(&o.langs())))
    } else {
        Audience::Data
    };
    let subscription = state.live.subscribe(workshop.0, audience);
    let hello = Bytes::from(format!("retry: 1000\nevent: hello\ndata: {{\"v\":\"{}\"}}\n\n", subscription.version));
    let hello = futures::stream::once(async move { Ok::<_, Infallible>(hello) });
    // Frames are shared as they are (serialised once for all boards); a comment every 20 s
    // keeps proxies and phones from closing a quiet connection. On shutdown the stream ends.
    // The permit travels with the stream: dropped (the slot freed) when the stream ends.
    let open = (subscription.frames, subscription.closing, permit);
    let changes = futures::stream::unfold(open, |(mut receiver, mut closing, mut permit)| async move {
        if *closing.borrow() || *permit.ended.borrow() {
            return None;
        }
        let frame = tokio::select! {
            // Frames already sent go out before the stream ends.
            biased;
            received = receiver.recv() => match received {
                Ok(first) => batch(first, &mut receiver),
                // This board fell behind: it reloads its snapshot.
                Err(RecvError::Lagged(_)) => vec![Bytes::from_static(b"event: resync\ndata: {}\n\n")],
                Err(RecvError::Closed) => return None,
            },
            _ = closing.changed() => return None,
            // The participant was deleted, the session ended, the account changed.
            _ = permit.ended.changed() => return None,
            () = tokio::time::sleep(Duration::from_secs(20)) => vec![Bytes::from_static(b": keep-alive\n\n")],
        };
        Some((frame, (receiver, closing, permit)))
    });
    let changes = futures::StreamExt::flat_map(changes, |frames| {
        futures::stream::iter(frames.into_iter().map(Ok::<_, Infallible>))
    });
    let mut response = Body::from_stream(futures::StreamExt::chain(hello, changes)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Proxies (nginx) must not buffer the stream.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

/// The frame just received plus those already waiting: under load a board gets several events
/// per wake-up, which the server writes together (one vectored system call). The frames stay
/// the shared ones: a board that is behind holds references, not copies.
fn batch(first: Bytes, receiver: &mut tokio::sync::broadcast::Receiver<Bytes>) -> Vec<Bytes> {
    let mut frames = vec![first];
    while frames.len() < 64 {
        match receiver.try_recv() {
            Ok(frame) => frames.push(frame),
            Err(_) => break,
        }
    }
    frames
}
