//! The command line: `serve` (default), `migrate`, `user create`.

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
    }
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
