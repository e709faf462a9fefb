//! Server functions of the instance settings and the accessibility statement.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::types::{InstanceSettings, Statement};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    instance::service,
    server::{self, respond},
};

/// The accessibility statement (public).
#[server(input = GetUrl)]
pub async fn get_statement() -> Result<Statement, AppError> {
    let state = server::state()?;
    let settings = respond(service::settings(&state.db).await)?;
    Ok(Statement::new(settings, state.settings.public_url.clone()))
}

/// The settings for their form (admins only).
#[server(input = GetUrl)]
pub async fn get_instance_settings() -> Result<InstanceSettings, AppError> {
    let actor = crate::auth::actor().await?;
    respond(actor.require_admin())?;
    respond(service::settings(&server::db()?).await)
}

/// Saves the settings (admins only).
#[server]
pub async fn save_instance_settings(
    #[server(default)] municipality: String,
    #[server(default)] contact_email: String,
    #[server(default)] contact_phone: String,
    #[server(default)] contact_address: String,
    #[server(default)] checked_on: String,
) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    respond(actor.require_admin())?;
    let result = async {
        let input =
            InstanceSettings::parse(&municipality, &contact_email, &contact_phone, &contact_address, &checked_on)?;
        service::save(&server::db()?, &actor, &input).await
    }
    .await;
    respond(result)
}
