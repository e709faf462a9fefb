//! The command line: `serve` (default), `migrate`, `user create`, `demo`, `suggest-clusters`, `tally`,
//! `plan import|export`, `survey export|import`, `assets`.

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
    /// and a dot vote over them open (the load test's voting mode). With `--closed`: three
    /// participants, six proposals in two action fields, two clusters, a finished dot vote
    /// (with paper dots) and the workshop closed: ready to promote into the plan. With
    /// `--plan` (implies `--closed`): two measures in the plan, one under way with a note on
    /// its timeline, and the plan adopted. With `--survey`: an open public survey with every
    /// kind of question on two pages, one response sent and its results public. With `--plan`
    /// or `--survey`, further lines `process <id>`, `measure <id>`, `survey <id>` follow.
    Demo {
        #[arg(long)]
        voting: bool,
        #[arg(long, conflicts_with = "voting")]
        closed: bool,
        #[arg(long, conflicts_with = "voting")]
        plan: bool,
        #[arg(long)]
        survey: bool,
        /// How many people may join the workshop (default 1,000; the load test sets more).
        #[arg(long)]
        max_participants: Option<String>,
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
    /// Import or export a process's plan table (the same CSV as the organizer's download and
    /// upload; JSON for open data).
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Export or import a survey (the JSON file of the survey page's download and upload), so
    /// municipalities can share questionnaires.
    Survey {
        #[command(subcommand)]
        command: SurveyCommand,
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
pub enum PlanCommand {
    /// Read a plan table (CSV: `Handlungsfeld;Phase;Zeitraum;Maßnahme;…`) into a process. Every
    /// row is checked first; one bad row refuses the whole file, naming its line and rule.
    Import {
        /// The process's id.
        #[arg(long)]
        process: String,
        /// The CSV file (`-` for standard input).
        #[arg(long)]
        input: String,
    },
    /// Write the plan to standard output: the draft, or an adopted version (byte for byte the
    /// same every time).
    Export {
        #[arg(long)]
        process: String,
        #[arg(long, value_parser = ["csv", "json"], default_value = "csv")]
        format: String,
        /// The adopted version's number; without it, the draft.
        #[arg(long)]
        version: Option<i32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Write a survey's questionnaire to standard output (format `plenum-survey/1`).
    Export {
        /// The survey's id.
        #[arg(long)]
        survey: String,
    },
    /// Create a new draft survey in a process from a survey file. A broken file is refused
    /// whole, naming the question and the rule.
    Import {
        /// The process's id.
        #[arg(long)]
        process: String,
        /// The JSON file (`-` for standard input).
        #[arg(long)]
        input: String,
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
        Command::Demo { voting, closed, plan, survey, max_participants } => {
            let extras = DemoExtras { plan, survey, max_participants: max_participants.unwrap_or_default() };
            demo(&config, voting, closed || plan, extras).await
        }
        Command::SuggestClusters { input } => suggest_clusters(&input),
        Command::Tally { input } => tally(&input),
        Command::Plan { command } => plan(&config, command).await,
        Command::Survey { command } => survey(&config, command).await,
        Command::Assets { dir } => crate::assets::publish(std::path::Path::new(&dir)),
    }
}

/// What `plenum demo` adds beyond the workshop.
struct DemoExtras {
    plan: bool,
    survey: bool,
    max_participants: String,
}

async fn demo(config: &Config, voting: bool, closed: bool, extras: DemoExtras) -> anyhow_like::Result<()> {
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
        let input = WorkshopInput::parse("Demo-Workshop", "", "in_person", "Volkshochschule", "")?
            .with_max_participants(&extras.max_participants)?;
        let ws = workshops::create(&db, &system, process, &input, &[], &[]).await?;
        let live = LiveHub::default();
        workshops::set_state(&db, &live, &system, ws, WorkshopState::Draft, WorkshopState::Collecting).await?;
        if voting {
            demo_vote(&db, &live, ws).await?;
        }
        if closed {
            demo_closed(&db, &live, process, ws).await?;
        }
        let mut lines = Vec::new();
        if extras.plan || extras.survey {
            lines.push(format!("process {process}"));
        }
        if extras.plan {
            lines.push(format!("measure {}", demo_plan(&db, process, ws).await?));
        }
        if extras.survey {
            lines.push(format!("survey {}", demo_survey(&db, process).await?));
        }
        Ok::<_, app::error::AppError>((workshops::admin_view(&db, &system, ws, &config.public_url).await?, lines))
    }
    .await
    .map_err(anyhow_like::app);
    let (result, lines) = result?;
    println!("{}", result.info.join_code);
    for line in lines {
        println!("{line}");
    }
    eprintln!("Demo workshop collecting proposals: {}", result.short_link);
    Ok(())
}

/// Two measures written directly into the plan, the first under way with a milestone on its
/// timeline, and the plan adopted; returns the first measure.
async fn demo_plan(
    db: &sea_orm::DatabaseConnection,
    process: app::processes::types::ProcessId,
    ws: app::workshops::types::WorkshopId,
) -> Result<app::plan::types::MeasureId, app::error::AppError> {
    use app::{
        auth::types::Actor,
        plan::{service, types::*},
    };
    let system = Actor::System;
    let fields = app::workshops::service::admin_view(db, &system, ws, "").await?.info.fields;
    let field = |i: usize| fields.get(i).map(|f| f.id.to_string()).unwrap_or_default();
    let first = MeasureForm {
        title: "Sprachcafés im Stadtteil".into(),
        description: "Offene Treffpunkte zum Deutschsprechen, begleitet von Ehrenamtlichen.".into(),
        action_field: field(0),
        time_from: "2027-09".into(),
        time_to: "2028-06".into(),
        lead: "Kommunales Integrationszentrum".into(),
        indicators: "Zahl der Treffen und der Teilnehmenden".into(),
        ..MeasureForm::default()
    };
    let id = service::create(db, &system, process, &first, None, false).await?;
    let second = MeasureForm {
        title: "Anonymisierte Bewerbungsverfahren".into(),
        action_field: field(1),
        time_from: "2027-05".into(),
        time_to: "2027-12".into(),
        lead: "Personalamt".into(),
        ..MeasureForm::default()
    };
    service::create(db, &system, process, &second, None, false).await?;
    service::set_progress(db, &system, id, Progress::parse("in_progress", "30")?).await?;
    let note = NoteInput::parse("milestone", "2027-10-01", "Erstes Sprachcafé im Bürgerzentrum", true)?;
    service::add_note(db, &system, id, &note).await?;
    service::adopt(db, &system, process, &AdoptionInput::parse("2027-04-01", "Rat, Sitzung 2/2027")?).await?;
    Ok(id)
}

/// An open public survey with every kind of question on two pages, its results public, and
/// one response sent.
async fn demo_survey(
    db: &sea_orm::DatabaseConnection,
    process: app::processes::types::ProcessId,
) -> Result<app::surveys::types::SurveyId, app::error::AppError> {
    use std::collections::BTreeMap;

    use app::{
        auth::types::Actor,
        i18n::Lang,
        surveys::{
            service::{self, At, Visitor},
            types::*,
        },
    };
    let system = Actor::System;
    let settings =
        Settings::parse("Vielfalt in Vereinen", "Zehn Minuten, anonym.", "public", "", "", "", false, false, true)?;
    let id = service::create(db, &system, process, &settings, Lang::default()).await?;
    let q = |kind: &str, text: &str, options: &str| QuestionForm {
        kind: kind.into(),
        text: text.into(),
        options: options.into(),
        ..QuestionForm::default()
    };
    let mut single = q("single", "Für wen sprechen Sie?", "Verein\nVerwaltung");
    single.other = Some("on".into());
    let first = service::add_question(db, &system, id, "s1", &single).await?;
    service::add_question(db, &system, id, "s1", &q("multiple", "Welche Themen?", "Bildung\nArbeit\nWohnen")).await?;
    service::add_question(db, &system, id, "s1", &q("text", "Wie heißt Ihr Verein?", "")).await?;
    service::add_section(db, &system, id, "Erfahrungen").await?;
    let mut number = q("number", "Wie viele Mitglieder?", "");
    number.max = "500".into();
    number.unit = "Personen".into();
    for form in [
        q("likert", "Wie sehr stimmen Sie zu?", "Ich fühle mich sicher.\nIch werde gehört."),
        q("rating", "Wie wichtig ist Ihnen das Thema?", ""),
        number,
        q("date", "Seit wann gibt es Ihren Verein?", ""),
        q("long_text", "Was wünschen Sie sich?", ""),
        q("ranking", "Was zuerst?", "Begegnung\nBeratung\nBildung"),
    ] {
        service::add_question(db, &system, id, "s2", &form).await?;
    }
    service::set_state(db, &system, id, SurveyState::Open).await?;
    let key = service::start(db, id, &Visitor::default(), None, &Respondent::default()).await?;
    let answer: BTreeMap<String, String> = [(first, "o1".to_owned())].into();
    service::step(db, id, &key, At::page(1), Step::Next, &answer).await?;
    service::step(db, id, &key, At::page(2), Step::Next, &BTreeMap::new()).await?;
    service::step(db, id, &key, At::page(3), Step::Submit, &BTreeMap::new()).await?;
    Ok(id)
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

/// Three participants, six proposals, two clusters, a finished dot vote, the workshop closed.
async fn demo_closed(
    db: &sea_orm::DatabaseConnection,
    live: &app::server::LiveHub,
    process: app::processes::types::ProcessId,
    ws: app::workshops::types::WorkshopId,
) -> Result<(), app::error::AppError> {
    use std::collections::BTreeMap;

    use app::{
        auth::types::Actor,
        votes::types::{RoundForm, form_key},
        workshops::{service as workshops, types::*},
    };
    let system = Actor::System;
    let info = workshops::admin_view(db, &system, ws, "").await?.info;
    let (bildung, arbeit) = match info.fields.as_slice() {
        [a, b, ..] => (a.id, b.id),
        _ => return Err(app::error::AppError::Internal),
    };
    app::processes::service::add_goal(db, &system, process, Some(bildung), "Sprachförderung").await?;
    app::processes::service::add_goal(db, &system, process, None, "Teilhabe für alle stärken").await?;
    let mut people = Vec::new();
    for (name, org) in [("Ayşe", "migrant"), ("Jonas", "association"), ("Mira", "migrant")] {
        let (token, _) =
            app::participants::service::join(db, live, &info.join_code, &JoinInput::parse(name, "", org, true)?)
                .await?;
        people.push(app::participants::service::resolve(db, &info.join_code, Some(&token)).await?);
    }
    let writer = app::server::Writer::start(db.clone());
    let hub = std::sync::Arc::new(app::server::LiveHub::default());
    let cards = [
        (
            bildung,
            "Sprachcafé im Stadtteilzentrum",
            "Sprachförderung",
            "Neuzugewanderte",
            "Volkshochschule\nIntegrationsrat",
            "ab Herbst 2027",
        ),
        (bildung, "Sprachcafé für Eltern", "Begegnung", "Eltern", "Familienzentrum", ""),
        (bildung, "Fortbildungen für Lehrkräfte", "", "", "", ""),
        (arbeit, "Anonymisierte Bewerbungsverfahren", "Chancengleichheit", "", "Jobcenter", ""),
        (arbeit, "Bewerbungen ohne Foto", "", "", "", ""),
        (arbeit, "Mentoring für Auszubildende", "", "", "", ""),
    ];
    let mut ids = Vec::new();
    for (i, (field, title, goal, target_group, partners, timeframe)) in cards.into_iter().enumerate() {
        let form = ProposalForm {
            action_field: field.to_string(),
            title: title.into(),
            goal: goal.into(),
            target_group: target_group.into(),
            partners: partners.into(),
            timeframe: timeframe.into(),
            ..ProposalForm::default()
        };
        ids.push(app::proposals::service::submit(&writer, &hub, &people[i % 3], &form).await?.id);
    }
    workshops::set_state(db, live, &system, ws, WorkshopState::Collecting, WorkshopState::Clustering).await?;
    let mut clusters = Vec::new();
    for (members, title, summary) in [
        (&ids[0..2], "Sprachcafés", "Offene Treffpunkte zum Deutschsprechen im Stadtteil"),
        (&ids[3..5], "Faire Bewerbungsverfahren", "Bewerbungen ohne Namen und Foto in Verwaltung und Betrieben"),
    ] {
        let version = app::clustering::service::view(db, &system, ws).await?.version;
        let text = app::clustering::types::ClusterText::parse(title, summary)?;
        let result = app::clustering::service::create(db, live, &system, ws, version, members, &text, false).await?;
        if let Some(c) = result.clusters.iter().find(|c| c.title == title) {
            clusters.push(c.id.to_string());
        }
    }
    workshops::set_state(db, live, &system, ws, WorkshopState::Clustering, WorkshopState::Voting).await?;
    if clusters.len() != 2 {
        return Err(app::error::AppError::Internal);
    }
    let mut options = clusters.clone();
    options.extend([ids[2].to_string(), ids[5].to_string()]);
    let form = RoundForm {
        title: "Welche Maßnahmen zuerst?".into(),
        method: "dots".into(),
        pick: options.iter().map(|o| (form_key(o), "on".to_owned())).collect(),
        ..RoundForm::default()
    };
    let round = app::votes::service::create(db, live, &system, ws, &form).await?;
    app::votes::service::open(db, live, &system, round).await?;
    for (who, dots) in [(0, [(0, "3"), (1, "2")]), (1, [(0, "2"), (2, "1")]), (2, [(1, "3"), (3, "2")])] {
        let ballot: BTreeMap<String, String> =
            dots.iter().map(|(i, n)| (form_key(&options[*i]), (*n).to_owned())).collect();
        app::votes::ballots::cast(&writer, &hub, &people[who], round, &ballot, false).await?;
    }
    let paper: BTreeMap<String, String> =
        [(form_key(&options[0]), "6".to_owned()), (form_key(&options[1]), "2".to_owned())].into();
    app::votes::service::set_paper(db, live, &system, round, &paper).await?;
    app::votes::service::close(db, live, &system, round).await?;
    workshops::set_state(db, live, &system, ws, WorkshopState::Voting, WorkshopState::Closed).await
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

async fn plan(config: &Config, command: PlanCommand) -> anyhow_like::Result<()> {
    use std::io::{Read, Write};

    use app::{auth::types::Actor, processes::types::ProcessId};
    let db = crate::connect_and_migrate(&config.database_url).await?;
    match command {
        PlanCommand::Import { process, input } => {
            let process = ProcessId::parse(&process).map_err(|_| format!("not a process id: {process}"))?;
            let mut bytes = Vec::new();
            if input == "-" {
                std::io::stdin().read_to_end(&mut bytes)?;
            } else {
                bytes = std::fs::read(&input).map_err(|e| format!("cannot read {input}: {e}"))?;
            }
            let lang = app::i18n::Lang::default();
            let report =
                app::plan::import::import(&db, &Actor::System, process, &bytes, lang).await.map_err(|e| match e {
                    app::error::AppError::Invalid(errors) => errors
                        .iter()
                        .map(|f| {
                            let args: Vec<(&str, String)> =
                                f.message.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                            app::i18n::t_args(lang, &f.message.key, &args)
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                        .into(),
                    other => anyhow_like::app(other),
                })?;
            println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
            Ok(())
        }
        PlanCommand::Export { process, format, version } => {
            let process = ProcessId::parse(&process).map_err(|_| format!("not a process id: {process}"))?;
            let which = version.map_or_else(|| "draft".to_owned(), |v| v.to_string());
            let (_, bytes) = app::plan::doc::export(&db, &Actor::System, process, &which, format == "json")
                .await
                .map_err(anyhow_like::app)?;
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

async fn survey(config: &Config, command: SurveyCommand) -> anyhow_like::Result<()> {
    use std::io::{Read, Write};

    use app::{auth::types::Actor, processes::types::ProcessId, surveys::types::SurveyId};
    let db = crate::connect_and_migrate(&config.database_url).await?;
    let lang = app::i18n::Lang::default();
    let message = |e: app::error::AppError| -> anyhow_like::Error {
        match e {
            app::error::AppError::Invalid(errors) => errors
                .iter()
                .map(|f| {
                    let args: Vec<(&str, String)> =
                        f.message.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                    app::i18n::t_args(lang, &f.message.key, &args)
                })
                .collect::<Vec<_>>()
                .join("\n")
                .into(),
            other => anyhow_like::app(other),
        }
    };
    match command {
        SurveyCommand::Export { survey } => {
            let id = SurveyId::parse(&survey).map_err(|_| format!("not a survey id: {survey}"))?;
            let file = app::surveys::service::export(&db, &Actor::System, id).await.map_err(message)?;
            let bytes = app::surveys::routes::file_bytes(&file).map_err(message)?;
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.write_all(b"\n")?;
            out.flush()?;
            Ok(())
        }
        SurveyCommand::Import { process, input } => {
            let process = ProcessId::parse(&process).map_err(|_| format!("not a process id: {process}"))?;
            let mut bytes = Vec::new();
            if input == "-" {
                std::io::stdin().read_to_end(&mut bytes)?;
            } else {
                bytes = std::fs::read(&input).map_err(|e| format!("cannot read {input}: {e}"))?;
            }
            let file = app::surveys::types::SurveyFile::read(&bytes).map_err(message)?;
            let id = app::surveys::service::import(&db, &Actor::System, process, &file).await.map_err(message)?;
            println!("{id}");
            Ok(())
        }
    }
}
