import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SessionFormValues } from "../../lib/activities.server";
import { UTC_OFFSETS } from "./date-time";
import { CheckboxGroup, describe, ErrorSummary, Field, useFieldMessage, type FormErrors } from "./fields";

const FIELD_ORDER = ["sequence", "timeZone", "startsAt", "endsAt", "topic", "trainerIds"] as const;

/** "Add session": sequence, start and end (with the time zone they are typed in), topic, trainers. */
export function SessionForm({ values, errors, trainers }: { values: SessionFormValues; errors: FormErrors; trainers: { id: string; fullName: string; note: string | null }[] }) {
  const { t } = useTranslation("staff");
  const message = useFieldMessage("session");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-session";
  const err = (field: string) => message(field, errors[field]);

  return (
    <Form method="post" className="form session-form" noValidate aria-labelledby="add-session-heading">
      <h3 id="add-session-heading">{t("activities.sessions.add.heading")}</h3>
      <input type="hidden" name="intent" value="add-session" />
      <ErrorSummary form="session" errors={errors} order={FIELD_ORDER} />
      <div className="form-grid">
        <Field id="sequence" label={t("activities.sessions.add.sequence")} error={err("sequence")}>
          <input name="sequence" type="number" inputMode="numeric" min={1} max={1000} defaultValue={values.sequence} required {...describe("sequence", { error: err("sequence") })} />
        </Field>
        <Field id="timeZone" label={t("activities.sessions.add.timeZone")} hint={t("activities.sessions.add.timeZoneHint")} error={err("timeZone")}>
          <select name="timeZone" defaultValue={values.timeZone} {...describe("timeZone", { error: err("timeZone"), hint: true })}>
            {UTC_OFFSETS.map((offset) => (
              <option key={offset} value={offset}>
                {t("activities.sessions.add.offset", { offset })}
              </option>
            ))}
          </select>
        </Field>
        <Field id="startsAt" label={t("activities.sessions.add.startsAt")} error={err("startsAt")}>
          <input name="startsAt" type="datetime-local" defaultValue={values.startsAt} required {...describe("startsAt", { error: err("startsAt") })} />
        </Field>
        <Field id="endsAt" label={t("activities.sessions.add.endsAt")} error={err("endsAt")}>
          <input name="endsAt" type="datetime-local" defaultValue={values.endsAt} {...describe("endsAt", { error: err("endsAt") })} />
        </Field>
        <Field id="topic" label={t("activities.sessions.add.topic")} error={err("topic")} className="span-2">
          <input name="topic" defaultValue={values.topic} required maxLength={500} {...describe("topic", { error: err("topic") })} />
        </Field>
      </div>
      <CheckboxGroup
        name="trainerIds"
        legend={t("activities.sessions.add.trainers")}
        hint={t("activities.sessions.add.trainersHint")}
        error={err("trainerIds")}
        checked={values.trainerIds}
        empty={t("activities.sessions.add.trainersEmpty")}
        options={trainers.map((trainer) => ({ value: trainer.id, label: trainer.fullName, note: trainer.note ?? undefined }))}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("activities.sessions.add.submitting") : t("activities.sessions.add.submit")}
      </button>
    </Form>
  );
}
