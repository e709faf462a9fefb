//! Languages and the instance's own settings: which languages a workshop or a survey offers
//! (codes separated by commas, empty for all), the language a proposal was written in, and
//! settings of the whole instance as keys and values (the accessibility statement's contact).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Workshops {
    Table,
    Languages,
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Languages,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Lang,
}

#[derive(DeriveIden)]
enum InstanceSettings {
    Table,
    Key,
    Value,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Workshops::Table)
                    .add_column(ColumnDef::new(Workshops::Languages).string_len(200).not_null().default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Surveys::Table)
                    .add_column(ColumnDef::new(Surveys::Languages).string_len(200).not_null().default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Proposals::Table)
                    .add_column(ColumnDef::new(Proposals::Lang).string_len(20).not_null().default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InstanceSettings::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(InstanceSettings::Key).string_len(60).not_null().primary_key())
                    .col(ColumnDef::new(InstanceSettings::Value).text().not_null())
                    .col(ColumnDef::new(InstanceSettings::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(InstanceSettings::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Proposals::Table).drop_column(Proposals::Lang).to_owned()).await?;
        manager.alter_table(Table::alter().table(Surveys::Table).drop_column(Surveys::Languages).to_owned()).await?;
        manager.alter_table(Table::alter().table(Workshops::Table).drop_column(Workshops::Languages).to_owned()).await
    }
}
