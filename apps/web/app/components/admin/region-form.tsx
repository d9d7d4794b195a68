import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, SubmitButton, TextField, useErrorText, type Option } from "../programme/fields";
import type { FieldErrors, FormValues } from "../../lib/programme-forms";

interface Stored {
  code: string;
  name: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  predecessorId: string | null;
  aliases: string[];
  version: number;
}

/** Create or edit a region of `countryId`; `values` (what was typed) win over `stored`. */
export function RegionForm({
  intent,
  countryId,
  stored,
  values,
  errors,
  formErrors,
  predecessors,
  submitLabel,
}: {
  intent: string;
  countryId: string;
  stored?: Stored | undefined;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
  formErrors?: string[] | undefined;
  predecessors: Option[];
  submitLabel: string;
}) {
  const { t } = useTranslation("admin");
  const errorText = useErrorText();
  const err = (f: string) => errorText(errors?.[f]);
  const value = (f: keyof Stored, fallback = "") => {
    if (values?.[f] !== undefined) return values[f];
    if (!stored) return fallback;
    const v = stored[f];
    return Array.isArray(v) ? v.join(", ") : String(v ?? "");
  };
  return (
    <Form method="post" className="form form--grid" noValidate key={stored ? `v${stored.version}` : "new"}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="countryId" value={countryId} />
      {stored ? <input type="hidden" name="version" value={stored.version} /> : null}
      <FormErrors messages={formErrors} />
      <TextField name="name" label={t("regions.fields.name")} defaultValue={value("name")} error={err("name")} required />
      <TextField name="code" label={t("regions.fields.code")} hint={t("regions.fields.codeHint")} defaultValue={value("code")} error={err("code")} required autoCapitalize="characters" />
      <SelectField
        name="kind"
        label={t("regions.fields.kind")}
        defaultValue={value("kind", "REGION")}
        error={err("kind")}
        options={(["REGION", "CITY"] as const).map((k) => ({ value: k, label: t(`regionKind.${k}`) }))}
      />
      <SelectField name="predecessorId" label={t("regions.fields.predecessor")} hint={t("regions.fields.predecessorHint")} defaultValue={value("predecessorId")} error={err("predecessorId")} emptyLabel={t("none")} options={predecessors} />
      <TextField name="validFrom" type="date" label={t("regions.fields.validFrom")} defaultValue={value("validFrom")} error={err("validFrom")} required />
      <TextField name="validTo" type="date" label={t("regions.fields.validTo")} hint={t("regions.fields.validToHint")} defaultValue={value("validTo")} error={err("validTo")} />
      <TextField name="aliases" label={t("regions.fields.aliases")} hint={t("regions.fields.aliasesHint")} defaultValue={value("aliases")} error={err("aliases")} wide />
      <div className="form-actions">
        <SubmitButton intent={intent} label={submitLabel} busyLabel={t("saving")} />
      </div>
    </Form>
  );
}
