//! The command line: `serve` (default), `migrate`, `user create`, `demo`, `suggest-clusters`, `tally`,
//! `assets`.

use std::io::{BufRead, IsTerminal};

use clap::{Parser, Subcommand};

use crate::{Config, anyhow_like};

/// Plenum — participatory workshops for local action plans.
#[derive(Debug, Parser)]
#[command(name = "plenum", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default). Migrations run first.
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Create a published demo process with two action fields and a workshop that is
    /// collecting proposals; prints the workshop's join code (for trying Plenum, and for the
    /// load test). With `--voting`: six proposals from the room, the workshop moved on to voting
    /// and a dot vote over them open (the load test's voting mode).
    Demo {
        #[arg(long)]
        voting: bool,
    },
    /// Suggest clusters of near-duplicate proposals, with the same method as the moderator's
    /// button. Reads JSON lines `{"id","title","text","action_field"}` (other keys are ignored)
    /// and writes one line `{"id","cluster"}` per input line to standard output.
    SuggestClusters {
        /// The JSON-lines file to read (`-` for standard input).
        #[arg(long)]
        input: String,
    },
    /// Recount a vote round from its anonymous ballot file ("Stimmzettel (anonym, JSON)"), with
    /// the same code the server used at close. Prints the result as JSON; a ballot that breaks
    /// the round's rules ends it with a message naming the ballot's position and the rule.
    Tally {
        /// The ballot file (`-` for standard input).
        #[arg(long)]
        input: String,
    },
    /// The last build step: give every file in the asset folder a content hash in its name,
    /// write brotli and gzip copies beside it and list the names in `assets.txt`.
    Assets {
        /// The folder, e.g. `target/site/pkg`.
        #[arg(long)]
        dir: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account. The password is read from standard input when it is piped
    /// (one line); otherwise a strong one is generated and printed.
    Create {
        /// E-mail address of the account.
        #[arg(long)]
        email: String,
        /// admin, organizer or moderator.
        #[arg(long, value_parser = ["admin", "organizer", "moderator"])]
        role: String,
    },
}

/// Runs the command.
///
/// # Errors
/// Configuration, database or input errors, as a message.
pub async fn run(cli: Cli, config: Config) -> anyhow_like::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => crate::serve(config).await,
        Command::Migrate => {
            crate::connect_and_migrate(&config.database_url).await?;
            println!("Database schema is up to date.");
            Ok(())
        }
        Command::User { command: UserCommand::Create { email, role } } => create_user(&config, &email, &role).await,
        Command::Demo { voting } => demo(&config, voting).await,
        Command::SuggestClusters { input } => suggest_clusters(&input),
        Command::Tally { input } => tally(&input),
        Command::Assets { dir } => crate::assets::publish(std::path::Path::new(&dir)),
    }
}

async fn demo(config: &Config, voting: bool) -> anyhow_like::Result<()> {
    use app::{
        auth::types::Actor,
        i18n::Lang,
        processes::{service as processes, types::*},
        server::LiveHub,
        workshops::{service as workshops, types::*},
    };
    let db = crate::connect_and_migrate(&config.database_url).await?;
    let system = Actor::System;
    let result = async {
        let input = ProcessInput::parse("Demo: Handlungskonzept gegen Rassismus", "Musterstadt", "")?;
        let process = processes::create(&db, &system, Lang::default(), &input).await?;
        for name in ["Bildung", "Arbeit und Ausbildung"] {
            processes::add_action_field(&db, &system, process, &ActionFieldInput::parse(name, "")?).await?;
        }
        processes::set_published(&db, &system, process, true).await?;
        let input = WorkshopInput::parse("Demo-Workshop", "", "in_person", "Volkshochschule", "")?;
        let ws = workshops::create(&db, &system, process, &input, &[], &[]).await?;
        let live = LiveHub::default();
        workshops::set_state(&db, &live, &system, ws, WorkshopState::Draft, WorkshopState::Collecting).await?;
        if voting {
            demo_vote(&db, &live, ws).await?;
        }
        workshops::admin_view(&db, &system, ws, &config.public_url).await
    }
    .await
    .map_err(anyhow_like::app)?;
    println!("{}", result.info.join_code);
    eprintln!("Demo workshop collecting proposals: {}", result.short_link);
    Ok(())
}

/// Six proposals from the room, then clustering, voting, and an open dot vote over them.
async fn demo_vote(
    db: &sea_orm::DatabaseConnection,
    live: &app::server::LiveHub,
    ws: app::workshops::types::WorkshopId,
) -> Result<(), app::error::AppError> {
    use app::{
        auth::types::Actor,
        workshops::{service as workshops, types::*},
    };
    let system = Actor::System;
    let info = workshops::admin_view(db, &system, ws, "").await?.info;
    let field = info.fields.first().map(|f| f.id.to_string()).unwrap_or_default();
    for title in [
        "Sprachcafé im Stadtteilzentrum",
        "Anonymisierte Bewerbungsverfahren",
        "Beratungsstelle gegen Diskriminierung",
        "Interkulturelle Straßenfeste",
        "Fortbildungen für Lehrkräfte",
        "Mehrsprachige Elternabende",
    ] {
        let form = ProposalForm { action_field: field.clone(), title: title.into(), ..ProposalForm::default() };
        app::proposals::service::add_from_room(db, live, &system, ws, &form).await?;
    }
    workshops::set_state(db, live, &system, ws, WorkshopState::Collecting, WorkshopState::Clustering).await?;
    workshops::set_state(db, live, &system, ws, WorkshopState::Clustering, WorkshopState::Voting).await?;
    let candidates = app::votes::service::admin(db, &system, ws).await?.candidates;
    let form = app::votes::types::RoundForm {
        title: "Punktabfrage".into(),
        method: "dots".into(),
        pick: candidates.into_iter().map(|c| (app::votes::types::form_key(&c.id), "on".to_owned())).collect(),
        ..Default::default()
    };
    let round = app::votes::service::create(db, live, &system, ws, &form).await?;
    app::votes::service::open(db, live, &system, round).await
}

async fn create_user(config: &Config, email: &str, role: &str) -> anyhow_like::Result<()> {
    let db = crate::connect_and_migrate(&config.database_url).await?;
    let stdin = std::io::stdin();
    let piped = if stdin.is_terminal() {
        None
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        Some(line.trim_end_matches(['\r', '\n']).to_owned()).filter(|l| !l.is_empty())
    };
    let generated = piped.is_none();
    let actor = app::auth::types::Actor::System;
    match app::auth::service::create_user(&db, &actor, email, role, piped).await {
        Ok(created) => {
            println!("Created {role} account {}.", created.email);
            if generated {
                println!("Password (shown once): {}", created.password);
            }
            Ok(())
        }
        Err(app::error::AppError::Invalid(fields)) => {
            let lang = app::i18n::Lang::parse("en").unwrap_or_default();
            let i18n = app::i18n::I18n { lang };
            let text: Vec<String> = fields.iter().map(|f| format!("{}: {}", f.field, i18n.msg(&f.message))).collect();
            Err(text.join("\n").into())
        }
        Err(e) => Err(anyhow_like::app(e)),
    }
}

fn suggest_clusters(input: &str) -> anyhow_like::Result<()> {
    use std::io::{Read, Write};

    use app::clustering::similar::{Item, Params, cluster};
    let mut text = String::new();
    if input == "-" {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(input).map_err(|e| format!("cannot read {input}: {e}"))?;
    }
    let mut ids = Vec::new();
    let mut items = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: not JSON: {e}", number + 1))?;
        let field = |name: &str| value.get(name).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
        let id = match value.get("id") {
            Some(serde_json::Value::String(s)) => serde_json::Value::String(s.clone()),
            Some(other @ serde_json::Value::Number(_)) => other.clone(),
            _ => return Err(format!("line {}: no \"id\"", number + 1).into()),
        };
        ids.push(id);
        items.push(Item { title: field("title"), text: field("text"), action_field: field("action_field") });
    }
    let labels = cluster(&items, &Params::default());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (id, label) in ids.into_iter().zip(labels) {
        writeln!(out, "{}", serde_json::json!({ "id": id, "cluster": format!("s{label}") }))?;
    }
    out.flush()?;
    Ok(())
}

fn tally(input: &str) -> anyhow_like::Result<()> {
    use std::io::Read;

    let mut text = String::new();
    if input == "-" {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(input).map_err(|e| format!("cannot read {input}: {e}"))?;
    }
    let tally = app::votes::tally::recount(&text).map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string_pretty(&tally).map_err(|e| e.to_string())?);
    Ok(())
}
