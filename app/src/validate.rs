//! Parsing form input into clean values, collecting one message per field with its limit.

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::{AppError, FieldError, Msg};

/// Collects field errors while a form is parsed.
#[derive(Debug, Default)]
pub struct Form {
    errors: Vec<FieldError>,
}

impl Form {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error(&mut self, field: &str, message: Msg) {
        if !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError { field: field.to_owned(), message });
        }
    }

    /// Trimmed text of `min..=max` characters.
    pub fn text(&mut self, field: &str, value: &str, min: usize, max: usize) -> String {
        let value = value.trim();
        let len = value.chars().count();
        if len < min || len > max {
            let key = if min == 0 { "field-too-long" } else { "field-length" };
            self.error(field, Msg::new(key).arg("min", min).arg("max", max).arg("actual", len));
        }
        value.to_owned()
    }

    /// An optional date in the form `YYYY-MM-DD` (what `<input type=date>` sends).
    pub fn optional_date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y"))
            .map_err(|_| self.error(field, Msg::new("field-date")))
            .ok()
    }

    /// An optional date and time as `<input type=datetime-local>` sends it (`2026-03-05T18:00`),
    /// or German `05.03.2026 18:00`.
    pub fn optional_datetime(&mut self, field: &str, value: &str) -> Option<NaiveDateTime> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let parsed = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok());
        if parsed.is_none() {
            self.error(field, Msg::new("field-datetime"));
        }
        parsed
    }

    /// An e-mail address, lower-cased.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let value = value.trim().to_lowercase();
        let valid = value.chars().count() <= 254
            && !value.chars().any(char::is_whitespace)
            && value.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if !valid {
            self.error(field, Msg::new("field-email"));
        }
        value
    }

    /// A new password: 12 to 256 characters.
    pub fn new_password(&mut self, field: &str, value: &str) -> String {
        let len = value.chars().count();
        if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&len) {
            self.error(field, Msg::new("field-password").arg("min", PASSWORD_MIN).arg("max", PASSWORD_MAX));
        }
        value.to_owned()
    }

    /// `Ok` when no field had an error.
    ///
    /// # Errors
    /// `Invalid` with every field error collected.
    pub fn finish(self) -> Result<(), AppError> {
        if self.errors.is_empty() { Ok(()) } else { Err(AppError::Invalid(self.errors)) }
    }
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 256;

/// `Err` when a list already has `max` entries.
///
/// # Errors
/// `Invalid` on `field`, naming the limit.
pub fn check_count(field: &str, count: usize, max: usize) -> Result<(), AppError> {
    if count >= max { Err(AppError::invalid(field, Msg::new("field-count-limit").arg("max", max))) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_its_limits_are_named() {
        let mut form = Form::new();
        assert_eq!(form.text("name", "  Krefeld  ", 1, 120), "Krefeld");
        form.text("empty", "   ", 1, 120);
        form.text("long", &"ä".repeat(121), 1, 120);
        let err = form.finish().expect_err("two fields are invalid");
        let empty = err.field("empty").expect("empty field has an error");
        assert_eq!(empty.key, "field-length");
        assert!(empty.args.contains(&("max".into(), "120".into())));
        let long = err.field("long").expect("long field has an error");
        assert!(long.args.contains(&("actual".into(), "121".into())));
        assert!(err.field("name").is_none());
    }

    #[test]
    fn umlauts_count_as_one_character() {
        let mut form = Form::new();
        form.text("name", &"ü".repeat(120), 1, 120);
        assert!(form.finish().is_ok());
    }

    #[test]
    fn dates_are_read_in_iso_and_german_form() {
        let mut form = Form::new();
        let expected = NaiveDate::from_ymd_opt(2026, 3, 1);
        assert_eq!(form.optional_date("a", "2026-03-01"), expected);
        assert_eq!(form.optional_date("b", "01.03.2026"), expected);
        assert_eq!(form.optional_date("c", ""), None);
        assert_eq!(form.optional_date("d", "31.02.2026"), None);
        assert!(form.finish().expect_err("d is invalid").field("d").is_some());
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        let mut form = Form::new();
        assert_eq!(form.email("e", " Amt@Krefeld.DE "), "amt@krefeld.de");
        assert!(form.finish().is_ok());
        for bad in ["", "a@b", "a b@c.de", "@c.de", "a@@c.de", "a@c.de."] {
            let mut form = Form::new();
            form.email("e", bad);
            assert!(form.finish().is_err(), "{bad} should be invalid");
        }
    }

    #[test]
    fn passwords_need_twelve_characters() {
        let mut form = Form::new();
        form.new_password("p", "kurz");
        assert!(form.finish().is_err());
        let mut form = Form::new();
        form.new_password("p", "lang-genug-123");
        assert!(form.finish().is_ok());
    }
}
