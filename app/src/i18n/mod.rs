//! Translations: Fluent files in `app/locales/`, German first and the fallback for every key.
//!
//! The language of a request comes from the `plenum_lang` cookie, else `Accept-Language`,
//! else German. The server writes it into `<html lang>`, where the browser reads it back
//! on hydration, so both sides render the same words.

use std::{collections::HashMap, sync::OnceLock};

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};

use crate::error::Msg;

/// One language's translation files.
#[derive(Debug)]
pub struct Locale {
    /// The code, a BCP 47 tag (`de`, `tr`, `de-x-ls` for Leichte Sprache).
    pub code: &'static str,
    /// What participants and the public see: start page, join, board, ballots, surveys, plan.
    pub participant: &'static str,
    /// The staff pages; languages without them show staff pages in German.
    pub staff: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Name of the cookie that keeps the chosen language.
pub const LANG_COOKIE: &str = "plenum_lang";

/// Languages written from right to left.
const RIGHT_TO_LEFT: &[&str] = &["ar", "fa", "he", "ur"];

/// A language Plenum has a translation file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

impl Default for Lang {
    fn default() -> Self {
        Self("de")
    }
}

impl Lang {
    /// The language with this code, if a translation file exists for it.
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        LOCALES.iter().find(|l| l.code == code).map(|l| Self(l.code))
    }

    #[must_use]
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Every language, German first.
    pub fn all() -> impl Iterator<Item = Self> {
        LOCALES.iter().map(|l| Self(l.code))
    }

    /// The languages the staff pages come in.
    pub fn staff_languages() -> impl Iterator<Item = Self> {
        LOCALES.iter().filter(|l| l.staff.is_some()).map(|l| Self(l.code))
    }

    /// Whether the staff pages come in this language.
    #[must_use]
    pub fn has_staff_pages(self) -> bool {
        LOCALES.iter().any(|l| l.code == self.0 && l.staff.is_some())
    }

    /// This language for a staff page: itself where staff pages have it, else German.
    #[must_use]
    pub fn for_staff(self) -> Self {
        if self.has_staff_pages() { self } else { Self::default() }
    }

    /// Whether the language is written from right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        RIGHT_TO_LEFT.contains(&self.0)
    }

    /// The value of `dir` on `<html>`.
    #[must_use]
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The language a text written on a page in this language is in: Leichte Sprache is German.
    #[must_use]
    pub fn for_written(self) -> Self {
        if self.0.starts_with("de-") { Self::default() } else { self }
    }

    /// The name of the language in itself ("Türkçe", "العربية").
    #[must_use]
    pub fn own_name(self) -> String {
        t(self, "language-name")
    }

    /// The best language for an `Accept-Language` header, by its order of preference: the
    /// whole tag first (`de-x-ls`), then its primary language (`tr-TR` is Turkish).
    #[must_use]
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut ranked: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .into_iter()
            .find_map(|(_, tag)| Self::parse(tag).or_else(|| Self::parse(tag.split('-').next().unwrap_or(tag))))
    }

    /// The language of a request: cookie, then `Accept-Language`, then German.
    #[must_use]
    pub fn from_headers(cookie_value: Option<&str>, accept_language: Option<&str>) -> Self {
        cookie_value
            .and_then(Self::parse)
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or_default()
    }

    /// The first of `offered` this language matches, else the first offered (German, when a
    /// workshop or survey offers only some languages).
    #[must_use]
    pub fn within(self, offered: &[Self]) -> Self {
        if offered.is_empty() || offered.contains(&self) { self } else { offered[0] }
    }
}

/// The languages a workshop or a survey offers, as its `languages` column keeps them: codes
/// separated by commas, German always first; empty for every language Plenum has.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Offer(pub String);

impl Offer {
    /// The offer from the codes an organizer ticked; German is always offered, since what
    /// staff write is German. The form sends `de` with the ticked boxes, so no codes at all
    /// (a caller without the checkboxes) keeps every language.
    ///
    /// # Errors
    /// `Invalid` on `languages` for a code Plenum has no translation for.
    pub fn parse(codes: &[String]) -> Result<Self, crate::error::AppError> {
        if codes.iter().all(|c| c.trim().is_empty()) {
            return Ok(Self::default());
        }
        let mut chosen = vec![Lang::default()];
        for code in codes.iter().filter(|c| !c.trim().is_empty()) {
            let lang = Lang::parse(code)
                .ok_or_else(|| crate::error::AppError::invalid("languages", Msg::new("field-choice")))?;
            if !chosen.contains(&lang) {
                chosen.push(lang);
            }
        }
        if chosen.len() == LOCALES.len() {
            return Ok(Self::default());
        }
        // Kept in the order of `LOCALES`, so that the switch always lists them the same way.
        let codes: Vec<&str> = Lang::all().filter(|l| chosen.contains(l)).map(Lang::code).collect();
        Ok(Self(codes.join(",")))
    }

    /// The offered languages, German first.
    #[must_use]
    pub fn langs(&self) -> Vec<Lang> {
        if self.0.trim().is_empty() {
            return Lang::all().collect();
        }
        let listed: Vec<Lang> = self.0.split(',').filter_map(Lang::parse).collect();
        Lang::all().filter(|l| *l == Lang::default() || listed.contains(l)).collect()
    }

    /// Whether every language is offered (nothing chosen).
    #[must_use]
    pub fn is_all(&self) -> bool {
        self.0.trim().is_empty()
    }

    #[must_use]
    pub fn offers(&self, lang: Lang) -> bool {
        self.langs().contains(&lang)
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static HashMap<&'static str, Bundle> {
    static BUNDLES: OnceLock<HashMap<&'static str, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        LOCALES
            .iter()
            .map(|locale| {
                // `de-x-ls` (Leichte Sprache) has German plural rules; private-use tags don't parse.
                let base = locale.code.split("-x-").next().unwrap_or(locale.code);
                let lang = base.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                // Isolation marks around arguments would show up as stray characters in
                // attributes and tests; right-to-left languages need them, so that a German
                // name or a number inside an Arabic sentence keeps its own direction.
                bundle.set_use_isolating(RIGHT_TO_LEFT.contains(&locale.code));
                for source in std::iter::once(locale.participant).chain(locale.staff) {
                    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
                    let _ = bundle.add_resource(resource);
                }
                (locale.code, bundle)
            })
            .collect()
    })
}

fn lookup(lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundles().get(lang.code())?;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The text of `key` in `lang`, falling back to German, then to the key itself.
#[must_use]
pub fn t(lang: Lang, key: &str) -> String {
    t_args(lang, key, &[])
}

/// Like [`t`], with named arguments.
#[must_use]
pub fn t_args(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so that plural variants ([one], [other]) match.
            match value.parse::<i64>().ok().filter(|n| n.to_string() == *value) {
                Some(n) => a.set(*name, n),
                None => a.set(*name, value.clone()),
            }
        }
        a
    });
    lookup(lang, key, fluent_args.as_ref())
        .or_else(|| lookup(Lang::default(), key, fluent_args.as_ref()))
        .unwrap_or_else(|| key.to_owned())
}

/// A date as people in `lang` write it ("22.11.2026", "22 Nov 2026").
#[must_use]
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let month_name = t(lang, &format!("month-{}", date.month()));
    t_args(
        lang,
        "date-format",
        &[
            ("day", format!("{:02}", date.day())),
            ("dayshort", date.day().to_string()),
            ("month", format!("{:02}", date.month())),
            ("monthname", month_name),
            ("year", date.year().to_string()),
        ],
    )
}

/// The translation helper that components take from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    #[must_use]
    pub fn t(self, key: &str) -> String {
        t(self.lang, key)
    }

    #[must_use]
    pub fn ta(self, key: &str, args: &[(&str, String)]) -> String {
        t_args(self.lang, key, args)
    }

    /// A message from the server. Its key may come from a URL (`__err` after a post without
    /// JavaScript): an unknown key shows the generic error, never the key itself.
    #[must_use]
    pub fn msg(self, msg: &Msg) -> String {
        if lookup(Lang::default(), &msg.key, None).is_none() {
            return t(self.lang, "error-internal");
        }
        let args: Vec<(&str, String)> = msg.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        t_args(self.lang, &msg.key, &args)
    }

    #[must_use]
    pub fn date(self, date: NaiveDate) -> String {
        format_date(self.lang, date)
    }

    /// A number with at most one decimal, in the reader's way of writing ("3,5", "3.5").
    #[must_use]
    pub fn num(self, n: f64) -> String {
        let s = format!("{n:.1}");
        let s = s.strip_suffix(".0").unwrap_or(&s);
        s.replace('.', &self.t("number-decimal"))
    }

    /// A share in per cent, written as the language writes it ("45 %", "%45").
    #[must_use]
    pub fn percent(self, n: f64) -> String {
        self.ta("number-percent", &[("n", self.num(n))])
    }
}

/// The translation helper of the current page.
#[must_use]
pub fn use_i18n() -> I18n {
    leptos::prelude::use_context::<I18n>().unwrap_or_default()
}

#[cfg(test)]
mod tests;
