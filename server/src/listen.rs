//! The HTTP listener: HTTP/1.1 connections, at most a set number open at once, each given a
//! time limit for sending a request's head (which also closes keep-alive connections left
//! idle), and a graceful shutdown.
//!
//! `axum::serve` bounds none of this: a script could open connections that send nothing and
//! hold a file descriptor and ~25 KB of buffers each, for ever. Browsers speak HTTP/1.1 to
//! Plenum (HTTP/2 needs TLS, which the reverse proxy ends), so this serves HTTP/1.1 only.

use std::{io::Write, net::SocketAddr, sync::Arc, time::Duration};

use axum::{Router, body::Body, extract::ConnectInfo, http::Request};
use hyper::body::Incoming;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
};
use tokio::{net::TcpListener, sync::Semaphore};
use tower::ServiceExt;

/// What the listener bounds.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Connections open at once (live boards included); the next one is answered 503.
    pub connections: usize,
    /// How long a connection may take to send a request's head, counted from the connection
    /// or from the end of its previous answer: idle keep-alive connections close after it.
    pub head: Duration,
}

/// How long an idle connection stays open (browsers reconnect by themselves).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(30);

/// Connections open at once by default (`PLENUM_MAX_CONNECTIONS`): room for the
/// [`app::server::streams::TOTAL`] live boards and the requests beside them.
pub const MAX_CONNECTIONS: usize = 25_000;

/// File descriptors kept for the database, files and logs beside the connections.
const RESERVED_FILES: u64 = 256;

/// Raises this process's limit of open files to the most the system allows (as systemd's soft
/// limit of 1,024 would otherwise stop Plenum at ~1,000 open boards) and returns how many
/// connections fit under it, at most `wanted`.
pub fn fit_connections(wanted: usize) -> usize {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE) else {
        return wanted;
    };
    let soft = if soft < hard && setrlimit(Resource::RLIMIT_NOFILE, hard, hard).is_ok() { hard } else { soft };
    let fit = usize::try_from(soft.saturating_sub(RESERVED_FILES)).unwrap_or(usize::MAX).max(1);
    if fit < wanted {
        tracing::warn!(
            open_files = soft,
            connections = fit,
            "the limit of open files allows only {fit} connections (raise LimitNOFILE to allow {wanted})"
        );
    }
    wanted.min(fit)
}

/// The answer to a connection beyond the limit, written straight into the socket.
fn full_answer(limit: usize) -> Vec<u8> {
    let text = format!(
        "Der Server hat alle {limit} Verbindungen belegt. Bitte gleich noch einmal versuchen.\n\
         The server holds its {limit} connections. Please try again shortly.\n"
    );
    format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\nretry-after: 5\r\n\
         cache-control: no-store\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{text}",
        text.len()
    )
    .into_bytes()
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the open connections
/// finish their answers (live streams end by themselves on shutdown) and returns.
pub async fn run(listener: TcpListener, app: Router, limits: Limits, shutdown: impl Future<Output = ()>) {
    let permits = Arc::new(Semaphore::new(limits.connections));
    let full = full_answer(limits.connections);
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.head).keep_alive(true);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors or a connection reset before it was taken: the
                    // next accept may well succeed; a short pause keeps this from spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            // Full: a short answer, and the connection closes without holding anything. The
            // send buffer of a new socket is empty, so this write does not wait.
            if let Ok(mut socket) = stream.into_std() {
                let _ = socket.write(&full);
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            let mut request = request.map(Body::new);
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(remote));
            app.clone().oneshot(request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                // Timeouts and clients that went away: nothing to act on.
                tracing::debug!(error = %e, %remote, "connection ended");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}
