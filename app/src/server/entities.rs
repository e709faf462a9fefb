//! sea-orm entities. They stay on the server: services map them to DTOs.

macro_rules! no_relations {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}
        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod users {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub email: String,
        pub password_hash: String,
        pub role: String,
        pub active: bool,
        pub failed_logins: i32,
        pub locked_until: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod sessions {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub user_id: Uuid,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        /// When the session was last used (refreshed at most once a minute); `None` until then.
        pub last_seen_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod setup_tokens {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "setup_tokens")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod processes {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "processes")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub name: String,
        pub municipality: String,
        pub description: String,
        pub published: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod phases {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "phases")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub position: i32,
        pub name: String,
        pub starts_on: Option<Date>,
        pub ends_on: Option<Date>,
        pub is_current: bool,
    }
    no_relations!();
}

pub mod action_fields {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "action_fields")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub position: i32,
        pub name: String,
        pub description: String,
    }
    no_relations!();
}

pub mod goals {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "goals")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        /// `None`: an overarching goal of the process.
        pub action_field_id: Option<Uuid>,
        pub position: i32,
        pub title: String,
    }
    no_relations!();
}

pub mod themes {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "themes")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub name: String,
    }
    no_relations!();
}

pub mod workshops {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "workshops")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub title: String,
        pub starts_at: Option<DateTime>,
        pub mode: String,
        pub place: String,
        pub meeting_link: String,
        pub state: String,
        pub join_code: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub cluster_version: i32,
        /// The languages offered, codes separated by commas; empty for all.
        pub languages: String,
        /// How many people may join (1,000 unless the organizer sets it).
        pub max_participants: i32,
    }
    no_relations!();
}

pub mod workshop_action_fields {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "workshop_action_fields")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub workshop_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub action_field_id: Uuid,
    }
    no_relations!();
}

pub mod workshop_moderators {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "workshop_moderators")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub workshop_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: Uuid,
    }
    no_relations!();
}

pub mod participants {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "participants")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub workshop_id: Uuid,
        pub token_hash: String,
        pub display_name: Option<String>,
        pub organisation: Option<String>,
        pub org_type: Option<String>,
        pub proposal_count: i32,
        pub deleted: bool,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod proposals {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "proposals")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub workshop_id: Uuid,
        pub action_field_id: Uuid,
        pub participant_id: Option<Uuid>,
        pub from_room: bool,
        pub title: String,
        pub description: String,
        pub goal: String,
        pub target_group: String,
        pub partners: String,
        pub timeframe: String,
        pub status: String,
        pub hidden_reason: Option<String>,
        pub revision: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// The language of the page it was written on (`tr`), empty where not known.
        pub lang: String,
    }
    no_relations!();
}

pub mod proposal_revisions {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "proposal_revisions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub proposal_id: Uuid,
        pub number: i32,
        pub action_field_id: Uuid,
        pub title: String,
        pub description: String,
        pub goal: String,
        pub target_group: String,
        pub partners: String,
        pub timeframe: String,
        pub edited_by_user: Option<Uuid>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod proposal_reports {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "proposal_reports")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub proposal_id: Uuid,
        pub participant_id: Uuid,
        pub reason: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod clusters {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "clusters")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub workshop_id: Uuid,
        pub action_field_id: Uuid,
        pub title: String,
        pub summary: String,
        pub alive: bool,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod cluster_members {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "cluster_members")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub proposal_id: Uuid,
        pub cluster_id: Uuid,
        pub workshop_id: Uuid,
    }
    no_relations!();
}

pub mod cluster_steps {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "cluster_steps")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub workshop_id: Uuid,
        pub seq: i32,
        pub kind: String,
        pub user_id: Option<Uuid>,
        pub before: String,
        pub after: String,
        pub state: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod vote_rounds {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "vote_rounds")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub workshop_id: Uuid,
        pub seq: i32,
        pub title: String,
        pub method: String,
        /// JSON: the method's settings (`tally::Settings`).
        pub settings: String,
        /// JSON: the options with their titles as they stood when the round was set up.
        pub options: String,
        pub state: String,
        pub live_results: bool,
        pub duration_secs: Option<i32>,
        pub ends_at: Option<DateTimeUtc>,
        pub locked: bool,
        /// The key of the voters' hashes while the round is open; empty once it closed.
        pub secret: String,
        /// JSON: dots or approvals counted on the paper pinboard, per option.
        pub paper: String,
        pub eligible: i32,
        /// JSON: the frozen result, written once at close.
        pub result: Option<String>,
        pub created_at: DateTimeUtc,
        pub opened_at: Option<DateTimeUtc>,
        pub closed_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod vote_ballots {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "vote_ballots")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub round_id: Uuid,
        /// A keyed hash of the participant (the round's key): no link to a person.
        #[sea_orm(primary_key, auto_increment = false)]
        pub voter: String,
        /// JSON in the shape of the anonymous ballot file.
        pub ballot: String,
    }
    no_relations!();
}

pub mod plans {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "plans")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub process_id: Uuid,
        /// Visitors see the draft too (labelled), not only the adopted version.
        pub draft_public: bool,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod partners {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "partners")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub name: String,
        pub kind: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod measures {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "measures")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub action_field_id: Uuid,
        pub phase_id: Option<Uuid>,
        pub position: i32,
        pub title: String,
        pub description: String,
        pub target_groups: String,
        /// `YYYY-MM`.
        pub time_from: Option<String>,
        pub time_to: Option<String>,
        pub time_text: String,
        pub lead: String,
        pub indicators: String,
        pub resources: String,
        /// JSON arrays of ids, in the order chosen.
        pub goal_ids: String,
        pub theme_ids: String,
        pub partner_ids: String,
        pub staff_ids: String,
        pub origin: String,
        pub status: String,
        pub progress: i32,
        pub merged_into: Option<Uuid>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod measure_sources {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "measure_sources")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub measure_id: Uuid,
        pub workshop_id: Uuid,
        pub cluster_id: Option<Uuid>,
        pub proposal_id: Option<Uuid>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod measure_notes {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "measure_notes")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub measure_id: Uuid,
        pub kind: String,
        pub on_date: Date,
        pub text: String,
        pub done: bool,
        pub author_id: Option<Uuid>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod plan_versions {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "plan_versions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub number: i32,
        pub adopted_on: Date,
        pub note: String,
        /// The plan as it was adopted (`plan::types::PlanDoc` as JSON): never changed.
        pub snapshot: String,
        pub adopted_by: Option<Uuid>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod surveys {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "surveys")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub process_id: Uuid,
        pub title: String,
        pub intro: String,
        pub reach: String,
        pub workshop_id: Option<Uuid>,
        pub state: String,
        pub opens_on: Option<Date>,
        pub closes_on: Option<Date>,
        pub one_per_participant: bool,
        pub ask_organisation: bool,
        pub results_public: bool,
        /// The sections and questions (`surveys::types::Definition` as JSON).
        pub definition: String,
        pub revision: i32,
        /// The first survey of its waves (its own id for a first wave).
        pub series_id: Uuid,
        pub wave: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// The languages offered, codes separated by commas; empty for all.
        pub languages: String,
    }
    no_relations!();
}

pub mod survey_measures {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "survey_measures")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub survey_id: Uuid,
        #[sea_orm(primary_key, auto_increment = false)]
        pub measure_id: Uuid,
    }
    no_relations!();
}

pub mod survey_responses {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "survey_responses")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub survey_id: Uuid,
        pub resume_hash: String,
        /// For one response per participant: a hash of survey and participant.
        pub respondent: Option<String>,
        pub measure_id: Option<Uuid>,
        pub organisation: Option<String>,
        pub org_type: Option<String>,
        /// What was entered (`surveys::answers::Raw` as JSON).
        pub answers: String,
        pub page: i32,
        /// Counts the writes, so a step never overwrites one it did not read.
        pub revision: i32,
        pub submitted_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod instance_settings {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "instance_settings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub key: String,
        pub value: String,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}
