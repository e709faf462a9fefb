//! Participation processes with their phases, goals, action fields and theme tags.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
    Name,
    Municipality,
    Description,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Phases {
    Table,
    Id,
    ProcessId,
    Position,
    Name,
    StartsOn,
    EndsOn,
    IsCurrent,
}

#[derive(DeriveIden)]
enum ActionFields {
    Table,
    Id,
    ProcessId,
    Position,
    Name,
    Description,
}

/// Goals of a process (`action_field_id` null) or of one of its action fields.
#[derive(DeriveIden)]
enum Goals {
    Table,
    Id,
    ProcessId,
    ActionFieldId,
    Position,
    Title,
}

#[derive(DeriveIden)]
enum Themes {
    Table,
    Id,
    ProcessId,
    Name,
}

fn child_of_process<T: IntoIden + 'static>(table: T, process_col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, process_col)
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
                    .table(Processes::Table)
                    .col(ColumnDef::new(Processes::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Processes::Name).string_len(120).not_null())
                    .col(ColumnDef::new(Processes::Municipality).string_len(120).not_null())
                    .col(ColumnDef::new(Processes::Description).text().not_null())
                    .col(ColumnDef::new(Processes::Published).boolean().not_null().default(false))
                    .col(ColumnDef::new(Processes::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Processes::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Phases::Table)
                    .col(ColumnDef::new(Phases::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Phases::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Phases::Position).integer().not_null())
                    .col(ColumnDef::new(Phases::Name).string_len(120).not_null())
                    .col(ColumnDef::new(Phases::StartsOn).date().null())
                    .col(ColumnDef::new(Phases::EndsOn).date().null())
                    .col(ColumnDef::new(Phases::IsCurrent).boolean().not_null().default(false))
                    .foreign_key(&mut child_of_process(Phases::Table, Phases::ProcessId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActionFields::Table)
                    .col(ColumnDef::new(ActionFields::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ActionFields::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(ActionFields::Position).integer().not_null())
                    .col(ColumnDef::new(ActionFields::Name).string_len(120).not_null())
                    .col(ColumnDef::new(ActionFields::Description).text().not_null())
                    .foreign_key(&mut child_of_process(ActionFields::Table, ActionFields::ProcessId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Goals::Table)
                    .col(ColumnDef::new(Goals::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Goals::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Goals::ActionFieldId).uuid().null())
                    .col(ColumnDef::new(Goals::Position).integer().not_null())
                    .col(ColumnDef::new(Goals::Title).string_len(300).not_null())
                    .foreign_key(&mut child_of_process(Goals::Table, Goals::ProcessId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Goals::Table, Goals::ActionFieldId)
                            .to(ActionFields::Table, ActionFields::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Themes::Table)
                    .col(ColumnDef::new(Themes::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Themes::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Themes::Name).string_len(60).not_null())
                    .foreign_key(&mut child_of_process(Themes::Table, Themes::ProcessId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_themes_process_name")
                    .table(Themes::Table)
                    .col(Themes::ProcessId)
                    .col(Themes::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        for (name, table, col) in [
            ("idx_phases_process", Phases::Table.into_iden(), Phases::ProcessId.into_iden()),
            ("idx_action_fields_process", ActionFields::Table.into_iden(), ActionFields::ProcessId.into_iden()),
            ("idx_goals_process", Goals::Table.into_iden(), Goals::ProcessId.into_iden()),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Themes::Table.into_iden(),
            Goals::Table.into_iden(),
            ActionFields::Table.into_iden(),
            Phases::Table.into_iden(),
            Processes::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
