//! Nothing acknowledged is lost when the server dies: the real `plenum` binary is killed with
//! SIGKILL in the middle of a proposal and ballot load, restarted on the same database, and every
//! proposal and ballot it acknowledged must be there (SQLite and PostgreSQL). The README's backup
//! commands are tested by a restore.
//!
//! `cargo test -p server --test crash -- --nocapture` prints the figures (`crash sqlite: …`).
//! PostgreSQL runs when `PLENUM_TEST_POSTGRES_URL` names an admin connection (under `CI=true` it
//! must); the SQLite backup needs the `sqlite3` tool, the PostgreSQL one `pg_dump`/`pg_restore`.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::{
    collections::{BTreeMap, HashSet},
    fs::OpenOptions,
    io::Write,
    os::unix::process::ExitStatusExt,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
    task::JoinHandle,
};

const PLENUM: &str = env!("CARGO_BIN_EXE_plenum");
const POSTGRES_ENV: &str = "PLENUM_TEST_POSTGRES_URL";
/// Participants in each of the two workshops (one collecting proposals, one voting).
const PARTICIPANTS: usize = 40;
/// Proposals each participant submits at most (the server allows 10 a minute).
const PROPOSALS_EACH: usize = 10;
/// Ballots each participant casts at most (each one changes the last).
const BALLOTS_EACH: usize = 200;
/// The kill comes once this many proposals and this many ballots are acknowledged.
const KILL_AFTER: usize = 60;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const DESCRIPTION: &str = "Fortbildungen zu Diskriminierung für Lehrkräfte und Schulsozialarbeit.";
/// The README's backup command for SQLite, as written there (run in the database's folder).
const SQLITE_BACKUP: &str = r#"sqlite3 plenum.db ".backup 'plenum-$(date +%F).db'""#;

/// Each test starts servers and loads them: on two cores they take turns.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

type Error = Box<dyn std::error::Error + Send + Sync>;

// ---------------------------------------------------------------------------------------------
// The tests

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_kill_9_mid_load_loses_nothing_acknowledged() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let scratch = Scratch::new("sqlite-crash");
    let url = sqlite_url(&scratch.dir.join("plenum.db"));
    crash("sqlite", &url, &scratch.log()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_kill_9_mid_load_loses_nothing_acknowledged() {
    let Some(admin) = postgres_admin() else { return };
    let _turn = ONE_AT_A_TIME.lock().await;
    let scratch = Scratch::new("postgres-crash");
    let db = PgDatabase::create(&admin).await;
    crash("postgres", &db.url, &scratch.log()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_taken_while_running_restores_by_putting_the_file_back() {
    if !tool_available("sqlite3") {
        return;
    }
    let _turn = ONE_AT_A_TIME.lock().await;
    let scratch = Scratch::new("sqlite-backup");
    let path = scratch.dir.join("plenum.db");
    let url = sqlite_url(&path);
    let mut server = Server::start(&url, &scratch.log()).await;
    let filled = fill(&server.addr, &url, || shell(&scratch.dir, SQLITE_BACKUP)).await;
    let backup = backup_file(&scratch.dir, ".db");
    server.stop().await;
    // Put back while the server is stopped. The old file's write-ahead log goes with it: left
    // beside the restored file, SQLite would replay it onto the backup (the README says to delete it).
    for stale in ["plenum.db-wal", "plenum.db-shm"] {
        let _ = std::fs::remove_file(scratch.dir.join(stale));
    }
    std::fs::copy(backup, path).unwrap();
    server = Server::start(&url, &scratch.log()).await;
    check_restored("sqlite", &server.addr, &url, &filled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backup_restores_into_an_empty_database() {
    let Some(admin) = postgres_admin() else { return };
    if !tool_available("pg_dump") || !tool_available("pg_restore") {
        return;
    }
    let _turn = ONE_AT_A_TIME.lock().await;
    let scratch = Scratch::new("postgres-backup");
    let original = PgDatabase::create(&admin).await;
    let restored = PgDatabase::create(&admin).await;
    let mut server = Server::start(&original.url, &scratch.log()).await;
    // The README's `pg_dump -Fc plenum > plenum-$(date +%F).dump`, with this test's database.
    let dump = format!("pg_dump -Fc '{}' > plenum-$(date +%F).dump", original.url);
    let filled = fill(&server.addr, &original.url, || shell(&scratch.dir, &dump)).await;
    server.stop().await;
    let file = backup_file(&scratch.dir, ".dump");
    let out = Command::new("pg_restore").arg("-d").arg(&restored.url).arg(file).output().unwrap();
    assert!(out.status.success(), "pg_restore failed: {}", String::from_utf8_lossy(&out.stderr));
    server = Server::start(&restored.url, &scratch.log()).await;
    check_restored("postgres", &server.addr, &restored.url, &filled).await;
}

// ---------------------------------------------------------------------------------------------
// Kill -9 in the middle of the load

/// How one request ended.
enum Reply {
    /// 200 with what the server answers for a saved write.
    Acked,
    /// The server answered, but not with a saved write.
    Refused(String),
    /// No whole answer: the server died, or the connection broke.
    Failed(String),
}

impl Reply {
    fn is_acked(&self) -> bool {
        matches!(self, Self::Acked)
    }

    fn is_failed(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

/// One ballot sent: what it gave (option id → dots, as the server echoes it) and how it ended.
struct Cast {
    ballot: BTreeMap<String, String>,
    reply: Reply,
}

/// Two workshops on one database: one collecting proposals, one with a dot vote open. Both are
/// loaded at once; once enough of each is acknowledged the server is killed with SIGKILL,
/// restarted, and every acknowledged proposal and ballot must be there.
async fn crash(label: &str, url: &str, log: &Path) {
    let mut server = Server::start(url, log).await;
    let propose_code = demo(url, &[]);
    let vote_code = demo(url, &["--voting"]);
    let mut proposers = join_all(&server.addr, &propose_code, PARTICIPANTS).await;
    let mut voters = join_all(&server.addr, &vote_code, PARTICIPANTS).await;
    let proposer_cookies: Vec<String> = proposers.iter().map(|p| p.cookie.clone()).collect();
    let voter_cookies: Vec<String> = voters.iter().map(|p| p.cookie.clone()).collect();
    let field = first_field(&mut proposers[0], &propose_code).await;
    let page = voters[0].get_json(&format!("/api/w/ballot?code={vote_code}")).await;
    let round = page["round"]["id"].as_str().expect("an open round (`plenum demo --voting`)").to_owned();
    let options: Vec<String> = page["round"]["options"]
        .as_array()
        .expect("the round's options")
        .iter()
        .filter_map(|o| o["id"].as_str().map(str::to_owned))
        .collect();
    assert!(options.len() >= 2, "the demo round has {} options", options.len());
    let options = Arc::new(options);

    // The load: every participant on their own keep-alive connection, one request at a time.
    let tag = tag();
    let (proposals_acked, ballots_acked) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut submitting = Vec::new();
    for (p, person) in proposers.into_iter().enumerate() {
        let prefix = format!("Absturz {tag} P{p}");
        let task = propose(person, propose_code.clone(), field.clone(), prefix, proposals_acked.clone());
        submitting.push(tokio::spawn(task));
    }
    let mut voting = Vec::new();
    for (p, person) in voters.into_iter().enumerate() {
        let task = vote(person, vote_code.clone(), round.clone(), options.clone(), p, ballots_acked.clone());
        voting.push(tokio::spawn(task));
    }
    let deadline = Instant::now() + Duration::from_secs(40);
    while proposals_acked.load(Ordering::SeqCst) < KILL_AFTER || ballots_acked.load(Ordering::SeqCst) < KILL_AFTER {
        // A load that stopped early (refused requests) is reported below, after the kill.
        if submitting.iter().all(|t| t.is_finished()) || voting.iter().all(|t| t.is_finished()) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{label}: only {} proposals and {} ballots acknowledged after 40 s",
            proposals_acked.load(Ordering::SeqCst),
            ballots_acked.load(Ordering::SeqCst)
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.kill_9();
    let mut sent: Vec<(String, Reply)> = Vec::new();
    for task in submitting {
        sent.extend(finished(task).await);
    }
    let mut casts: Vec<Vec<Cast>> = Vec::new();
    for task in voting {
        casts.push(finished(task).await);
    }
    let refused: Vec<&str> = sent
        .iter()
        .map(|(_, reply)| reply)
        .chain(casts.iter().flatten().map(|c| &c.reply))
        .filter_map(|reply| match reply {
            Reply::Refused(why) => Some(why.as_str()),
            _ => None,
        })
        .collect();
    assert!(refused.is_empty(), "{label}: refused before the kill: {:?}", &refused[..refused.len().min(5)]);
    let proposals_in_flight = sent.iter().filter(|(_, reply)| reply.is_failed()).count();
    let ballots_in_flight = casts.iter().flatten().filter(|c| c.reply.is_failed()).count();
    assert!(
        proposals_in_flight > 0 && ballots_in_flight > 0,
        "{label}: the kill came after the load ({proposals_in_flight} proposals, {ballots_in_flight} ballots in flight)"
    );
    if let Some(Reply::Failed(why)) = sent.iter().map(|(_, reply)| reply).find(|reply| reply.is_failed()) {
        eprintln!("{label}: a submission in flight at the kill ended with: {why}");
    }

    // Restarted on the same database: what was acknowledged is there.
    server = Server::start(url, log).await;
    let db = connect(url).await;
    let stored = stored_titles(&db).await;
    let board = board_titles(&server.addr, &proposer_cookies[0], &propose_code).await;
    let acked_titles: Vec<&str> = sent.iter().filter(|(_, reply)| reply.is_acked()).map(|(t, _)| t.as_str()).collect();
    let lost: Vec<&str> = acked_titles.iter().copied().filter(|t| !stored.contains(*t)).collect();
    let not_shown: Vec<&str> = acked_titles.iter().copied().filter(|t| !board.contains(*t)).collect();
    let sent_titles: HashSet<&str> = sent.iter().map(|(t, _)| t.as_str()).collect();
    let phantom: Vec<&String> =
        stored.iter().filter(|t| t.contains(tag.as_str()) && !sent_titles.contains(t.as_str())).collect();
    let stored_in_flight = sent.iter().filter(|(t, reply)| reply.is_failed() && stored.contains(t.as_str())).count();

    let mut conn = Conn::open(&server.addr).await.unwrap();
    let ballot_page = format!("/api/w/ballot?code={vote_code}");
    let (mut voters_acked, mut voters_found) = (0, 0);
    let mut wrong = Vec::new();
    for (p, (cookie, mine)) in voter_cookies.iter().zip(&casts).enumerate() {
        let page = get_json(&mut conn, &ballot_page, cookie).await;
        let saved: Option<BTreeMap<String, String>> = serde_json::from_value(page["saved"].clone()).unwrap();
        // One request at a time per participant: after the last acknowledged ballot at most one
        // more was in flight, and it may or may not have been committed.
        let last_acked = mine.iter().rev().find(|c| c.reply.is_acked()).map(|c| &c.ballot);
        let in_flight = mine.last().filter(|c| c.reply.is_failed()).map(|c| &c.ballot);
        let kept = saved.as_ref() == last_acked || (in_flight.is_some() && saved.as_ref() == in_flight);
        if last_acked.is_some() {
            voters_acked += 1;
            if kept {
                voters_found += 1;
            }
        }
        if !kept {
            wrong.push(format!(
                "participant {p}: saved {saved:?}, last acknowledged {last_acked:?}, in flight {in_flight:?}"
            ));
        }
    }
    let rows = usize::try_from(count(&db, "SELECT COUNT(*) AS n FROM vote_ballots").await).unwrap();
    let _ = db.close().await;
    let voters_sent = casts.iter().filter(|mine| !mine.is_empty()).count();
    let ballots = casts.iter().flatten().filter(|c| c.reply.is_acked()).count();

    eprintln!(
        "crash {label}: acknowledged proposals {}, found {} ({stored_in_flight} of {proposals_in_flight} in flight \
         stored too); acknowledged ballots {ballots} from {voters_acked} participants, found {voters_found} \
         ({rows} ballot rows, {ballots_in_flight} ballots in flight)",
        acked_titles.len(),
        acked_titles.len() - lost.len(),
    );
    assert!(lost.is_empty(), "{label}: acknowledged proposals missing after the restart: {lost:?}");
    assert!(not_shown.is_empty(), "{label}: acknowledged proposals missing from the board: {not_shown:?}");
    assert!(phantom.is_empty(), "{label}: stored proposals nobody sent: {phantom:?}");
    assert!(wrong.is_empty(), "{label}: ballots lost or wrong after the restart:\n{}", wrong.join("\n"));
    assert!(
        (voters_acked..=voters_sent).contains(&rows),
        "{label}: {rows} ballot rows for {voters_acked} acknowledged and {voters_sent} voting participants"
    );
}

/// Submits proposals `{prefix}-0`, `{prefix}-1`, … until one is not acknowledged.
async fn propose(
    mut person: Person,
    code: String,
    field: String,
    prefix: String,
    acked: Arc<AtomicUsize>,
) -> Vec<(String, Reply)> {
    let mut sent = Vec::new();
    for k in 0..PROPOSALS_EACH {
        let title = format!("{prefix}-{k}");
        let body = proposal_body(&code, &field, &title);
        let reply = match person.conn.request("POST", "/api/w/submit", Some(&person.cookie), &body).await {
            Ok(answer) => {
                // The server answers with the proposal's card.
                let card = answer.json().unwrap_or_default();
                if answer.status == 200 && card["title"].as_str() == Some(title.as_str()) {
                    Reply::Acked
                } else {
                    Reply::Refused(format!("{} {}", answer.status, answer.text()))
                }
            }
            Err(e) => Reply::Failed(e.to_string()),
        };
        let go_on = reply.is_acked();
        if go_on {
            acked.fetch_add(1, Ordering::SeqCst);
        }
        sent.push((title, reply));
        if !go_on {
            break;
        }
    }
    sent
}

/// Casts participant `p`'s ballot again and again, each one different from the last, until one
/// is not acknowledged.
async fn vote(
    mut person: Person,
    code: String,
    round: String,
    options: Arc<Vec<String>>,
    p: usize,
    acked: Arc<AtomicUsize>,
) -> Vec<Cast> {
    let mut casts = Vec::new();
    for k in 0..BALLOTS_EACH {
        let ballot = dots(&options, p + k);
        let fields: String = ballot.iter().map(|(id, n)| format!("&ballot%5Bo{id}%5D={n}")).collect();
        let body = format!("code={code}&round={round}{fields}");
        let reply = match person.conn.request("POST", "/api/w/vote", Some(&person.cookie), &body).await {
            Ok(answer) => {
                // The server answers with the ballot it saved.
                let saved: Option<BTreeMap<String, String>> =
                    answer.json().and_then(|v| serde_json::from_value(v).ok());
                if answer.status == 200 && saved.as_ref() == Some(&ballot) {
                    Reply::Acked
                } else {
                    Reply::Refused(format!("{} {}", answer.status, answer.text()))
                }
            }
            Err(e) => Reply::Failed(e.to_string()),
        };
        let go_on = reply.is_acked();
        if go_on {
            acked.fetch_add(1, Ordering::SeqCst);
        }
        casts.push(Cast { ballot, reply });
        if !go_on {
            break;
        }
    }
    casts
}

/// A dot ballot of the demo round (5 dots, at most 3 on one option): 3 on option `i`, 2 on the
/// next. Ballots `i` and `i + 1` differ.
fn dots(options: &[String], i: usize) -> BTreeMap<String, String> {
    let n = options.len();
    BTreeMap::from([(options[i % n].clone(), "3".to_owned()), (options[(i + 1) % n].clone(), "2".to_owned())])
}

/// The result of a load task, which ends soon after the server is gone.
async fn finished<T>(task: JoinHandle<T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), task)
        .await
        .expect("a load task ends once the server is gone")
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Backups

/// A workshop with proposals saved by a backup, and one written after it.
struct Filled {
    code: String,
    cookie: String,
    saved: Vec<String>,
    later: String,
}

/// Creates a workshop with five proposals, runs `backup` (while the server runs), then submits
/// one more that the restore must not bring.
async fn fill(addr: &str, url: &str, backup: impl FnOnce()) -> Filled {
    let code = demo(url, &[]);
    let mut person = join(addr, &code, "Sicherung").await;
    let field = first_field(&mut person, &code).await;
    let tag = tag();
    let saved: Vec<String> = (0..5).map(|k| format!("Gesichert {tag} {k}")).collect();
    for title in &saved {
        submit(&mut person, &code, &field, title).await;
    }
    backup();
    let later = format!("Nach der Sicherung {tag}");
    submit(&mut person, &code, &field, &later).await;
    Filled { code, cookie: person.cookie, saved, later }
}

/// The restored database holds the proposals of the backup (and the board shows them), not the
/// one written after it.
async fn check_restored(label: &str, addr: &str, url: &str, filled: &Filled) {
    let db = connect(url).await;
    let stored = stored_titles(&db).await;
    let _ = db.close().await;
    let board = board_titles(addr, &filled.cookie, &filled.code).await;
    let restored = filled.saved.iter().filter(|t| stored.contains(*t) && board.contains(*t)).count();
    eprintln!("backup {label}: {restored} of {} proposals restored", filled.saved.len());
    assert_eq!(restored, filled.saved.len(), "{label}: proposals missing after the restore; stored: {stored:?}");
    assert!(!stored.contains(&filled.later), "{label}: the restore holds a proposal written after the backup");
}

/// The file a backup command wrote into `dir`: `plenum-<date><ext>`.
fn backup_file(dir: &Path, ext: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("plenum-") && n.ends_with(ext))
        })
        .unwrap_or_else(|| panic!("no backup plenum-…{ext} in {}", dir.display()))
}

/// Runs a command line as a shell would (the README's commands use `$(date +%F)` and `>`).
fn shell(dir: &Path, script: &str) {
    let out = Command::new("sh").arg("-c").arg(script).current_dir(dir).output().unwrap();
    assert!(out.status.success(), "`{script}` failed: {}", String::from_utf8_lossy(&out.stderr));
}

// ---------------------------------------------------------------------------------------------
// The server, its databases and its command line

/// A running `plenum serve`; killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Starts the server on a free port and waits until `/healthz` answers 200. Its output is
    /// appended to `log`.
    async fn start(url: &str, log: &Path) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let addr = format!("127.0.0.1:{port}");
        let mut file = OpenOptions::new().create(true).append(true).open(log).unwrap();
        writeln!(file, "--- plenum serve on {addr}").unwrap();
        let child = plenum(url)
            .arg("serve")
            .env("PLENUM_ADDR", &addr)
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .unwrap();
        let mut server = Self { child, addr };
        server.wait_healthy().await;
        server
    }

    async fn wait_healthy(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("plenum exited before it answered: {status}");
            }
            if let Ok(mut conn) = Conn::open(&self.addr).await
                && let Ok(answer) = conn.request("GET", "/healthz", None, "").await
                && answer.status == 200
            {
                return;
            }
            assert!(Instant::now() < deadline, "plenum did not answer /healthz within 30 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL: no shutdown, no flush, requests in flight die with the process.
    fn kill_9(&mut self) {
        self.child.kill().unwrap();
        let status = self.child.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "plenum ended otherwise than by SIGKILL: {status}");
    }

    /// SIGTERM, and the wait for the graceful shutdown.
    async fn stop(&mut self) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", pid.as_str()]).status().unwrap();
        assert!(sent.success(), "kill -TERM {pid} failed");
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "plenum did not stop within 15 s of SIGTERM");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `plenum` binary on a database, with the limits per address off (one address plays the
/// whole room).
fn plenum(url: &str) -> Command {
    let mut command = Command::new(PLENUM);
    command.env("PLENUM_DATABASE_URL", url).env("PLENUM_RATE_LIMITS", "off").env("RUST_LOG", "info,sqlx=warn");
    command
}

/// `plenum demo` with `args`: creates a demo workshop and returns its join code.
fn demo(url: &str, args: &[&str]) -> String {
    let out = plenum(url).arg("demo").args(args).args(["--max-participants", "200"]).output().unwrap();
    assert!(out.status.success(), "plenum demo {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let code = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().trim().to_owned();
    assert!(!code.is_empty(), "plenum demo printed no join code");
    code
}

/// A folder of its own under the temp dir, removed when dropped; after a failure the server
/// log's last lines are printed first.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("plenum-{name}-{}", tag()));
        std::fs::create_dir_all(&dir).unwrap();
        Self { dir }
    }

    fn log(&self) -> PathBuf {
        self.dir.join("server.log")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let text = std::fs::read(self.log()).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            eprintln!("--- the server log's last lines:\n{}", lines[lines.len().saturating_sub(40)..].join("\n"));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// A fresh PostgreSQL database, dropped when dropped.
struct PgDatabase {
    admin: String,
    name: String,
    url: String,
}

impl PgDatabase {
    async fn create(admin: &str) -> Self {
        let name = format!("plenum_crash_{}", tag());
        let db = connect(admin).await;
        db.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.unwrap();
        let _ = db.close().await;
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("{POSTGRES_ENV} must end in /<database>"),
        };
        Self { admin: admin.to_owned(), name, url }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        // Drop cannot await: the drop runs on a runtime of its own, on a thread of its own.
        let dropped = std::thread::spawn(move || -> Result<(), String> {
            let runtime =
                tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
            runtime.block_on(async {
                let db = connect(&admin).await;
                let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                let result = db.execute_unprepared(&sql).await.map(|_| ()).map_err(|e| e.to_string());
                let _ = db.close().await;
                result
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("test database {} was not dropped", self.name);
        }
    }
}

/// The PostgreSQL admin URL; `None` (the test is skipped) when none is set, except under CI.
fn postgres_admin() -> Option<String> {
    if let Ok(url) = std::env::var(POSTGRES_ENV) {
        return Some(url);
    }
    assert!(!under_ci(), "{POSTGRES_ENV} must be set under CI=true");
    eprintln!("skipped: {POSTGRES_ENV} not set");
    None
}

/// Whether a command-line tool is installed; without it the test is skipped, except under CI.
fn tool_available(tool: &str) -> bool {
    if Command::new(tool).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok() {
        return true;
    }
    assert!(!under_ci(), "{tool} must be installed under CI=true");
    eprintln!("skipped: {tool} not found");
    false
}

fn under_ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

fn tag() -> String {
    format!("{:016x}", rand::random::<u64>())
}

async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options.max_connections(2).connect_timeout(Duration::from_secs(5)).sqlx_logging(false);
    Database::connect(options).await.unwrap_or_else(|e| panic!("{url} does not open: {e}"))
}

/// Every proposal title in the database, read straight from the table.
async fn stored_titles(db: &DatabaseConnection) -> HashSet<String> {
    let sql = Statement::from_string(db.get_database_backend(), "SELECT title FROM proposals");
    let rows = db.query_all_raw(sql).await.unwrap();
    rows.iter().map(|row| row.try_get::<String>("", "title").unwrap()).collect()
}

/// A `SELECT COUNT(*) AS n …`.
async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

// ---------------------------------------------------------------------------------------------
// Participants over plain HTTP/1.1 (as the load test speaks it, `src/bin/loadtest.rs`)

/// A participant: their workshop cookie and their own keep-alive connection.
struct Person {
    cookie: String,
    conn: Conn,
}

impl Person {
    async fn get_json(&mut self, path: &str) -> serde_json::Value {
        get_json(&mut self.conn, path, &self.cookie).await
    }
}

async fn join(addr: &str, code: &str, name: &str) -> Person {
    let mut conn = Conn::open(addr).await.unwrap();
    let body = format!("code={code}&display_name={}&consent=yes", encode(name));
    let answer = conn.request("POST", "/api/w/join", None, &body).await.unwrap();
    assert_eq!(answer.status, 200, "join answered {}", answer.text());
    let cookie = answer.cookies();
    assert!(!cookie.is_empty(), "join set no cookie");
    Person { cookie, conn }
}

async fn join_all(addr: &str, code: &str, n: usize) -> Vec<Person> {
    let mut joining = Vec::with_capacity(n);
    for i in 0..n {
        let (addr, code) = (addr.to_owned(), code.to_owned());
        joining.push(tokio::spawn(async move { join(&addr, &code, &format!("Teilnehmende {i}")).await }));
    }
    let mut people = Vec::with_capacity(n);
    for task in joining {
        people.push(task.await.unwrap());
    }
    people
}

/// The id of the workshop's first action field, from the participant's board.
async fn first_field(person: &mut Person, code: &str) -> String {
    let board = person.get_json(&format!("/api/w/board?code={code}")).await;
    board["info"]["fields"][0]["id"].as_str().expect("an action field on the board").to_owned()
}

/// The titles on the workshop's board, as a participant loads it.
async fn board_titles(addr: &str, cookie: &str, code: &str) -> HashSet<String> {
    let mut conn = Conn::open(addr).await.unwrap();
    let board = get_json(&mut conn, &format!("/api/w/board?code={code}"), cookie).await;
    board["proposals"]
        .as_array()
        .expect("proposals on the board")
        .iter()
        .filter_map(|p| p["title"].as_str().map(str::to_owned))
        .collect()
}

fn proposal_body(code: &str, field: &str, title: &str) -> String {
    format!("code={code}&action_field={field}&title={}&description={}", encode(title), encode(DESCRIPTION))
}

async fn submit(person: &mut Person, code: &str, field: &str, title: &str) {
    let body = proposal_body(code, field, title);
    let answer = person.conn.request("POST", "/api/w/submit", Some(&person.cookie), &body).await.unwrap();
    assert_eq!(answer.status, 200, "submitting {title:?} answered {}", answer.text());
}

async fn get_json(conn: &mut Conn, path: &str, cookie: &str) -> serde_json::Value {
    let answer = conn.request("GET", path, Some(cookie), "").await.unwrap();
    assert_eq!(answer.status, 200, "GET {path} answered {}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

/// One HTTP/1.1 connection with keep-alive.
struct Conn {
    stream: BufReader<TcpStream>,
    host: String,
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// Every cookie the answer sets, as a `Cookie` header sends them back.
    fn cookies(&self) -> String {
        let pairs: Vec<&str> = self
            .headers
            .iter()
            .filter(|(name, _)| name == "set-cookie")
            .filter_map(|(_, value)| value.split(';').next())
            .collect();
        pairs.join("; ")
    }
}

impl Conn {
    async fn open(addr: &str) -> Result<Self, Error> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self { stream: BufReader::new(stream), host: addr.to_owned() })
    }

    /// One request and its whole answer; a server that does not answer in time is an error.
    async fn request(&mut self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Result<Answer, Error> {
        tokio::time::timeout(REQUEST_TIMEOUT, self.exchange(method, path, cookie, body))
            .await
            .map_err(|_| format!("{method} {path}: no answer within {REQUEST_TIMEOUT:?}"))?
    }

    async fn exchange(&mut self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Result<Answer, Error> {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\nContent-Length: {}\r\n",
            self.host,
            body.len()
        );
        if !body.is_empty() {
            head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        }
        if let Some(cookie) = cookie {
            head.push_str("Cookie: ");
            head.push_str(cookie);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        head.push_str(body);
        self.stream.get_mut().write_all(head.as_bytes()).await?;
        let (status, headers) = read_head(&mut self.stream).await?;
        let body = read_body(&mut self.stream, &headers).await?;
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
