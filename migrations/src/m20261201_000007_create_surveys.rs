//! Surveys of a process: the questionnaire (its sections and questions as one JSON document with a
//! revision, so reordering and sharing stay one write), the measures an evaluation is about, and
//! the responses (what was entered, kept page by page; a resume key of which only the hash is
//! stored; sent or not yet).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Workshops {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Measures {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    ProcessId,
    Title,
    Intro,
    Reach,
    WorkshopId,
    State,
    OpensOn,
    ClosesOn,
    OnePerParticipant,
    AskOrganisation,
    ResultsPublic,
    Definition,
    Revision,
    SeriesId,
    Wave,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SurveyMeasures {
    Table,
    SurveyId,
    MeasureId,
}

#[derive(DeriveIden)]
enum SurveyResponses {
    Table,
    Id,
    SurveyId,
    ResumeHash,
    Respondent,
    MeasureId,
    Organisation,
    OrgType,
    Answers,
    Page,
    Revision,
    SubmittedAt,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Surveys::Table)
                    .col(ColumnDef::new(Surveys::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Surveys::ProcessId).uuid().not_null())
                    .col(ColumnDef::new(Surveys::Title).string_len(200).not_null())
                    .col(ColumnDef::new(Surveys::Intro).text().not_null())
                    .col(ColumnDef::new(Surveys::Reach).string_len(12).not_null())
                    .col(ColumnDef::new(Surveys::WorkshopId).uuid().null())
                    .col(ColumnDef::new(Surveys::State).string_len(8).not_null())
                    .col(ColumnDef::new(Surveys::OpensOn).date().null())
                    .col(ColumnDef::new(Surveys::ClosesOn).date().null())
                    .col(ColumnDef::new(Surveys::OnePerParticipant).boolean().not_null().default(false))
                    .col(ColumnDef::new(Surveys::AskOrganisation).boolean().not_null().default(false))
                    .col(ColumnDef::new(Surveys::ResultsPublic).boolean().not_null().default(false))
                    .col(ColumnDef::new(Surveys::Definition).text().not_null())
                    .col(ColumnDef::new(Surveys::Revision).integer().not_null().default(0))
                    .col(ColumnDef::new(Surveys::SeriesId).uuid().not_null())
                    .col(ColumnDef::new(Surveys::Wave).integer().not_null().default(1))
                    .col(ColumnDef::new(Surveys::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Surveys::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Surveys::Table, Surveys::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Surveys::Table, Surveys::WorkshopId)
                            .to(Workshops::Table, Workshops::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [("surveys_process", Surveys::ProcessId), ("surveys_series", Surveys::SeriesId)] {
            manager.create_index(Index::create().name(name).table(Surveys::Table).col(column).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(SurveyMeasures::Table)
                    .col(ColumnDef::new(SurveyMeasures::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(SurveyMeasures::MeasureId).uuid().not_null())
                    .primary_key(Index::create().col(SurveyMeasures::SurveyId).col(SurveyMeasures::MeasureId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyMeasures::Table, SurveyMeasures::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyMeasures::Table, SurveyMeasures::MeasureId)
                            .to(Measures::Table, Measures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("survey_measures_measure")
                    .table(SurveyMeasures::Table)
                    .col(SurveyMeasures::MeasureId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyResponses::Table)
                    .col(ColumnDef::new(SurveyResponses::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(SurveyResponses::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(SurveyResponses::ResumeHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(SurveyResponses::Respondent).string_len(64).null())
                    .col(ColumnDef::new(SurveyResponses::MeasureId).uuid().null())
                    .col(ColumnDef::new(SurveyResponses::Organisation).string_len(120).null())
                    .col(ColumnDef::new(SurveyResponses::OrgType).string_len(24).null())
                    .col(ColumnDef::new(SurveyResponses::Answers).text().not_null())
                    .col(ColumnDef::new(SurveyResponses::Page).integer().not_null().default(1))
                    .col(ColumnDef::new(SurveyResponses::Revision).integer().not_null().default(0))
                    .col(ColumnDef::new(SurveyResponses::SubmittedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(SurveyResponses::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(SurveyResponses::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyResponses::Table, SurveyResponses::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyResponses::Table, SurveyResponses::MeasureId)
                            .to(Measures::Table, Measures::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("survey_responses_survey")
                    .table(SurveyResponses::Table)
                    .col(SurveyResponses::SurveyId)
                    .col(SurveyResponses::SubmittedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("survey_responses_respondent")
                    .table(SurveyResponses::Table)
                    .col(SurveyResponses::SurveyId)
                    .col(SurveyResponses::Respondent)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [SurveyResponses::Table.into_iden(), SurveyMeasures::Table.into_iden(), Surveys::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
