//! Clusters of proposals that mean the same measure, their members, and the log of clustering
//! steps (each with the state before and after, for undo, redo and history).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Workshops {
    Table,
    Id,
    ClusterVersion,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Clusters {
    Table,
    Id,
    WorkshopId,
    ActionFieldId,
    Title,
    Summary,
    Alive,
    CreatedAt,
}

/// A proposal is in at most one cluster: the proposal is the key.
#[derive(DeriveIden)]
enum ClusterMembers {
    Table,
    ProposalId,
    ClusterId,
    WorkshopId,
}

#[derive(DeriveIden)]
enum ClusterSteps {
    Table,
    Id,
    WorkshopId,
    Seq,
    Kind,
    UserId,
    Before,
    After,
    State,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Workshops::Table)
                    .add_column(ColumnDef::new(Workshops::ClusterVersion).integer().not_null().default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Clusters::Table)
                    .col(ColumnDef::new(Clusters::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Clusters::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(Clusters::ActionFieldId).uuid().not_null())
                    .col(ColumnDef::new(Clusters::Title).string_len(120).not_null())
                    .col(ColumnDef::new(Clusters::Summary).text().not_null())
                    .col(ColumnDef::new(Clusters::Alive).boolean().not_null().default(true))
                    .col(ColumnDef::new(Clusters::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Clusters::Table, Clusters::WorkshopId)
                            .to(Workshops::Table, Workshops::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ClusterMembers::Table)
                    .col(ColumnDef::new(ClusterMembers::ProposalId).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ClusterMembers::ClusterId).uuid().not_null())
                    .col(ColumnDef::new(ClusterMembers::WorkshopId).uuid().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(ClusterMembers::Table, ClusterMembers::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ClusterMembers::Table, ClusterMembers::ClusterId)
                            .to(Clusters::Table, Clusters::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ClusterSteps::Table)
                    .col(ColumnDef::new(ClusterSteps::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ClusterSteps::WorkshopId).uuid().not_null())
                    .col(ColumnDef::new(ClusterSteps::Seq).integer().not_null())
                    .col(ColumnDef::new(ClusterSteps::Kind).string_len(24).not_null())
                    .col(ColumnDef::new(ClusterSteps::UserId).uuid().null())
                    .col(ColumnDef::new(ClusterSteps::Before).text().not_null())
                    .col(ColumnDef::new(ClusterSteps::After).text().not_null())
                    .col(ColumnDef::new(ClusterSteps::State).string_len(12).not_null())
                    .col(ColumnDef::new(ClusterSteps::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(ClusterSteps::Table, ClusterSteps::WorkshopId)
                            .to(Workshops::Table, Workshops::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_cluster_steps_seq")
                    .table(ClusterSteps::Table)
                    .col(ClusterSteps::WorkshopId)
                    .col(ClusterSteps::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        for (name, table, col) in [
            ("idx_clusters_workshop", Clusters::Table.into_iden(), Clusters::WorkshopId.into_iden()),
            ("idx_cluster_members_workshop", ClusterMembers::Table.into_iden(), ClusterMembers::WorkshopId.into_iden()),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [ClusterSteps::Table.into_iden(), ClusterMembers::Table.into_iden(), Clusters::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(Table::alter().table(Workshops::Table).drop_column(Workshops::ClusterVersion).to_owned())
            .await
    }
}
