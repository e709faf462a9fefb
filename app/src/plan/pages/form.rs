//! The fields of a measure's form, shared by promoting, writing directly and editing.

use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::use_i18n,
    plan::types::{
        Choice, LEAD_MAX, MEASURE_DESCRIPTION_MAX, MEASURE_TEXT_MAX, MEASURE_TITLE_MAX, MeasureChoices, MeasureForm,
        PartnerKind, TIME_TEXT_MAX, check_key,
    },
    ui::{Field, SelectField, TextArea, field_error},
};

/// A list of checkboxes posting `name[g<id>]=on`, grouped by `group` when given.
#[component]
pub fn Checks(
    name: &'static str,
    legend: String,
    items: Vec<Choice>,
    checked: std::collections::BTreeMap<String, String>,
    #[prop(optional)] group_label: Option<fn(Option<&str>) -> String>,
    #[prop(into)] error: Signal<Option<crate::error::Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{name}-error");
    let mut last_group: Option<Option<String>> = None;
    let rows = items
        .into_iter()
        .map(|c| {
            let key = check_key(c.id);
            let input_id = format!("{name}-{}", c.id);
            let is = checked.contains_key(&key);
            let heading = group_label.and_then(|label| {
                (last_group.as_ref() != Some(&c.group)).then(|| {
                    last_group = Some(c.group.clone());
                    view! { <li class="check-group">{label(c.group.as_deref())}</li> }
                })
            });
            view! {
                {heading}
                <li>
                    <input type="checkbox" id=input_id.clone() name=format!("{name}[{key}]") value="on" checked=is />
                    <label for=input_id>{c.name}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="picks" aria-describedby=move || error.get().is_some().then(|| format!("{name}-error"))>
            <legend>{legend}</legend>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</p>
            <ul class="pick-list">{rows}</ul>
        </fieldset>
    }
}

fn goal_group(group: Option<&str>) -> String {
    let i18n = use_i18n();
    match group {
        Some(field) => i18n.ta("measure-goals-of-field", &[("field", field.to_owned())]),
        None => i18n.t("measure-goals-of-process"),
    }
}

/// Every field of a measure, filled with `form`.
#[component]
pub fn MeasureFields(
    form: MeasureForm,
    choices: MeasureChoices,
    errors: Signal<Option<AppError>>,
    #[prop(optional)] suggested_goals: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = |list: &[Choice]| list.iter().map(|c| (c.id.to_string(), c.name.clone())).collect::<Vec<_>>();
    let kinds = PartnerKind::ALL.iter().map(|k| (k.as_str().to_owned(), i18n.t(k.label_key()))).collect();
    let partner_items = choices
        .partners
        .iter()
        .map(|p| Choice {
            id: p.id,
            name: format!(
                "{} ({})",
                p.name,
                p.group.as_deref().and_then(PartnerKind::parse).map(|k| i18n.t(k.label_key())).unwrap_or_default()
            ),
            group: None,
        })
        .collect::<Vec<_>>();
    view! {
        <Field name="title" label=i18n.t("measure-title") value=form.title.clone() required=true maxlength=MEASURE_TITLE_MAX
            error=field_error(errors, "title") />
        <TextArea name="description" label=i18n.t("measure-description") value=form.description.clone()
            maxlength=MEASURE_DESCRIPTION_MAX rows=5 error=field_error(errors, "description") />
        <div class="field-row">
            <SelectField name="action_field" label=i18n.t("measure-action-field") options=options(&choices.action_fields)
                selected=form.action_field.clone() empty=String::new() required=true error=field_error(errors, "action_field") />
            <SelectField name="phase" label=i18n.t("measure-phase") options=options(&choices.phases)
                selected=form.phase.clone() empty=i18n.t("measure-phase-none") error=field_error(errors, "phase") />
        </div>
        <fieldset class="field-group">
            <legend>{i18n.t("measure-timeframe")}</legend>
            <div class="field-row">
                <Field name="time_from" kind="month" label=i18n.t("measure-time-from") value=form.time_from.clone()
                    hint=i18n.t("measure-month-hint") error=field_error(errors, "time_from") />
                <Field name="time_to" kind="month" label=i18n.t("measure-time-to") value=form.time_to.clone()
                    hint=i18n.t("measure-month-hint") error=field_error(errors, "time_to") />
            </div>
            <Field name="time_text" label=i18n.t("measure-time-text") value=form.time_text.clone() maxlength=TIME_TEXT_MAX
                hint=i18n.t("measure-time-text-hint") error=field_error(errors, "time_text") />
        </fieldset>
        {(!suggested_goals.is_empty()).then(|| view! {
            <div class="suggested" data-test="suggested-goals">
                <p><strong>{i18n.t("measure-suggested-goals")}</strong></p>
                <ul>{suggested_goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
            </div>
        })}
        <Checks name="goal" legend=i18n.t("measure-goals") items=choices.goals.clone() checked=form.goal.clone()
            group_label=goal_group error=field_error(errors, "goal") />
        {(!choices.themes.is_empty()).then(|| view! {
            <Checks name="theme" legend=i18n.t("measure-themes") items=choices.themes.clone() checked=form.theme.clone()
                error=field_error(errors, "theme") />
        })}
        {(!partner_items.is_empty()).then(|| view! {
            <Checks name="partner" legend=i18n.t("measure-partners") items=partner_items checked=form.partner.clone()
                error=field_error(errors, "partner") />
        })}
        <div class="field-row">
            <TextArea name="new_partners" label=i18n.t("measure-new-partners") value=form.new_partners.clone() rows=3
                error=field_error(errors, "new_partners") />
            <SelectField name="new_partner_kind" label=i18n.t("measure-new-partner-kind") options=kinds
                selected="other".to_owned() error=field_error(errors, "new_partner_kind") />
        </div>
        <Field name="lead" label=i18n.t("measure-lead") value=form.lead.clone() maxlength=LEAD_MAX
            error=field_error(errors, "lead") />
        <TextArea name="target_groups" label=i18n.t("measure-target-groups") value=form.target_groups.clone()
            maxlength=MEASURE_TEXT_MAX rows=2 error=field_error(errors, "target_groups") />
        <TextArea name="indicators" label=i18n.t("measure-indicators") value=form.indicators.clone()
            maxlength=MEASURE_TEXT_MAX rows=2 error=field_error(errors, "indicators") />
        <TextArea name="resources" label=i18n.t("measure-resources") value=form.resources.clone()
            maxlength=MEASURE_TEXT_MAX rows=2 error=field_error(errors, "resources") />
    }
}
