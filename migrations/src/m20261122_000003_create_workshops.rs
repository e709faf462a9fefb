//! Workshops of a process, their participants (no accounts) and the proposals they submit,
//! with every edit kept as a revision and reports by participants.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ActionFields {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Workshops {
    Table,
    Id,
    ProcessId,
    Title,
    StartsAt,
    Mode,
    Place,
    MeetingLink,
    State,
    JoinCode,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WorkshopActionFields {
    Table,
    WorkshopId,
    ActionFieldId,
}

#[derive(DeriveIden)]
enum WorkshopModerators {
    Table,
    WorkshopId,
    UserId,
}

/// A person taking part without an account, known by the hash of a cookie token.
#[derive(DeriveIden)]
enum Participants {
    Table,
    Id,
    WorkshopId,
    TokenHash,
    DisplayName,
    Organisation,
    OrgType,
    ProposalCount,
    Deleted,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    WorkshopId,
    ActionFieldId,
    ParticipantId,
    FromRoom,
    Title,
    Description,
    Goal,
    TargetGroup,
    Partners,
    Timeframe,
    Status,
    HiddenReason,
    Revision,
    CreatedAt,
    UpdatedAt,
}

/// Every version of a proposal: number 1 is the original.
#[derive(DeriveIden)]
enum ProposalRevisions {
    Table,
    Id,
    ProposalId,
    Number,
    ActionFieldId,
    Title,
    Description,
    Goal,
    TargetGroup,
    Partners,
    Timeframe,
    EditedByUser,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProposalReports {
    Table,
    Id,
    ProposalId,
    ParticipantId,
    Reason,
    CreatedAt,
}

fn fk<T: IntoIden + 'static, U: IntoIden + 'static>(
    from: (T, T),
    to: (U, U),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).on_delete(on_delete).to_owned()
}

/// The content columns shared by proposals and their revisions.
fn content(table: &mut TableCreateStatement, cols: [DynIden; 6]) -> &mut TableCreateStatement {
    let [title, description, goal, target_group, partners, timeframe] = cols;
    table
        .col(ColumnDef::new(title).string_len(120).not_null())
        .col(ColumnDef::new(description).text().not_null())
        .col(ColumnDef::new(goal).string_len(300).not_null())
        .col(ColumnDef::new(target_group).string_len(300).not_null())
        .col(ColumnDef::new(partners).string_len(300).not_null())
        .col(ColumnDef::new(timeframe).string_len(120).not_null())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict};
        manager
            .create_table(
                Table::create()
                    .table(Workshops::Table)
                    .col(ColumnDef::new(Workshops::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Workshops::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Workshops::Title).string_len(120).not_null())
                    .col(ColumnDef::new(Workshops::StartsAt).date_time().null())
                    .col(ColumnDef::new(Workshops::Mode).string_len(16).not_null())
                    .col(ColumnDef::new(Workshops::Place).string_len(300).not_null())
                    .col(ColumnDef::new(Workshops::MeetingLink).string_len(500).not_null())
                    .col(ColumnDef::new(Workshops::State).string_len(16).not_null())
                    .col(ColumnDef::new(Workshops::JoinCode).string_len(6).not_null().unique_key())
                    .col(ColumnDef::new(Workshops::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Workshops::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut fk(
                        (Workshops::Table, Workshops::ProcessId),
                        (Processes::Table, Processes::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkshopActionFields::Table)
                    .col(ColumnDef::new(WorkshopActionFields::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(WorkshopActionFields::ActionFieldId).uuid().not_null())
                    .primary_key(
                        Index::create().col(WorkshopActionFields::WorkshopId).col(WorkshopActionFields::ActionFieldId),
                    )
                    .foreign_key(&mut fk(
                        (WorkshopActionFields::Table, WorkshopActionFields::WorkshopId),
                        (Workshops::Table, Workshops::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (WorkshopActionFields::Table, WorkshopActionFields::ActionFieldId),
                        (ActionFields::Table, ActionFields::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkshopModerators::Table)
                    .col(ColumnDef::new(WorkshopModerators::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(WorkshopModerators::UserId).uuid().not_null())
                    .primary_key(Index::create().col(WorkshopModerators::WorkshopId).col(WorkshopModerators::UserId))
                    .foreign_key(&mut fk(
                        (WorkshopModerators::Table, WorkshopModerators::WorkshopId),
                        (Workshops::Table, Workshops::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (WorkshopModerators::Table, WorkshopModerators::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Participants::Table)
                    .col(ColumnDef::new(Participants::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Participants::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(Participants::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(Participants::DisplayName).string_len(60).null())
                    .col(ColumnDef::new(Participants::Organisation).string_len(120).null())
                    .col(ColumnDef::new(Participants::OrgType).string_len(32).null())
                    .col(ColumnDef::new(Participants::ProposalCount).integer().not_null().default(0))
                    .col(ColumnDef::new(Participants::Deleted).boolean().not_null().default(false))
                    .col(ColumnDef::new(Participants::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut fk(
                        (Participants::Table, Participants::WorkshopId),
                        (Workshops::Table, Workshops::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        let mut proposals = Table::create();
        proposals
            .table(Proposals::Table)
            .col(ColumnDef::new(Proposals::Id).uuid().not_null().primary_key())
            .col(ColumnDef::new(Proposals::WorkshopId).uuid().not_null())
            .col(ColumnDef::new(Proposals::ActionFieldId).uuid().not_null())
            .col(ColumnDef::new(Proposals::ParticipantId).uuid().null())
            .col(ColumnDef::new(Proposals::FromRoom).boolean().not_null().default(false));
        content(
            &mut proposals,
            [
                Proposals::Title.into_iden(),
                Proposals::Description.into_iden(),
                Proposals::Goal.into_iden(),
                Proposals::TargetGroup.into_iden(),
                Proposals::Partners.into_iden(),
                Proposals::Timeframe.into_iden(),
            ],
        )
        .col(ColumnDef::new(Proposals::Status).string_len(16).not_null())
        .col(ColumnDef::new(Proposals::HiddenReason).string_len(300).null())
        .col(ColumnDef::new(Proposals::Revision).integer().not_null().default(1))
        .col(ColumnDef::new(Proposals::CreatedAt).timestamp_with_time_zone().not_null())
        .col(ColumnDef::new(Proposals::UpdatedAt).timestamp_with_time_zone().not_null())
        .foreign_key(&mut fk((Proposals::Table, Proposals::WorkshopId), (Workshops::Table, Workshops::Id), Cascade))
        // An action field with proposals cannot be deleted: proposals are never lost.
        .foreign_key(&mut fk(
            (Proposals::Table, Proposals::ActionFieldId),
            (ActionFields::Table, ActionFields::Id),
            Restrict,
        ))
        .foreign_key(&mut fk(
            (Proposals::Table, Proposals::ParticipantId),
            (Participants::Table, Participants::Id),
            Restrict,
        ));
        manager.create_table(proposals.to_owned()).await?;
        let mut revisions = Table::create();
        revisions
            .table(ProposalRevisions::Table)
            .col(ColumnDef::new(ProposalRevisions::Id).uuid().not_null().primary_key())
            .col(ColumnDef::new(ProposalRevisions::ProposalId).uuid().not_null())
            .col(ColumnDef::new(ProposalRevisions::Number).integer().not_null())
            .col(ColumnDef::new(ProposalRevisions::ActionFieldId).uuid().not_null());
        content(
            &mut revisions,
            [
                ProposalRevisions::Title.into_iden(),
                ProposalRevisions::Description.into_iden(),
                ProposalRevisions::Goal.into_iden(),
                ProposalRevisions::TargetGroup.into_iden(),
                ProposalRevisions::Partners.into_iden(),
                ProposalRevisions::Timeframe.into_iden(),
            ],
        )
        .col(ColumnDef::new(ProposalRevisions::EditedByUser).uuid().null())
        .col(ColumnDef::new(ProposalRevisions::CreatedAt).timestamp_with_time_zone().not_null())
        .foreign_key(&mut fk(
            (ProposalRevisions::Table, ProposalRevisions::ProposalId),
            (Proposals::Table, Proposals::Id),
            Cascade,
        ));
        manager.create_table(revisions.to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalReports::Table)
                    .col(ColumnDef::new(ProposalReports::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ProposalReports::ProposalId).uuid().not_null())
                    .col(ColumnDef::new(ProposalReports::ParticipantId).uuid().not_null())
                    .col(ColumnDef::new(ProposalReports::Reason).string_len(300).not_null())
                    .col(ColumnDef::new(ProposalReports::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut fk(
                        (ProposalReports::Table, ProposalReports::ProposalId),
                        (Proposals::Table, Proposals::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (ProposalReports::Table, ProposalReports::ParticipantId),
                        (Participants::Table, Participants::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        let indexes: [(&str, DynIden, Vec<DynIden>, bool); 6] = [
            ("idx_workshops_process", Workshops::Table.into_iden(), vec![Workshops::ProcessId.into_iden()], false),
            (
                "idx_participants_workshop",
                Participants::Table.into_iden(),
                vec![Participants::WorkshopId.into_iden()],
                false,
            ),
            (
                "idx_proposals_workshop",
                Proposals::Table.into_iden(),
                vec![Proposals::WorkshopId.into_iden(), Proposals::CreatedAt.into_iden()],
                false,
            ),
            (
                "idx_proposals_participant",
                Proposals::Table.into_iden(),
                vec![Proposals::ParticipantId.into_iden(), Proposals::CreatedAt.into_iden()],
                false,
            ),
            (
                "uq_revisions_number",
                ProposalRevisions::Table.into_iden(),
                vec![ProposalRevisions::ProposalId.into_iden(), ProposalRevisions::Number.into_iden()],
                true,
            ),
            (
                "uq_reports_once",
                ProposalReports::Table.into_iden(),
                vec![ProposalReports::ProposalId.into_iden(), ProposalReports::ParticipantId.into_iden()],
                true,
            ),
        ];
        for (name, table, cols, unique) in indexes {
            let mut index = Index::create();
            index.name(name).table(table);
            for col in cols {
                index.col(col);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProposalReports::Table.into_iden(),
            ProposalRevisions::Table.into_iden(),
            Proposals::Table.into_iden(),
            Participants::Table.into_iden(),
            WorkshopModerators::Table.into_iden(),
            WorkshopActionFields::Table.into_iden(),
            Workshops::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
