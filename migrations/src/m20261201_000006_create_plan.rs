//! The plan (Handlungskonzept) of a process: reusable cooperation partners, measures with their
//! sources (workshop, cluster or proposal), dated progress notes and milestones, and the frozen
//! versions the steering committee adopted. The living measures are the draft; an adopted
//! version is a snapshot that never changes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    ProcessId,
    DraftPublic,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Partners {
    Table,
    Id,
    ProcessId,
    Name,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Measures {
    Table,
    Id,
    ProcessId,
    ActionFieldId,
    PhaseId,
    Position,
    Title,
    Description,
    TargetGroups,
    TimeFrom,
    TimeTo,
    TimeText,
    Lead,
    Indicators,
    Resources,
    GoalIds,
    ThemeIds,
    PartnerIds,
    StaffIds,
    Origin,
    Status,
    Progress,
    MergedInto,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MeasureSources {
    Table,
    Id,
    MeasureId,
    WorkshopId,
    ClusterId,
    ProposalId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MeasureNotes {
    Table,
    Id,
    MeasureId,
    Kind,
    OnDate,
    Text,
    Done,
    AuthorId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PlanVersions {
    Table,
    Id,
    ProcessId,
    Number,
    AdoptedOn,
    Note,
    Snapshot,
    AdoptedBy,
    CreatedAt,
}

fn process_fk<T: IntoIden + 'static, C: IntoIden + 'static>(table: T, column: C) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Processes::Table, Processes::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Plans::Table)
                    .col(ColumnDef::new(Plans::ProcessId).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Plans::DraftPublic).boolean().not_null().default(false))
                    .col(ColumnDef::new(Plans::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut process_fk(Plans::Table, Plans::ProcessId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Partners::Table)
                    .col(ColumnDef::new(Partners::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Partners::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Partners::Name).string_len(120).not_null())
                    .col(ColumnDef::new(Partners::Kind).string_len(24).not_null())
                    .col(ColumnDef::new(Partners::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut process_fk(Partners::Table, Partners::ProcessId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("partners_process_name")
                    .table(Partners::Table)
                    .col(Partners::ProcessId)
                    .col(Partners::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Measures::Table)
                    .col(ColumnDef::new(Measures::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Measures::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Measures::ActionFieldId).uuid().not_null())
                    .col(ColumnDef::new(Measures::PhaseId).uuid().null())
                    .col(ColumnDef::new(Measures::Position).integer().not_null())
                    .col(ColumnDef::new(Measures::Title).string_len(200).not_null())
                    .col(ColumnDef::new(Measures::Description).text().not_null())
                    .col(ColumnDef::new(Measures::TargetGroups).text().not_null())
                    .col(ColumnDef::new(Measures::TimeFrom).string_len(7).null())
                    .col(ColumnDef::new(Measures::TimeTo).string_len(7).null())
                    .col(ColumnDef::new(Measures::TimeText).string_len(120).not_null())
                    .col(ColumnDef::new(Measures::Lead).string_len(200).not_null())
                    .col(ColumnDef::new(Measures::Indicators).text().not_null())
                    .col(ColumnDef::new(Measures::Resources).text().not_null())
                    .col(ColumnDef::new(Measures::GoalIds).text().not_null())
                    .col(ColumnDef::new(Measures::ThemeIds).text().not_null())
                    .col(ColumnDef::new(Measures::PartnerIds).text().not_null())
                    .col(ColumnDef::new(Measures::StaffIds).text().not_null())
                    .col(ColumnDef::new(Measures::Origin).string_len(12).not_null())
                    .col(ColumnDef::new(Measures::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Measures::Progress).integer().not_null().default(0))
                    .col(ColumnDef::new(Measures::MergedInto).uuid().null())
                    .col(ColumnDef::new(Measures::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Measures::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut process_fk(Measures::Table, Measures::ProcessId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("measures_process").table(Measures::Table).col(Measures::ProcessId).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeasureSources::Table)
                    .col(ColumnDef::new(MeasureSources::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(MeasureSources::MeasureId).uuid().not_null())
                    .col(ColumnDef::new(MeasureSources::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(MeasureSources::ClusterId).uuid().null())
                    .col(ColumnDef::new(MeasureSources::ProposalId).uuid().null())
                    .col(ColumnDef::new(MeasureSources::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeasureSources::Table, MeasureSources::MeasureId)
                            .to(Measures::Table, Measures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("measure_sources_measure", MeasureSources::MeasureId),
            ("measure_sources_workshop", MeasureSources::WorkshopId),
        ] {
            manager
                .create_index(Index::create().name(name).table(MeasureSources::Table).col(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MeasureNotes::Table)
                    .col(ColumnDef::new(MeasureNotes::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(MeasureNotes::MeasureId).uuid().not_null())
                    .col(ColumnDef::new(MeasureNotes::Kind).string_len(12).not_null())
                    .col(ColumnDef::new(MeasureNotes::OnDate).date().not_null())
                    .col(ColumnDef::new(MeasureNotes::Text).text().not_null())
                    .col(ColumnDef::new(MeasureNotes::Done).boolean().not_null().default(false))
                    .col(ColumnDef::new(MeasureNotes::AuthorId).uuid().null())
                    .col(ColumnDef::new(MeasureNotes::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeasureNotes::Table, MeasureNotes::MeasureId)
                            .to(Measures::Table, Measures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeasureNotes::Table, MeasureNotes::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("measure_notes_measure")
                    .table(MeasureNotes::Table)
                    .col(MeasureNotes::MeasureId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanVersions::Table)
                    .col(ColumnDef::new(PlanVersions::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(PlanVersions::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(PlanVersions::Number).integer().not_null())
                    .col(ColumnDef::new(PlanVersions::AdoptedOn).date().not_null())
                    .col(ColumnDef::new(PlanVersions::Note).string_len(500).not_null())
                    .col(ColumnDef::new(PlanVersions::Snapshot).text().not_null())
                    .col(ColumnDef::new(PlanVersions::AdoptedBy).uuid().null())
                    .col(ColumnDef::new(PlanVersions::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut process_fk(PlanVersions::Table, PlanVersions::ProcessId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlanVersions::Table, PlanVersions::AdoptedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("plan_versions_process_number")
                    .table(PlanVersions::Table)
                    .col(PlanVersions::ProcessId)
                    .col(PlanVersions::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PlanVersions::Table.into_iden(),
            MeasureNotes::Table.into_iden(),
            MeasureSources::Table.into_iden(),
            Measures::Table.into_iden(),
            Partners::Table.into_iden(),
            Plans::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
