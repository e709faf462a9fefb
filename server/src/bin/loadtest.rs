//! Load test of a running Plenum: N simulated participants join one workshop, keep its live
//! board open (server-sent events), and submit proposals. Reports submissions per second,
//! submission latency, the time from a submission's acknowledgement until it reached every
//! open board, and checks that every acknowledged proposal is on the board afterwards.
//!
//! `cargo run -p server --release --bin loadtest -- --url http://127.0.0.1:3000 --code ABCDEF`
//! (`plenum demo` prints a code; `scripts/loadtest.sh` does the whole run).
//!
//! It speaks plain HTTP/1.1 over TCP itself: no HTTP client library, so what it measures is
//! the server.

use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
    time::{Duration, Instant},
};

use clap::Parser;
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
    sync::{Semaphore, watch},
};

type Error = Box<dyn std::error::Error + Send + Sync>;

#[path = "loadtest/vote.rs"]
mod vote;

#[derive(Debug, Parser, Clone)]
#[command(name = "loadtest", about = "Load test of a running Plenum workshop")]
struct Args {
    /// Base address of the server.
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    url: String,
    /// Where the live boards connect, if not to `--url`: another instance on the same
    /// PostgreSQL database (fan-out across instances).
    #[arg(long)]
    board_url: Option<String>,
    /// Join code of a workshop that is collecting proposals.
    #[arg(long)]
    code: String,
    /// Simulated participants, each with an open live board.
    #[arg(long, default_value_t = 1000)]
    participants: usize,
    /// Proposals each participant submits (at most 10: the server allows 10 per minute).
    #[arg(long, default_value_t = 3)]
    proposals: usize,
    /// Submissions per second over all participants (0: each participant as fast as it can).
    #[arg(long, default_value_t = 100.0)]
    rate: f64,
    /// What the boards read: `page` (participant pages: HTML fragments, half of them in
    /// German, half in English) or `data` (hydrated staff views: JSON events).
    #[arg(long, default_value = "page", value_parser = ["page", "data"])]
    frames: String,
    /// Process id of the server, to read its peak memory (VmHWM) afterwards.
    #[arg(long)]
    server_pid: Option<u32>,
    /// `propose` (the workshop collects proposals) or `vote` (a dot vote is open: `plenum demo
    /// --voting`; needs a staff account for the projector's stream and the close).
    #[arg(long, default_value = "propose", value_parser = ["propose", "vote"])]
    mode: String,
    /// Voting: the share of participants who change their ballot after casting it.
    #[arg(long, default_value_t = 0.2)]
    changes: f64,
    /// Voting: a staff account (organizer) that watches turnout like the projector and closes.
    #[arg(long, default_value = "")]
    staff_email: String,
    #[arg(long, default_value = "")]
    staff_password: String,
}

/// One HTTP/1.1 connection with keep-alive. The server closes a connection left idle (after
/// 30 s); like a browser, a request that finds its kept connection closed before any answer
/// is sent again on a new one.
struct Conn {
    stream: BufReader<TcpStream>,
    host: String,
    used: bool,
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// The server closed the connection before it answered (the request was not taken).
#[derive(Debug)]
struct ClosedBeforeAnswer;

impl std::fmt::Display for ClosedBeforeAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the connection closed before an answer")
    }
}

impl std::error::Error for ClosedBeforeAnswer {}

impl Conn {
    async fn open(addr: &str) -> Result<Self, Error> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self { stream: BufReader::new(stream), host: addr.to_owned(), used: false })
    }

    async fn request(&mut self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Result<Answer, Error> {
        match self.attempt(method, path, cookie, body).await {
            Err(e) if self.used && e.is::<ClosedBeforeAnswer>() => {
                *self = Self::open(&self.host).await?;
                self.attempt(method, path, cookie, body).await
            }
            answer => answer,
        }
    }

    async fn attempt(&mut self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Result<Answer, Error> {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\nContent-Length: {}\r\n",
            self.host,
            body.len()
        );
        if !body.is_empty() {
            head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        }
        if let Some(cookie) = cookie {
            head.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        if self.stream.get_mut().write_all(head.as_bytes()).await.is_err() {
            return Err(ClosedBeforeAnswer.into());
        }
        // Nothing at all to read: closed (or reset) before the answer began.
        match self.stream.fill_buf().await {
            Ok([]) | Err(_) => return Err(ClosedBeforeAnswer.into()),
            Ok(_) => {}
        }
        let (status, headers) = read_head(&mut self.stream).await?;
        let body = read_body(&mut self.stream, &headers).await?;
        self.used = true;
        Ok(Answer { status, headers, body })
    }
}

async fn read_head(stream: &mut BufReader<TcpStream>) -> Result<(u16, Vec<(String, String)>), Error> {
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or("bad status line")?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err("connection closed in the head".into());
        }
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            return Ok((status, headers));
        }
        if let Some((k, v)) = trimmed.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

async fn read_body(stream: &mut BufReader<TcpStream>, headers: &[(String, String)]) -> Result<Vec<u8>, Error> {
    if header(headers, "transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        let mut body = Vec::new();
        while let Some(chunk) = read_chunk(stream).await? {
            body.extend_from_slice(&chunk);
        }
        return Ok(body);
    }
    let len: usize = header(headers, "content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    stream.read_exact(&mut body).await?;
    Ok(body)
}

/// One chunk of a chunked body; `None` at its end.
async fn read_chunk(stream: &mut BufReader<TcpStream>) -> Result<Option<Vec<u8>>, Error> {
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Err("connection closed".into());
    }
    let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16)?;
    let mut chunk = vec![0; size + 2];
    stream.read_exact(&mut chunk).await?;
    chunk.truncate(size);
    Ok((size > 0).then_some(chunk))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".into(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// Where a board reloads its snapshot when told to `resync`.
struct Snapshot {
    addr: String,
    code: String,
    cookie: String,
}

/// What one board saw: when each proposal arrived, and how often it reloaded its snapshot.
struct Seen {
    arrivals: Vec<(u128, Instant)>,
    resyncs: usize,
    /// Bytes of the stream's body read.
    bytes: usize,
}

/// Reads a live board until it has seen `expected` proposals (or the run says stop: then with
/// what it saw so far); returns when each proposal arrived. Told to `resync` (it fell behind),
/// it reloads its snapshot as a real board does: the proposals in it count as arrived then.
async fn board(
    mut stream: BufReader<TcpStream>,
    mut expected: watch::Receiver<Option<usize>>,
    mut stop: watch::Receiver<bool>,
    snapshot: Snapshot,
) -> Result<Seen, Error> {
    let mut arrivals = Vec::new();
    let mut seen = HashSet::new();
    let (mut resyncs, mut bytes) = (0, 0);
    loop {
        if let Some(total) = *expected.borrow()
            && seen.len() >= total
        {
            return Ok(Seen { arrivals, resyncs, bytes });
        }
        let chunk = tokio::select! {
            chunk = read_chunk(&mut stream) => chunk?,
            changed = expected.changed() => {
                if changed.is_err() { return Ok(Seen { arrivals, resyncs, bytes }); }
                continue;
            }
            _ = stop.changed() => return Ok(Seen { arrivals, resyncs, bytes }),
        };
        let Some(chunk) = chunk else { return Ok(Seen { arrivals, resyncs, bytes }) };
        bytes += chunk.len();
        let now = Instant::now();
        // Cheap on purpose (the tool shares the CPU with the server): the server writes whole
        // events per chunk, so the chunk's bytes are searched as they are. A data frame starts
        // `data: {"type":"upsert","proposal":{"id":"…"`, a page frame has `"ops":[["put","p-…"`.
        if find(&chunk, b"event: resync").is_some() {
            resyncs += 1;
            let mut conn = Conn::open(&snapshot.addr).await?;
            let path = format!("/api/w/board?code={}", snapshot.code);
            let answer = conn.request("GET", &path, Some(&snapshot.cookie), "").await?;
            let body: serde_json::Value = serde_json::from_slice(&answer.body)?;
            let now = Instant::now();
            for id in body["proposals"].as_array().into_iter().flatten().filter_map(|p| p["id"].as_str()) {
                if let Some(id) = id_key(id.as_bytes())
                    && seen.insert(id)
                {
                    arrivals.push((id, now));
                }
            }
            continue;
        }
        for pattern in [&b"data: {\"type\":\"upsert\",\"proposal\":{\"id\":\""[..], &b"\"ops\":[[\"put\",\"p-"[..]] {
            let mut rest = &chunk[..];
            while let Some(at) = find(rest, pattern) {
                rest = &rest[at + pattern.len()..];
                if let Some(id) = rest.get(..36).and_then(id_key)
                    && seen.insert(id)
                {
                    arrivals.push((id, now));
                }
            }
        }
    }
}

/// The server's resident memory now and at its peak (with `--server-pid`).
fn memory(pid: Option<u32>) -> String {
    let Some(pid) = pid else { return String::new() };
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field =
        |name: &str| status.lines().find(|l| l.starts_with(name)).map_or("?", |l| l[name.len()..].trim()).to_owned();
    format!(" (server memory {}, peak {})", field("VmRSS:"), field("VmHWM:"))
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A proposal id (36 characters with dashes) as a number: 16 bytes per arrival, not a string.
fn id_key(text: &[u8]) -> Option<u128> {
    let mut key = 0u128;
    let mut digits = 0;
    for &b in text.get(..36)? {
        if b == b'-' {
            continue;
        }
        key = key << 4 | u128::from(char::from(b).to_digit(16)?);
        digits += 1;
    }
    (digits == 32).then_some(key)
}

/// Opens a live board; `lang` set: as a participant page in that language.
/// Opens a live board, on `kept` (the connection the participant joined with, as a browser
/// reuses its idle connection for the page's event stream) or on a new connection.
async fn open_board(
    addr: &str,
    code: &str,
    cookie: &str,
    lang: Option<&str>,
    kept: Option<BufReader<TcpStream>>,
) -> Result<BufReader<TcpStream>, Error> {
    let mut stream = match kept {
        Some(stream) => stream,
        None => BufReader::new(TcpStream::connect(addr).await?),
    };
    let (query, cookie) = match lang {
        Some(lang) => ("?page=1", format!("{cookie}; plenum_lang={lang}")),
        None => ("", cookie.to_owned()),
    };
    let head = format!(
        "GET /w/{code}/live{query} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\nCookie: {cookie}\r\n\r\n"
    );
    stream.get_mut().write_all(head.as_bytes()).await?;
    let (status, _) = read_head(&mut stream).await?;
    if status != 200 {
        return Err(format!("live channel answered {status}").into());
    }
    // The first event says the channel is open.
    let hello = read_chunk(&mut stream).await?.unwrap_or_default();
    if !String::from_utf8_lossy(&hello).contains("hello") {
        return Err("no hello on the live channel".into());
    }
    Ok(stream)
}

struct Submission {
    id: Option<String>,
    status: u16,
    sent: Instant,
    acked: Instant,
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args = Args::parse();
    let addr = args.url.trim_start_matches("http://").trim_end_matches('/').to_owned();
    let board_addr = args
        .board_url
        .as_deref()
        .map_or_else(|| addr.clone(), |url| url.trim_start_matches("http://").trim_end_matches('/').to_owned());
    let code = args.code.trim().to_ascii_uppercase();
    let n = args.participants;
    println!(
        "Plenum load test: {n} participants, {} proposals each, rate {}/s, server {}",
        args.proposals, args.rate, args.url
    );

    // 1. Everyone joins (64 at a time, like a room scanning the QR code).
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(64));
    let mut joins = Vec::new();
    for i in 0..n {
        let (addr, code, gate) = (addr.clone(), code.clone(), gate.clone());
        joins.push(tokio::spawn(async move {
            let _permit = gate.acquire().await?;
            let mut conn = Conn::open(&addr).await?;
            let body = format!("code={code}&display_name={}&consent=yes", encode(&format!("Teilnehmende {i}")));
            let answer = conn.request("POST", "/api/w/join", None, &body).await?;
            if answer.status != 200 {
                return Err(format!("join answered {}", answer.status).into());
            }
            let cookie = header(&answer.headers, "set-cookie").and_then(|c| c.split(';').next()).ok_or("no cookie")?;
            Ok::<_, Error>((cookie.to_owned(), conn))
        }));
    }
    let mut people = Vec::new();
    for join in joins {
        people.push(join.await??);
    }
    println!("joined: {n} in {:.1} s{}", started.elapsed().as_secs_f64(), memory(args.server_pid));
    if args.mode == "vote" {
        return vote::run(&args, &addr, &code, people).await;
    }

    // The action fields of the workshop, from the board.
    let (cookie0, conn0) = &mut people[0];
    let snapshot = conn0.request("GET", &format!("/api/w/board?code={code}"), Some(cookie0), "").await?;
    let snapshot: serde_json::Value = serde_json::from_slice(&snapshot.body)?;
    let fields: Vec<String> = snapshot["info"]["fields"]
        .as_array()
        .ok_or("no fields")?
        .iter()
        .filter_map(|f| f["id"].as_str().map(str::to_owned))
        .collect();

    // 2. Everyone opens the live board: on the connection they joined with, as a browser does
    // (to another instance: on a new one). Proposals go on a second connection, opened when
    // needed and closed by the server once idle, as a phone's would be.
    let (cookies, conns): (Vec<String>, Vec<Conn>) = people.into_iter().unzip();
    let (expected_tx, expected_rx) = watch::channel(None::<usize>);
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut boards = Vec::new();
    let mut opens = Vec::new();
    for (i, (cookie, conn)) in cookies.iter().zip(conns).enumerate() {
        let kept = (board_addr == addr).then_some(conn.stream);
        let (addr, code, cookie, gate) = (board_addr.clone(), code.clone(), cookie.clone(), gate.clone());
        let lang = (args.frames == "page").then_some(if i % 2 == 0 { "de" } else { "en" });
        opens.push(tokio::spawn(async move {
            let _permit = gate.acquire().await?;
            let stream = open_board(&addr, &code, &cookie, lang, kept).await?;
            Ok::<_, Error>((stream, Snapshot { addr, code, cookie }))
        }));
    }
    for open in opens {
        let (stream, snapshot) = open.await??;
        boards.push(tokio::spawn(board(stream, expected_rx.clone(), stop_rx.clone(), snapshot)));
    }
    println!("live boards open: {} ({} frames) on {board_addr}{}", boards.len(), args.frames, memory(args.server_pid));

    // 3. Submissions, on a fixed schedule (open loop) or as fast as each participant can.
    let total = n * args.proposals;
    let begin = Instant::now() + Duration::from_millis(200);
    let mut submitters = Vec::new();
    for (p, cookie) in cookies.into_iter().enumerate() {
        let (addr, code, fields, rate, count) = (addr.clone(), code.clone(), fields.clone(), args.rate, args.proposals);
        submitters.push(tokio::spawn(async move {
            let mut done = Vec::new();
            let mut kept: Option<Conn> = None;
            for k in 0..count {
                if rate > 0.0 {
                    let slot = (k * n + p) as f64 / rate;
                    tokio::time::sleep_until((begin + Duration::from_secs_f64(slot)).into()).await;
                }
                let field = &fields[(p + k) % fields.len()];
                let body = format!(
                    "code={code}&action_field={field}&title={}&description={}",
                    encode(&format!("Vorschlag {k} von Person {p}")),
                    encode("Fortbildungen zu Diskriminierung für Lehrkräfte und Schulsozialarbeit.")
                );
                let sent = Instant::now();
                let conn = match &mut kept {
                    Some(conn) => conn,
                    None => kept.insert(Conn::open(&addr).await?),
                };
                let answer = conn.request("POST", "/api/w/submit", Some(&cookie), &body).await?;
                let acked = Instant::now();
                let id = if answer.status == 200 {
                    serde_json::from_slice::<serde_json::Value>(&answer.body)?["id"].as_str().map(str::to_owned)
                } else {
                    None
                };
                done.push(Submission { id, status: answer.status, sent, acked });
            }
            Ok::<_, Error>(done)
        }));
    }
    let mut submissions = Vec::new();
    for s in submitters {
        submissions.extend(s.await??);
    }
    let acked: Vec<&Submission> = submissions.iter().filter(|s| s.id.is_some()).collect();
    let mut failures: HashMap<u16, usize> = HashMap::new();
    for s in submissions.iter().filter(|s| s.id.is_none()) {
        *failures.entry(s.status).or_default() += 1;
    }
    expected_tx.send(Some(acked.len()))?;

    // 4. Every board stops once it has seen every acknowledged proposal, or 10 s after the last
    // acknowledgement with what it saw by then.
    let stopper = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(10)).await;
        let _ = stop_tx.send(true);
    });
    let mut arrivals: HashMap<u128, Vec<Instant>> = HashMap::new();
    let mut complete_boards = 0;
    let (mut resyncs, mut resynced_boards, mut bytes) = (0, 0, 0);
    for b in boards {
        let seen = b.await??;
        if seen.arrivals.len() >= acked.len() {
            complete_boards += 1;
        }
        resyncs += seen.resyncs;
        resynced_boards += usize::from(seen.resyncs > 0);
        bytes += seen.bytes;
        for (id, at) in seen.arrivals {
            arrivals.entry(id).or_default().push(at);
        }
    }
    stopper.abort();

    // 5. Figures.
    let first = acked.iter().map(|s| s.sent).min();
    let last = acked.iter().map(|s| s.acked).max();
    let span = match (first, last) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => f64::NAN,
    };
    let mut latency: Vec<f64> = acked.iter().map(|s| (s.acked - s.sent).as_secs_f64() * 1e3).collect();
    latency.sort_by(f64::total_cmp);
    let mut all_boards = Vec::new();
    let mut each_delivery = Vec::new();
    let mut missing = 0usize;
    for s in &acked {
        let id = s.id.as_deref().unwrap_or_default();
        let times = id_key(id.as_bytes()).and_then(|k| arrivals.get(&k)).map(Vec::as_slice).unwrap_or(&[]);
        missing += n - times.len().min(n);
        for t in times {
            each_delivery.push(t.saturating_duration_since(s.acked).as_secs_f64() * 1e3);
        }
        if times.len() == n
            && let Some(latest) = times.iter().max()
        {
            all_boards.push(latest.saturating_duration_since(s.acked).as_secs_f64() * 1e3);
        }
    }
    all_boards.sort_by(f64::total_cmp);
    each_delivery.sort_by(f64::total_cmp);

    // 6. Nothing lost: every acknowledged proposal is on the board a re-sync loads.
    let mut check = Conn::open(&addr).await?;
    let cookie_check = {
        let body = format!("code={code}&display_name=Kontrolle&consent=yes");
        let answer = check.request("POST", "/api/w/join", None, &body).await?;
        header(&answer.headers, "set-cookie").and_then(|c| c.split(';').next()).ok_or("no cookie")?.to_owned()
    };
    let snapshot = check.request("GET", &format!("/api/w/board?code={code}"), Some(&cookie_check), "").await?;
    let snapshot: serde_json::Value = serde_json::from_slice(&snapshot.body)?;
    let on_board: HashSet<&str> =
        snapshot["proposals"].as_array().ok_or("no proposals")?.iter().filter_map(|p| p["id"].as_str()).collect();
    let lost = acked.iter().filter(|s| !on_board.contains(s.id.as_deref().unwrap_or_default())).count();

    println!("submissions: {} sent, {} acknowledged, refused: {failures:?}", total, acked.len());
    println!("throughput: {:.0} acknowledged submissions/s over {span:.2} s", acked.len() as f64 / span);
    println!(
        "submission latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latency, 50.0),
        percentile(&latency, 99.0),
        latency.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "fan-out, acknowledgement → on all {n} boards: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} of {} proposals reached every board)",
        percentile(&all_boards, 50.0),
        percentile(&all_boards, 99.0),
        all_boards.last().copied().unwrap_or(f64::NAN),
        all_boards.len(),
        acked.len()
    );
    println!(
        "fan-out, each delivery: p50 {:.1} ms, p99 {:.1} ms ({} deliveries, {missing} missing, {complete_boards} of {n} boards complete)",
        percentile(&each_delivery, 50.0),
        percentile(&each_delivery, 99.0),
        each_delivery.len()
    );
    println!(
        "resyncs: {resyncs} snapshot reloads on {resynced_boards} of {n} boards (counted as arrivals when reloaded)"
    );
    println!(
        "live bytes: {:.1} MB read by all boards, {:.0} bytes per board and proposal",
        bytes as f64 / 1e6,
        bytes as f64 / (n as f64 * acked.len().max(1) as f64)
    );
    println!("lost: {lost} acknowledged proposals missing from the board afterwards");
    if let Some(pid) = args.server_pid {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let peak = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: unknown");
        println!("server peak memory: {}", peak.trim_start_matches("VmHWM:").trim());
    }
    if lost > 0 || missing > 0 {
        return Err(format!("{lost} proposals lost, {missing} deliveries missing").into());
    }
    Ok(())
}
