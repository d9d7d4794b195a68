import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActivityFormOptions, ActivityFormValues } from "../../lib/activities.server";
import { CONTENT_LANGUAGES } from "../../lib/localised";
import { formatDate } from "../../lib/format";
import { CheckboxGroup, describe, ErrorSummary, Field, useFieldMessage, type FormErrors } from "./fields";

/** The form's fields in the order they appear (for the error summary's links). */
const FIELD_ORDER = [
  "programmeId",
  "type",
  "modality",
  "status",
  "code",
  "title",
  "description",
  "objectives",
  "topics",
  "originalLanguage",
  "titleTranslations",
  "descriptionTranslations",
  "countryId",
  "completionSharePercent",
  "startDate",
  "endDate",
  "regionIds",
  "outputIds",
  "donorIds",
  "partners",
] as const;

/** Blank partner rows offered below the chosen partners (more with "Add a partner row"). */
export const BLANK_PARTNER_ROWS = 1;

export interface ActivityFormProps {
  values: ActivityFormValues;
  options: ActivityFormOptions;
  errors: FormErrors;
  /** Partner rows to show (the chosen ones plus blank ones). */
  partnerRows: number;
  /** The version the edit is based on; absent for a new activity. */
  version?: number;
  submitLabel: string;
  submittingLabel: string;
}

export function ActivityForm({ values, options, errors, partnerRows, version, submitLabel, submittingLabel }: ActivityFormProps) {
  const { t } = useTranslation("staff");
  const { t: tc, i18n } = useTranslation();
  const message = useFieldMessage("activity");
  const navigation = useNavigation();
  const intent = navigation.formData?.get("intent");
  const saving = navigation.state === "submitting" && intent === "save";
  const refreshing = navigation.state === "submitting" && intent !== "save";
  const err = (field: string) => message(field, errors[field]);
  const partners = Array.from({ length: partnerRows }, (_, i) => values.partners[i] ?? { organisationId: "", role: "NATIONAL_COUNTERPART" });
  const locale = i18n.language;

  return (
    <Form method="post" className="form activity-form" noValidate>
      <ErrorSummary form="activity" errors={errors} order={FIELD_ORDER} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="partnerRows" value={partnerRows} />
      {/* Enter in a field saves: the first submit button is the form's default one. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>

      <fieldset className="form-section">
        <legend>{t("activities.form.sections.about")}</legend>
        <div className="form-grid">
          <Field id="programmeId" label={t("activities.form.programme")} error={err("programmeId")} className="span-2">
            <select name="programmeId" defaultValue={values.programmeId} {...describe("programmeId", { error: err("programmeId") })}>
              <option value="">{t("activities.form.choose")}</option>
              {options.programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </Field>
          <Field id="type" label={t("activities.form.type")} error={err("type")}>
            <select name="type" defaultValue={values.type} {...describe("type", { error: err("type") })}>
              {options.types.map((type) => (
                <option key={type} value={type}>
                  {tc(`activityType.${type}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="modality" label={t("activities.form.modality")} error={err("modality")}>
            <select name="modality" defaultValue={values.modality} {...describe("modality", { error: err("modality") })}>
              {options.modalities.map((modality) => (
                <option key={modality} value={modality}>
                  {tc(`modality.${modality}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="status" label={t("activities.form.status")} error={err("status")}>
            <select name="status" defaultValue={values.status} {...describe("status", { error: err("status") })}>
              {options.statuses.map((status) => (
                <option key={status} value={status}>
                  {tc(`activityStatus.${status}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="code" label={t("activities.form.code")} hint={t("activities.form.codeHint")} error={err("code")}>
            <input name="code" defaultValue={values.code} autoComplete="off" spellCheck={false} {...describe("code", { error: err("code"), hint: true })} />
          </Field>
          <Field id="title" label={t("activities.form.title")} error={err("title")} className="span-2">
            <input name="title" defaultValue={values.title} required maxLength={300} {...describe("title", { error: err("title") })} />
          </Field>
          <Field id="description" label={t("activities.form.description")} error={err("description")} className="span-2">
            <textarea name="description" rows={4} defaultValue={values.description} {...describe("description", { error: err("description") })} />
          </Field>
          <Field id="objectives" label={t("activities.form.objectives")} error={err("objectives")} className="span-2">
            <textarea name="objectives" rows={3} defaultValue={values.objectives} {...describe("objectives", { error: err("objectives") })} />
          </Field>
          <Field id="topics" label={t("activities.form.topics")} hint={t("activities.form.topicsHint")} error={err("topics")} className="span-2">
            <textarea name="topics" rows={4} defaultValue={values.topics} {...describe("topics", { error: err("topics"), hint: true })} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("activities.form.sections.languages")}</legend>
        <div className="form-grid">
          <Field id="originalLanguage" label={t("activities.form.originalLanguage")} hint={t("activities.form.originalLanguageHint")} error={err("originalLanguage")} className="span-2">
            <select name="originalLanguage" defaultValue={values.originalLanguage} {...describe("originalLanguage", { error: err("originalLanguage"), hint: true })}>
              {CONTENT_LANGUAGES.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`activities.form.languageName.${lng}`)}
                </option>
              ))}
            </select>
          </Field>
          <p id="translations-hint" className="hint span-2">
            {t("activities.form.translationsHint")}
          </p>
          {CONTENT_LANGUAGES.map((lng, index) => {
            const language = t(`activities.form.languageName.${lng}`);
            // The error summary links to the first field of each kind.
            const titleId = index === 0 ? "titleTranslations" : `titleTranslations-${lng}`;
            const descriptionId = index === 0 ? "descriptionTranslations" : `descriptionTranslations-${lng}`;
            return (
              <div key={lng} className="span-2 form-grid">
                <Field id={titleId} label={t("activities.form.titleIn", { language })} error={err("titleTranslations")} className="span-2">
                  <input name={`translations.${lng}.title`} lang={lng} defaultValue={values.translations[lng].title} maxLength={2000} {...describe(titleId, { error: err("titleTranslations") })} />
                </Field>
                <Field id={descriptionId} label={t("activities.form.descriptionIn", { language })} error={err("descriptionTranslations")} className="span-2">
                  <textarea name={`translations.${lng}.description`} lang={lng} rows={3} defaultValue={values.translations[lng].description} {...describe(descriptionId, { error: err("descriptionTranslations") })} />
                </Field>
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("activities.form.sections.where")}</legend>
        <div className="form-grid">
          <Field id="countryId" label={t("activities.form.country")} hint={t("activities.form.countryHint")} error={err("countryId")}>
            <select name="countryId" defaultValue={values.countryId} {...describe("countryId", { error: err("countryId"), hint: true })}>
              <option value="">{t("activities.form.choose")}</option>
              {options.countries.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="completionSharePercent" label={t("activities.form.completionShare")} hint={t("activities.form.completionShareHint")} error={err("completionSharePercent")}>
            <input
              name="completionSharePercent"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              defaultValue={values.completionSharePercent}
              {...describe("completionSharePercent", { error: err("completionSharePercent"), hint: true })}
            />
          </Field>
          <Field id="startDate" label={t("activities.form.startDate")} error={err("startDate")}>
            <input name="startDate" type="date" defaultValue={values.startDate} required {...describe("startDate", { error: err("startDate") })} />
          </Field>
          <Field id="endDate" label={t("activities.form.endDate")} error={err("endDate")}>
            <input name="endDate" type="date" defaultValue={values.endDate} required {...describe("endDate", { error: err("endDate") })} />
          </Field>
        </div>
        <div className="form-refresh">
          <p className="field-hint" id="refresh-hint">
            {t("activities.form.refreshHint")}
          </p>
          <button type="submit" name="intent" value="refresh" className="button button--secondary" aria-describedby="refresh-hint" disabled={refreshing}>
            {refreshing ? t("activities.form.refreshing") : t("activities.form.refresh")}
          </button>
        </div>
        <CheckboxGroup
          name="regionIds"
          legend={t("activities.form.regions")}
          hint={options.regionsValidOn ? t("activities.form.regionsHintToday", { date: formatDate(locale, options.regionsValidOn) }) : t("activities.form.regionsHint")}
          error={err("regionIds")}
          checked={values.regionIds}
          empty={t("activities.form.regionsEmpty")}
          options={options.regions.map((r) => ({
            value: r.id,
            label: r.name,
            note:
              r.validTo !== null
                ? t("activities.form.regionUntil", { date: formatDate(locale, r.validTo) })
                : undefined,
          }))}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("activities.form.sections.results")}</legend>
        <CheckboxGroup
          name="outputIds"
          legend={t("activities.form.outputs")}
          hint={t("activities.form.outputsHint")}
          error={err("outputIds")}
          checked={values.outputIds}
          empty={t("activities.form.outputsEmpty")}
          wide
          options={options.outputs.map((o) => ({ value: o.id, label: t("activities.form.outputLabel", { code: o.code, title: o.title }) }))}
        />
        <CheckboxGroup
          name="donorIds"
          legend={t("activities.form.donors")}
          hint={t("activities.form.donorsHint")}
          error={err("donorIds")}
          checked={values.donorIds}
          empty={t("activities.form.donorsEmpty")}
          wide
          options={options.donors.map((d) => ({ value: d.id, label: d.name, note: d.code }))}
        />
      </fieldset>

      <fieldset id="partners" className="form-section" aria-describedby={err("partners") ? "partners-error" : "partners-hint"}>
        <legend>{t("activities.form.sections.partners")}</legend>
        <p id="partners-hint" className="field-hint">
          {t("activities.form.partnersHint")}
        </p>
        {err("partners") ? (
          <p id="partners-error" className="field-error">
            {err("partners")}
          </p>
        ) : null}
        <ol className="partner-rows">
          {partners.map((partner, index) => (
            <li key={index} className="form-grid">
              <div className="field">
                <label htmlFor={`partners.${index}.organisationId`}>{t("activities.form.partnerOrganisation", { n: index + 1 })}</label>
                <select id={`partners.${index}.organisationId`} name={`partners.${index}.organisationId`} defaultValue={partner.organisationId}>
                  <option value="">{t("activities.form.noPartner")}</option>
                  {options.organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.acronym ? t("activities.form.organisationWithAcronym", { name: o.name, acronym: o.acronym }) : o.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`partners.${index}.role`}>{t("activities.form.partnerRole", { n: index + 1 })}</label>
                <select id={`partners.${index}.role`} name={`partners.${index}.role`} defaultValue={partner.role || "NATIONAL_COUNTERPART"}>
                  {options.partnerRoles.map((role) => (
                    <option key={role} value={role}>
                      {tc(`partnerRole.${role}`)}
                    </option>
                  ))}
                </select>
              </div>
            </li>
          ))}
        </ol>
        <button type="submit" name="intent" value="add-partner" className="button button--secondary" disabled={refreshing}>
          {t("activities.form.addPartnerRow")}
        </button>
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={saving}>
          {saving ? submittingLabel : submitLabel}
        </button>
      </div>
    </Form>
  );
}
