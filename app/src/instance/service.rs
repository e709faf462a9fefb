//! Reading and saving the instance's settings.

use chrono::Utc;
use sea_orm::{ConnectionTrait, EntityTrait, Set, TransactionSession, TransactionTrait, sea_query::OnConflict};

use super::types::InstanceSettings;
use crate::{auth::types::Actor, error::AppError, server::entities::instance_settings};

/// The settings as saved (empty values where never set).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn settings(db: &impl ConnectionTrait) -> Result<InstanceSettings, AppError> {
    let rows = instance_settings::Entity::find().all(db).await?;
    Ok(InstanceSettings::from_pairs(rows.iter().map(|r| (r.key.as_str(), r.value.as_str()))))
}

/// Saves the settings (admins only), every key in one transaction.
///
/// # Errors
/// `Unauthenticated`/`Forbidden` for anyone but an admin; `Invalid` for a check dated in the
/// future.
pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &InstanceSettings,
) -> Result<(), AppError> {
    actor.require_admin()?;
    let now = Utc::now();
    // The statement may not claim a check that has not happened yet.
    if input.checked_on.is_some_and(|d| d > now.date_naive()) {
        return Err(AppError::invalid("checked_on", crate::error::Msg::new("settings-checked-future")));
    }
    let txn = db.begin().await?;
    for (key, value) in input.pairs() {
        instance_settings::Entity::insert(instance_settings::ActiveModel {
            key: Set(key.to_owned()),
            value: Set(value),
            updated_at: Set(now),
        })
        .on_conflict(
            OnConflict::column(instance_settings::Column::Key)
                .update_columns([instance_settings::Column::Value, instance_settings::Column::UpdatedAt])
                .to_owned(),
        )
        .exec(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
