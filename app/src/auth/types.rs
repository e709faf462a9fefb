use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub Uuid);

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Organizer,
    Moderator,
}

impl Role {
    pub const ALL: [Self; 3] = [Self::Admin, Self::Organizer, Self::Moderator];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Organizer => "organizer",
            Self::Moderator => "moderator",
        }
    }

    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value.trim().to_ascii_lowercase())
    }

    /// The i18n key of the role's name.
    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Admin => "role-admin",
            Self::Organizer => "role-organizer",
            Self::Moderator => "role-moderator",
        }
    }
}

/// The logged-in staff member, as the browser may know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub email: String,
    pub role: Role,
}

/// A staff account in the admin's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub email: String,
    pub role: Role,
    pub active: bool,
}

/// A new account and the password to hand over to its owner (shown once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedUser {
    pub email: String,
    pub password: String,
}

/// Who calls a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    /// The command line of the server's operator.
    System,
    Staff(CurrentUser),
}

impl Actor {
    #[must_use]
    pub fn staff(&self) -> Option<&CurrentUser> {
        match self {
            Self::Staff(user) => Some(user),
            _ => None,
        }
    }

    #[must_use]
    pub fn is_staff(&self) -> bool {
        matches!(self, Self::Staff(_) | Self::System)
    }

    /// # Errors
    /// `Unauthenticated` for anonymous callers.
    pub fn require_staff(&self) -> Result<(), AppError> {
        if self.is_staff() { Ok(()) } else { Err(AppError::Unauthenticated) }
    }

    /// Organizers and admins run processes.
    ///
    /// # Errors
    /// `Unauthenticated` for anonymous callers, `Forbidden` for moderators.
    pub fn require_organizer(&self) -> Result<(), AppError> {
        match self {
            Self::System => Ok(()),
            Self::Staff(u) if matches!(u.role, Role::Admin | Role::Organizer) => Ok(()),
            Self::Staff(_) => Err(AppError::Forbidden),
            Self::Anonymous => Err(AppError::Unauthenticated),
        }
    }

    /// Only admins manage accounts.
    ///
    /// # Errors
    /// `Unauthenticated` for anonymous callers, `Forbidden` for other staff.
    pub fn require_admin(&self) -> Result<(), AppError> {
        match self {
            Self::System => Ok(()),
            Self::Staff(u) if u.role == Role::Admin => Ok(()),
            Self::Staff(_) => Err(AppError::Forbidden),
            Self::Anonymous => Err(AppError::Unauthenticated),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role) -> Actor {
        Actor::Staff(CurrentUser { id: UserId(Uuid::nil()), email: "x@y.de".into(), role })
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn only_organizers_and_admins_run_processes() {
        assert!(staff(Role::Organizer).require_organizer().is_ok());
        assert!(staff(Role::Admin).require_organizer().is_ok());
        assert_eq!(staff(Role::Moderator).require_organizer(), Err(AppError::Forbidden));
        assert_eq!(Actor::Anonymous.require_organizer(), Err(AppError::Unauthenticated));
    }

    #[test]
    fn only_admins_manage_accounts() {
        assert!(staff(Role::Admin).require_admin().is_ok());
        assert_eq!(staff(Role::Organizer).require_admin(), Err(AppError::Forbidden));
        assert_eq!(Actor::Anonymous.require_admin(), Err(AppError::Unauthenticated));
    }
}
