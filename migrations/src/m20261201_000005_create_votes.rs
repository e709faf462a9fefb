//! Vote rounds of a workshop and their ballots. A ballot is kept under a per-round keyed hash of
//! its participant (never the participant's id), so it can be replaced while the round is open;
//! the key is erased when the round closes. At most one round of a workshop is open.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Workshops {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum VoteRounds {
    Table,
    Id,
    WorkshopId,
    Seq,
    Title,
    Method,
    Settings,
    Options,
    State,
    LiveResults,
    DurationSecs,
    EndsAt,
    Locked,
    Secret,
    Paper,
    Eligible,
    Result,
    CreatedAt,
    OpenedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum VoteBallots {
    Table,
    RoundId,
    Voter,
    Ballot,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(VoteRounds::Table)
                    .col(ColumnDef::new(VoteRounds::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(VoteRounds::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(VoteRounds::Seq).integer().not_null())
                    .col(ColumnDef::new(VoteRounds::Title).string_len(120).not_null())
                    .col(ColumnDef::new(VoteRounds::Method).string_len(16).not_null())
                    .col(ColumnDef::new(VoteRounds::Settings).text().not_null())
                    .col(ColumnDef::new(VoteRounds::Options).text().not_null())
                    .col(ColumnDef::new(VoteRounds::State).string_len(12).not_null())
                    .col(ColumnDef::new(VoteRounds::LiveResults).boolean().not_null().default(false))
                    .col(ColumnDef::new(VoteRounds::DurationSecs).integer().null())
                    .col(ColumnDef::new(VoteRounds::EndsAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(VoteRounds::Locked).boolean().not_null().default(false))
                    .col(ColumnDef::new(VoteRounds::Secret).string_len(64).not_null())
                    .col(ColumnDef::new(VoteRounds::Paper).text().not_null())
                    .col(ColumnDef::new(VoteRounds::Eligible).integer().not_null().default(0))
                    .col(ColumnDef::new(VoteRounds::Result).text().null())
                    .col(ColumnDef::new(VoteRounds::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(VoteRounds::OpenedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(VoteRounds::ClosedAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(VoteRounds::Table, VoteRounds::WorkshopId)
                            .to(Workshops::Table, Workshops::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_vote_rounds_seq")
                    .table(VoteRounds::Table)
                    .col(VoteRounds::WorkshopId)
                    .col(VoteRounds::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // One open round per workshop, held by the database (a partial index: the same SQL on
        // SQLite and PostgreSQL).
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_vote_rounds_open ON vote_rounds (workshop_id) WHERE state = 'open'",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VoteBallots::Table)
                    .col(ColumnDef::new(VoteBallots::RoundId).uuid().not_null())
                    .col(ColumnDef::new(VoteBallots::Voter).string_len(64).not_null())
                    .col(ColumnDef::new(VoteBallots::Ballot).text().not_null())
                    .primary_key(Index::create().col(VoteBallots::RoundId).col(VoteBallots::Voter))
                    .foreign_key(
                        ForeignKey::create()
                            .from(VoteBallots::Table, VoteBallots::RoundId)
                            .to(VoteRounds::Table, VoteRounds::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [VoteBallots::Table.into_iden(), VoteRounds::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
