import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, SubmitButton, TextField, useErrorText, type Option } from "../programme/fields";
import type { FieldErrors, FormValues } from "../../lib/programme-forms";
import { ORGANISATION_KINDS } from "./options";

interface Stored {
  name: string;
  acronym: string | null;
  kind: string;
  iatiRef: string | null;
  iatiType: string | null;
  countryId: string | null;
  parentId: string | null;
  version: number;
}

/** Create or edit an organisation; `values` (what was typed) win over `stored`. */
export function OrganisationForm({
  intent,
  stored,
  values,
  errors,
  formErrors,
  countries,
  parents,
  submitLabel,
}: {
  intent: string;
  stored?: Stored | undefined;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
  formErrors?: string[] | undefined;
  countries: Option[];
  parents: Option[];
  submitLabel: string;
}) {
  const { t } = useTranslation("admin");
  const errorText = useErrorText();
  const err = (f: string) => errorText(errors?.[f]);
  const value = (f: keyof Stored & keyof FormValues, fallback = "") => values?.[f] ?? (stored ? String(stored[f] ?? "") : fallback);
  return (
    <Form method="post" className="form form--grid" noValidate key={stored ? `v${stored.version}` : "new"}>
      <input type="hidden" name="intent" value={intent} />
      {stored ? <input type="hidden" name="version" value={stored.version} /> : null}
      <FormErrors messages={formErrors} />
      <TextField name="name" label={t("organisations.fields.name")} defaultValue={value("name")} error={err("name")} required wide />
      <TextField name="acronym" label={t("organisations.fields.acronym")} defaultValue={value("acronym")} error={err("acronym")} />
      <SelectField
        name="kind"
        label={t("organisations.fields.kind")}
        defaultValue={value("kind")}
        error={err("kind")}
        emptyLabel={t("choose")}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
        required
      />
      <SelectField name="countryId" label={t("organisations.fields.country")} defaultValue={value("countryId")} error={err("countryId")} emptyLabel={t("organisations.international")} options={countries} />
      <SelectField name="parentId" label={t("organisations.fields.parent")} defaultValue={value("parentId")} error={err("parentId")} emptyLabel={t("none")} options={parents} hint={t("organisations.fields.parentHint")} />
      <TextField name="iatiRef" label={t("organisations.fields.iatiRef")} hint={t("organisations.fields.iatiRefHint")} defaultValue={value("iatiRef")} error={err("iatiRef")} />
      <TextField name="iatiType" label={t("organisations.fields.iatiType")} hint={t("organisations.fields.iatiTypeHint")} defaultValue={value("iatiType")} error={err("iatiType")} inputMode="numeric" maxLength={2} />
      <div className="form-actions">
        <SubmitButton intent={intent} label={submitLabel} busyLabel={t("saving")} />
      </div>
    </Form>
  );
}
