//! Hardening: how many people may join a workshop (a setting of each workshop, 1,000 unless the
//! organizer sets it), and when a staff session was last used (sessions end after a time
//! without use, not only after their fixed lifetime).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Workshops {
    Table,
    MaxParticipants,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    LastSeenAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Workshops::Table)
                    .add_column(ColumnDef::new(Workshops::MaxParticipants).integer().not_null().default(1000))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(ColumnDef::new(Sessions::LastSeenAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Sessions::Table).drop_column(Sessions::LastSeenAt).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Workshops::Table).drop_column(Workshops::MaxParticipants).to_owned())
            .await
    }
}
