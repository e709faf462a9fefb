//! What the admin sets for the whole instance, and the accessibility statement built from it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, validate::Form};

pub const MUNICIPALITY_MAX: usize = 120;
pub const EMAIL_MAX: usize = 200;
pub const PHONE_MAX: usize = 60;
pub const ADDRESS_MAX: usize = 300;

/// The date this version of Plenum passed its automated accessibility checks (the browser
/// tests with axe-core, the keyboard, 320 px and 200 % zoom runs, the HTML checker). Set with
/// each release; the statement names it unless the admin names a later own check.
pub const CHECKED_ON: &str = "2026-12-01";

/// The settings of the instance (empty where not set).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InstanceSettings {
    pub municipality: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_address: String,
    /// The date of the operator's own last check, if any.
    pub checked_on: Option<NaiveDate>,
}

impl InstanceSettings {
    /// Every setting with its key in the `instance_settings` table.
    #[must_use]
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("municipality", self.municipality.clone()),
            ("contact_email", self.contact_email.clone()),
            ("contact_phone", self.contact_phone.clone()),
            ("contact_address", self.contact_address.clone()),
            ("checked_on", self.checked_on.map(|d| d.to_string()).unwrap_or_default()),
        ]
    }

    /// The settings from the table's rows; unknown keys are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = Self::default();
        for (key, value) in pairs {
            let value = value.to_owned();
            match key {
                "municipality" => s.municipality = value,
                "contact_email" => s.contact_email = value,
                "contact_phone" => s.contact_phone = value,
                "contact_address" => s.contact_address = value,
                "checked_on" => s.checked_on = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok(),
                _ => {}
            }
        }
        s
    }

    /// Parses the settings form.
    ///
    /// # Errors
    /// `Invalid` naming each field outside its limits, or an e-mail address that is none.
    pub fn parse(
        municipality: &str,
        email: &str,
        phone: &str,
        address: &str,
        checked_on: &str,
    ) -> Result<Self, AppError> {
        let mut form = Form::new();
        let municipality = form.text("municipality", municipality, 0, MUNICIPALITY_MAX);
        let contact_email = if email.trim().is_empty() {
            String::new()
        } else {
            let email = form.email("contact_email", email);
            form.text("contact_email", &email, 0, EMAIL_MAX)
        };
        let contact_phone = form.text("contact_phone", phone, 0, PHONE_MAX);
        let contact_address = form.text("contact_address", address, 0, ADDRESS_MAX);
        let checked_on = form.optional_date("checked_on", checked_on);
        form.finish()?;
        Ok(Self { municipality, contact_email, contact_phone, contact_address, checked_on })
    }

    /// Whether a way to give feedback is set (the statement must name one).
    #[must_use]
    pub fn has_contact(&self) -> bool {
        !(self.contact_email.is_empty() && self.contact_phone.is_empty() && self.contact_address.is_empty())
    }
}

/// The accessibility statement as the public page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub settings: InstanceSettings,
    /// The address of this instance (`PLENUM_PUBLIC_URL`).
    pub site: String,
    pub version: String,
    /// The later of the release's check and the operator's own.
    pub checked_on: NaiveDate,
}

impl Statement {
    #[must_use]
    pub fn new(settings: InstanceSettings, site: String) -> Self {
        let released = NaiveDate::parse_from_str(CHECKED_ON, "%Y-%m-%d").unwrap_or_default();
        let checked_on = settings.checked_on.map_or(released, |own| own.max(released));
        Self { settings, site, version: env!("CARGO_PKG_VERSION").to_owned(), checked_on }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_and_kept_as_pairs() {
        let s = InstanceSettings::parse(
            " Stadt Krefeld ",
            "Barrierefrei@Krefeld.de",
            "02151 86-0",
            "Rathaus",
            "2026-11-30",
        )
        .expect("valid");
        assert_eq!(s.municipality, "Stadt Krefeld");
        assert_eq!(s.contact_email, "barrierefrei@krefeld.de");
        let pairs = s.pairs();
        let back = InstanceSettings::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, s);
        assert!(s.has_contact());
        assert!(!InstanceSettings::default().has_contact());
        let err = InstanceSettings::parse("", "kein-at-zeichen", "", "", "").expect_err("no address");
        assert!(err.field("contact_email").is_some());
        let err =
            InstanceSettings::parse(&"x".repeat(MUNICIPALITY_MAX + 1), "", "", "", "30.11.").expect_err("too long");
        assert!(err.field("municipality").is_some() && err.field("checked_on").is_some());
    }

    #[test]
    fn the_statement_names_the_later_check() {
        let released = NaiveDate::parse_from_str(CHECKED_ON, "%Y-%m-%d").expect("a date");
        let own = released.succ_opt().expect("a day later");
        let s = Statement::new(InstanceSettings { checked_on: Some(own), ..InstanceSettings::default() }, "x".into());
        assert_eq!(s.checked_on, own);
        let earlier = released.pred_opt().expect("a day earlier");
        let s =
            Statement::new(InstanceSettings { checked_on: Some(earlier), ..InstanceSettings::default() }, "x".into());
        assert_eq!(s.checked_on, released);
    }
}
