//! The voting mode: N participants cast a dot ballot in the open round (some change it), their
//! phones keep the live page open, a staff stream watches turnout like the projector. Reports
//! ballots per second, send → acknowledgement latency, the time from the last ballot until the
//! turnout showed it, what the phones received meanwhile, and checks that the frozen result
//! equals the tally of every acknowledged ballot (the last one per participant).

use std::{
    collections::BTreeMap,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use tokio::{io::AsyncWriteExt, net::TcpStream, sync::watch};

use super::{Args, Conn, Error, encode, header, open_board, percentile, read_chunk, read_head};

struct Cast {
    participant: usize,
    ballot: BTreeMap<String, u32>,
    first: bool,
    status: u16,
    sent: Instant,
    acked: Instant,
}

/// The ballot of participant `p` (and its changed version): 3 + 2 dots on two options.
fn ballot(options: &[String], p: usize, changed: bool) -> BTreeMap<String, u32> {
    let k = options.len();
    let mut b = BTreeMap::new();
    if changed {
        b.insert(options[(p + 2) % k].clone(), 1);
        b.insert(options[(p + 3) % k].clone(), 3);
    } else {
        b.insert(options[p % k].clone(), 3);
        b.insert(options[(p + 1) % k].clone(), 2);
    }
    b
}

async fn login(addr: &str, email: &str, password: &str) -> Result<String, Error> {
    let mut conn = Conn::open(addr).await?;
    // The login form names its server function's address (as a browser would find it).
    let page = conn.request("GET", "/login", None, "").await?;
    let page = String::from_utf8_lossy(&page.body);
    let action = page
        .split("action=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .filter(|a| a.starts_with("/api/"))
        .ok_or("no login form on /login")?
        .to_owned();
    let body = format!("email={}&password={}", encode(email), encode(password));
    let answer = conn.request("POST", &action, None, &body).await?;
    if answer.status != 200 {
        return Err(format!("staff login answered {}", answer.status).into());
    }
    let cookie = header(&answer.headers, "set-cookie").and_then(|c| c.split(';').next()).ok_or("no session cookie")?;
    Ok(cookie.to_owned())
}

/// The projector's stream: every turnout frame it got, with when, until told to stop.
async fn projector(
    addr: String,
    code: String,
    session: String,
    mut stop: watch::Receiver<bool>,
) -> Result<Vec<(Instant, usize)>, Error> {
    let mut stream = tokio::io::BufReader::new(TcpStream::connect(&addr).await?);
    let head = format!(
        "GET /w/{code}/live HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\nCookie: {session}\r\n\r\n"
    );
    stream.get_mut().write_all(head.as_bytes()).await?;
    let (status, _) = read_head(&mut stream).await?;
    if status != 200 {
        return Err(format!("projector stream answered {status}").into());
    }
    let mut buffer = String::new();
    let mut seen = Vec::new();
    loop {
        let chunk = tokio::select! {
            chunk = read_chunk(&mut stream) => chunk?,
            _ = stop.changed() => return Ok(seen),
        };
        let Some(chunk) = chunk else { return Ok(seen) };
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if let Some(at) = event.find("\"type\":\"turnout\"")
                && let Some(cast) = event[at..].split("\"cast\":").nth(1)
                && let Some(cast) =
                    cast.split(|c: char| !c.is_ascii_digit()).next().and_then(|c| c.parse::<usize>().ok())
            {
                seen.push((now, cast));
            }
        }
    }
}

/// A phone's live page: counts the frames it gets while the round is open.
async fn phone(stream: tokio::io::BufReader<TcpStream>, frames: Arc<AtomicUsize>, mut stop: watch::Receiver<bool>) {
    let mut stream = stream;
    loop {
        tokio::select! {
            chunk = read_chunk(&mut stream) => match chunk {
                Ok(Some(c)) if c.starts_with(b"event: page") => { frames.fetch_add(1, Ordering::Relaxed); }
                Ok(Some(_)) => {}
                _ => return,
            },
            _ = stop.changed() => return,
        }
    }
}

pub async fn run(args: &Args, addr: &str, code: &str, people: Vec<(String, Conn)>) -> Result<(), Error> {
    let n = people.len();
    let mut people = people;
    let session = login(addr, &args.staff_email, &args.staff_password).await?;
    let (cookie0, conn0) = &mut people[0];
    let page = conn0.request("GET", &format!("/api/w/ballot?code={code}"), Some(cookie0), "").await?;
    let page: serde_json::Value = serde_json::from_slice(&page.body)?;
    let round = page["round"]["id"].as_str().ok_or("no open round: run `plenum demo --voting`")?.to_owned();
    let options: Vec<String> = page["round"]["options"]
        .as_array()
        .ok_or("no options")?
        .iter()
        .filter_map(|o| o["id"].as_str().map(str::to_owned))
        .collect();
    let board = conn0.request("GET", &format!("/api/w/board?code={code}"), Some(cookie0), "").await?;
    let workshop =
        serde_json::from_slice::<serde_json::Value>(&board.body)?["info"]["id"].as_str().unwrap_or_default().to_owned();

    // Every phone keeps its page's live stream open; the projector watches turnout.
    let (stop_tx, stop_rx) = watch::channel(false);
    let screen = tokio::spawn(projector(addr.to_owned(), code.to_owned(), session.clone(), stop_rx.clone()));
    let frames = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(tokio::sync::Semaphore::new(64));
    let mut opens = Vec::new();
    for (i, (cookie, _)) in people.iter().enumerate() {
        let (addr, code, cookie, gate) = (addr.to_owned(), code.to_owned(), cookie.clone(), gate.clone());
        opens.push(tokio::spawn(async move {
            let _permit = gate.acquire().await?;
            open_board(&addr, &code, &cookie, Some(if i % 2 == 0 { "de" } else { "en" }), None).await
        }));
    }
    let mut phones = Vec::new();
    for open in opens {
        phones.push(tokio::spawn(phone(open.await??, frames.clone(), stop_rx.clone())));
    }
    println!("phones with the live page open: {n}; dot vote over {} options", options.len());

    // Ballots on a fixed schedule (open loop): first every participant's, then the changes.
    let changers = ((n as f64) * args.changes).round() as usize;
    let total = n + changers;
    let begin = Instant::now() + Duration::from_millis(200);
    let mut tasks = Vec::new();
    for (p, (cookie, mut conn)) in people.into_iter().enumerate() {
        let (code, round, options, rate) = (code.to_owned(), round.clone(), options.clone(), args.rate);
        tasks.push(tokio::spawn(async move {
            let mut done = Vec::new();
            let slots = if p < changers { vec![(p, false), (n + p, true)] } else { vec![(p, false)] };
            for (slot, changed) in slots {
                if rate > 0.0 {
                    tokio::time::sleep_until((begin + Duration::from_secs_f64(slot as f64 / rate)).into()).await;
                }
                let ballot = ballot(&options, p, changed);
                let fields: String = ballot.iter().map(|(id, n)| format!("&ballot%5Bo{id}%5D={n}")).collect();
                let body = format!("code={code}&round={round}{fields}");
                let sent = Instant::now();
                let answer = conn.request("POST", "/api/w/vote", Some(&cookie), &body).await?;
                done.push(Cast {
                    participant: p,
                    ballot,
                    first: !changed,
                    status: answer.status,
                    sent,
                    acked: Instant::now(),
                });
            }
            Ok::<_, Error>(done)
        }));
    }
    let mut casts = Vec::new();
    for t in tasks {
        casts.extend(t.await??);
    }
    let ok: Vec<&Cast> = casts.iter().filter(|c| c.status == 200).collect();
    let refused = casts.len() - ok.len();
    let voters: std::collections::HashSet<usize> = ok.iter().map(|c| c.participant).collect();
    let last_first = ok.iter().filter(|c| c.first).map(|c| c.acked).max();
    // Give the last coalesced frame time to arrive, then stop the projector and the phones.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let phone_frames = frames.load(Ordering::Relaxed);
    let _ = stop_tx.send(true);
    let turnout_frames = screen.await??;
    let shown = turnout_frames.iter().find(|(_, cast)| *cast >= voters.len()).map(|(at, _)| *at);

    // Close, then compare the frozen result with the tally of the acknowledged ballots.
    let mut staff = Conn::open(addr).await?;
    let closed = staff.request("POST", "/api/votes/close", Some(&session), &format!("round={round}")).await?;
    if closed.status != 200 {
        return Err(format!("closing answered {}", closed.status).into());
    }
    let mut last: BTreeMap<usize, &Cast> = BTreeMap::new();
    for c in &ok {
        if last.get(&c.participant).is_none_or(|prev| prev.acked < c.acked) {
            last.insert(c.participant, c);
        }
    }
    let mut expected: BTreeMap<String, u64> = options.iter().map(|o| (o.clone(), 0)).collect();
    for c in last.values() {
        for (id, dots) in &c.ballot {
            *expected.entry(id.clone()).or_default() += u64::from(*dots);
        }
    }
    let admin = staff.request("GET", &format!("/api/votes/admin?workshop={workshop}"), Some(&session), "").await?;
    let admin: serde_json::Value = serde_json::from_slice(&admin.body)?;
    let tally = &admin["rounds"][0]["result"]["tally"];
    let frozen: BTreeMap<String, u64> = tally["online"]
        .as_object()
        .ok_or("no frozen result")?
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0)))
        .collect();
    let counted = tally["ballots"].as_u64().unwrap_or(0);
    for p in phones {
        let _ = p.await;
    }

    let mut latency: Vec<f64> = ok.iter().map(|c| (c.acked - c.sent).as_secs_f64() * 1e3).collect();
    latency.sort_by(f64::total_cmp);
    let first = ok.iter().map(|c| c.sent).min();
    let end = ok.iter().map(|c| c.acked).max();
    let span = match (first, end) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => f64::NAN,
    };
    println!("ballots: {total} sent ({n} first, {changers} changed), {} acknowledged, {refused} refused", ok.len());
    println!("throughput: {:.0} acknowledged ballots/s over {span:.2} s", ok.len() as f64 / span);
    println!(
        "ballot latency (send → acknowledgement): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latency, 50.0),
        percentile(&latency, 99.0),
        latency.last().copied().unwrap_or(f64::NAN)
    );
    match (last_first, shown) {
        (Some(l), Some(s)) => println!(
            "turnout: the projector showed {} of {n} {:.0} ms after the last ballot was acknowledged",
            voters.len(),
            s.saturating_duration_since(l).as_secs_f64() * 1e3
        ),
        _ => println!("turnout: the projector never showed {} ballots", voters.len()),
    }
    println!("projector: {} turnout frames for {} ballots", turnout_frames.len(), ok.len());
    println!("phones: {phone_frames} live frames reached the {n} phones while the round was open");
    let mut by_second: BTreeMap<u64, (usize, f64)> = BTreeMap::new();
    for c in &ok {
        let second = first.map_or(0, |f| (c.sent - f).as_secs());
        let entry = by_second.entry(second).or_default();
        entry.0 += 1;
        entry.1 = entry.1.max((c.acked - c.sent).as_secs_f64() * 1e3);
    }
    let seconds: Vec<String> = by_second.iter().map(|(s, (n, max))| format!("{s}s: {n} max {max:.0} ms")).collect();
    println!("per second: {}", seconds.join(", "));
    let matches = frozen == expected && counted == voters.len() as u64;
    println!(
        "recount: frozen result {} the tally of the {} acknowledged ballots (last per participant; {counted} counted)",
        if matches { "equals" } else { "DIFFERS FROM" },
        last.len()
    );
    if let Some(pid) = args.server_pid {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let peak = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: unknown");
        println!("server peak memory: {}", peak.trim_start_matches("VmHWM:").trim());
    }
    if !matches || refused > 0 {
        return Err(format!("recount mismatch or {refused} ballots refused").into());
    }
    Ok(())
}
