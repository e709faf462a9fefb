//! The languages a participant page offers: a workshop's (`/w/{code}…`) and a survey's
//! (`/s/{id}…`) own choice, every language elsewhere. The server looks it up before the page
//! renders and keeps it in the request, where [`super::request_lang`] and the language switch
//! read it.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::{
    i18n::Offer,
    server::entities::{surveys, workshops},
    workshops::types::normalize_join_code,
};

/// The languages the workshop or survey at `path` offers; `None` for every other page.
pub async fn offer_of_page(db: &impl ConnectionTrait, path: &str) -> Option<Offer> {
    let mut segments = path.trim_start_matches('/').split('/');
    let found = match (segments.next(), segments.next()) {
        (Some("w"), Some(code)) => {
            let code = normalize_join_code(code)?;
            workshops::Entity::find()
                .select_only()
                .column(workshops::Column::Languages)
                .filter(workshops::Column::JoinCode.eq(code))
                .into_tuple::<String>()
                .one(db)
                .await
        }
        (Some("s"), Some(id)) => {
            let id = uuid::Uuid::parse_str(id).ok()?;
            surveys::Entity::find_by_id(id)
                .select_only()
                .column(surveys::Column::Languages)
                .into_tuple::<String>()
                .one(db)
                .await
        }
        _ => return None,
    };
    match found {
        Ok(languages) => languages.map(Offer),
        Err(e) => {
            tracing::warn!(error = %e, "languages of a page could not be read");
            None
        }
    }
}
