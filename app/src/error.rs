//! The one error type that crosses the wire. Messages travel as i18n keys with arguments,
//! so the browser shows them in the reader's language.

use leptos::server_fn::{self, ServerFnError, codec::JsonEncoding, error::FromServerFnError};
use serde::{Deserialize, Serialize};

/// A translatable message: an i18n key and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl Msg {
    #[must_use]
    pub fn new(key: &str) -> Self {
        Self { key: key.to_owned(), args: Vec::new() }
    }

    #[must_use]
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_owned(), value.to_string()));
        self
    }
}

/// A message about one form field, named as in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("not logged in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("conflict: {0:?}")]
    Conflict(Msg),
    /// Too many attempts in a time window; `limit` names the rule when it is not about logging in.
    #[error("rate limited for {retry_after_secs}s")]
    RateLimited {
        retry_after_secs: u64,
        #[serde(default)]
        limit: Option<Msg>,
    },
    #[error("internal error")]
    Internal,
    /// The call did not reach the server or its answer could not be read.
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    /// One invalid field.
    #[must_use]
    pub fn invalid(field: &str, message: Msg) -> Self {
        Self::Invalid(vec![FieldError { field: field.to_owned(), message }])
    }

    /// The HTTP status that fits.
    #[must_use]
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::Invalid(_) => 422,
            Self::Conflict(_) => 409,
            Self::RateLimited { .. } => 429,
            Self::Internal => 500,
            Self::Transport(_) => 502,
        }
    }

    /// The message for the named field, if this error has one.
    #[must_use]
    pub fn field(&self, name: &str) -> Option<Msg> {
        match self {
            Self::Invalid(errors) => errors.iter().find(|e| e.field == name).map(|e| e.message.clone()),
            _ => None,
        }
    }

    /// A message for the whole form or page.
    #[must_use]
    pub fn message(&self) -> Msg {
        match self {
            Self::NotFound => Msg::new("error-not-found"),
            Self::Unauthenticated => Msg::new("error-unauthenticated"),
            Self::Forbidden => Msg::new("error-forbidden"),
            Self::Invalid(_) => Msg::new("error-invalid"),
            Self::Conflict(msg) => msg.clone(),
            Self::RateLimited { retry_after_secs, limit: Some(msg) } => msg.clone().arg("seconds", retry_after_secs),
            Self::RateLimited { retry_after_secs, limit: None } => {
                Msg::new("error-rate-limited").arg("seconds", retry_after_secs)
            }
            Self::Internal => Msg::new("error-internal"),
            Self::Transport(_) => Msg::new("error-transport"),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: server_fn::error::ServerFnErrorErr) -> Self {
        use server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(_) | E::MissingArg(_) => Self::Invalid(Vec::new()),
            other => Self::Transport(other.to_string()),
        }
    }
}

impl From<ServerFnError> for AppError {
    fn from(value: ServerFnError) -> Self {
        Self::Transport(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_are_found_by_field_name() {
        let err = AppError::invalid("name", Msg::new("field-required"));
        assert_eq!(err.field("name"), Some(Msg::new("field-required")));
        assert_eq!(err.field("other"), None);
        assert_eq!(err.status(), 422);
    }

    #[test]
    fn errors_survive_the_wire() {
        let err = AppError::RateLimited { retry_after_secs: 30, limit: None };
        assert_eq!(AppError::de(err.ser()), err);
    }
}
