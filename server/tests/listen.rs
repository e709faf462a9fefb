//! The listener bounds what a caller can make the server hold: connections that send nothing
//! or stay idle are closed after the head timeout, the connection beyond the limit is answered
//! 503 at once, a freed slot serves again, and shutdown returns with idle connections open.
#![allow(clippy::unwrap_used)]

use std::{net::SocketAddr, time::Duration};

use axum::{Router, extract::ConnectInfo, routing::get};
use futures::StreamExt;
use server::listen::{self, Limits};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    sync::oneshot,
    task::JoinHandle,
};

/// A server answering `GET /` with the caller's address, and the sender that stops it.
async fn start(limits: Limits) -> (SocketAddr, oneshot::Sender<()>, JoinHandle<()>) {
    // `/stream` answers slowly, for longer than any head timeout here, as a live board does.
    let slow = || async {
        let ticks = futures::stream::iter(0..10).then(|i| async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            Ok::<_, std::convert::Infallible>(format!("tick {i}\n"))
        });
        axum::body::Body::from_stream(ticks)
    };
    let app = Router::new()
        .route("/", get(|ConnectInfo(remote): ConnectInfo<SocketAddr>| async move { remote.to_string() }))
        .route("/stream", get(slow));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(listen::run(listener, app, limits, async move {
        let _ = stopped.await;
    }));
    (addr, stop, server)
}

/// Sends one request and reads its answer (the body is short: one read suffices).
async fn request(stream: &mut TcpStream) -> String {
    stream.write_all(b"GET / HTTP/1.1\r\nHost: plenum\r\n\r\n").await.unwrap();
    let mut buf = vec![0; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf)).await.unwrap().unwrap();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

/// Waits until the server closes `stream` (a read returns nothing, or the connection resets).
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> bool {
    let mut buf = vec![0; 4096];
    tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .is_ok()
}

#[tokio::test]
async fn idle_and_silent_connections_are_closed_after_the_head_timeout() {
    let (addr, stop, server) = start(Limits { connections: 10, head: Duration::from_millis(300) }).await;

    // A kept-alive connection is served, then closed once it stays idle.
    let mut idle = TcpStream::connect(addr).await.unwrap();
    let answer = request(&mut idle).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("127.0.0.1:"), "the handler sees the caller's address: {answer}");
    assert!(closed_within(&mut idle, Duration::from_secs(3)).await, "an idle keep-alive connection is closed");

    // A connection that sends half a head, and one that sends nothing, are closed too.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET / HT").await.unwrap();
    let mut silent = TcpStream::connect(addr).await.unwrap();
    assert!(closed_within(&mut slow, Duration::from_secs(3)).await, "a head sent slowly is cut off");
    assert!(closed_within(&mut silent, Duration::from_secs(3)).await, "a silent connection is closed");

    // An answer that takes longer than the timeout is not cut off: the connection is not idle.
    let mut live = TcpStream::connect(addr).await.unwrap();
    live.write_all(b"GET /stream HTTP/1.1\r\nHost: plenum\r\nConnection: close\r\n\r\n").await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), live.read_to_end(&mut answer)).await.unwrap().unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.contains("tick 0") && answer.contains("tick 9"), "a long answer arrives whole: {answer}");

    // Within the timeout a connection serves request after request.
    let mut busy = TcpStream::connect(addr).await.unwrap();
    for _ in 0..3 {
        assert!(request(&mut busy).await.starts_with("HTTP/1.1 200"));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server).await.unwrap().unwrap();
}

#[tokio::test]
async fn the_connection_beyond_the_limit_is_refused_and_a_freed_slot_serves_again() {
    let (addr, stop, server) = start(Limits { connections: 2, head: Duration::from_secs(30) }).await;
    let mut first = TcpStream::connect(addr).await.unwrap();
    let mut second = TcpStream::connect(addr).await.unwrap();
    assert!(request(&mut first).await.starts_with("HTTP/1.1 200"));
    assert!(request(&mut second).await.starts_with("HTTP/1.1 200"));

    let mut third = TcpStream::connect(addr).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), third.read_to_end(&mut answer)).await.unwrap().unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("alle 2 Verbindungen"), "the limit is named in German: {answer}");
    assert!(answer.contains("its 2 connections"), "and in English: {answer}");
    assert!(answer.to_ascii_lowercase().contains("retry-after: 5"), "{answer}");

    // The first one still works; once it closes, a new connection is served.
    assert!(request(&mut first).await.starts_with("HTTP/1.1 200"));
    drop(first);
    let mut served = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let mut next = TcpStream::connect(addr).await.unwrap();
        if request(&mut next).await.starts_with("HTTP/1.1 200") {
            served = true;
            break;
        }
    }
    assert!(served, "the slot of a closed connection is given to the next one");
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server).await.unwrap().unwrap();
}

#[tokio::test]
async fn shutdown_returns_with_idle_connections_open_and_takes_no_new_ones() {
    let (addr, stop, server) = start(Limits { connections: 10, head: Duration::from_secs(30) }).await;
    let mut idle = TcpStream::connect(addr).await.unwrap();
    assert!(request(&mut idle).await.starts_with("HTTP/1.1 200"));
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server).await.unwrap().unwrap();
    assert!(closed_within(&mut idle, Duration::from_secs(3)).await, "idle connections are closed on shutdown");
    assert!(TcpStream::connect(addr).await.is_err(), "the port is no longer listening");
}

#[test]
fn the_open_files_limit_is_raised_and_bounds_the_connections() {
    let fit = listen::fit_connections(usize::MAX);
    assert!((1..usize::MAX).contains(&fit), "bounded by the open files limit: {fit}");
    assert_eq!(listen::fit_connections(3), 3, "a lower wish is kept");
}
