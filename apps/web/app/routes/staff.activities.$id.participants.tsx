import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SexSchema } from "@vep/domain";
import { notFound } from "../api.server";
import { describe, ErrorSummary, Field, useFieldMessage, type FormErrors } from "../components/activities/fields";

const FIELD_ORDER = ["fullName", "sex", "position", "organisationId", "regionId", "email", "phone"] as const;
import { getFixedT, getAreaT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import {
  createParticipant,
  enrol,
  getActivity,
  listEnrolments,
  listOrganisations,
  listRegions,
  parseParticipantForm,
  participantFormValues,
  searchParticipants,
  type ParticipantFormValues,
} from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { CsvLink } from "../components/csv-link";

export const handle = { i18n: ["common", "staff", "exports"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  const [t, tc, activity] = await Promise.all([getAreaT(request, "staff"), getFixedT(request), getActivity(api, id, request)]);
  const locale = await getLocale(request);
  const title = localised(activity, "title", locale);
  const [enrolments, found, organisations, regions] = await Promise.all([
    listEnrolments(api, id, request),
    q ? searchParticipants(api, q.slice(0, 100), request) : Promise.resolve([]),
    listOrganisations(api, request),
    listRegions(api, { countryId: activity.country.id }, request),
  ]);
  const enrolled = new Set(enrolments.map((e) => e.personId));
  const organisationNames = new Map(organisations.map((o) => [o.id, localised(o, "name", locale)]));
  const regionNames = new Map(regions.map((r) => [r.id, localised(r, "name", locale)]));
  return {
    title: tc("app.pageTitle", { page: t("activities.enrol.title", { title }), app: tc("app.name") }),
    activity: { id: activity.id, title: title },
    q,
    enrolledCount: enrolments.length,
    results: found.map((p) => ({
      id: p.id,
      fullName: p.fullName,
      position: p.position,
      organisation: p.organisationId ? (organisationNames.get(p.organisationId) ?? null) : null,
      region: p.regionId ? (regionNames.get(p.regionId) ?? null) : null,
      erased: p.erasedAt !== null,
      enrolled: enrolled.has(p.id),
    })),
    organisations: organisations.map((o) => ({ id: o.id, name: localised(o, "name", locale) })),
    regions: regions.map((r) => ({ id: r.id, name: localised(r, "name", locale), validTo: r.validTo })),
    sexes: SexSchema.options,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const form = await request.formData();
  const intent = form.get("intent");
  const done = (name: string) => redirect(`/staff/activities/${encodeURIComponent(id)}/participants?enrolled=${encodeURIComponent(name)}`);

  if (intent === "enrol") {
    const personId = String(form.get("personId") ?? "");
    const result = await enrol(api, id, personId, request);
    if (result.ok) throw done(String(form.get("fullName") ?? ""));
    return data({ enrolError: result.status === 409 ? ("already" as const) : ("failed" as const), create: null }, { status: result.status });
  }

  const values = participantFormValues(form);
  const reply = (errors: FormErrors, status = 400, duplicate = false) => data({ enrolError: null, create: { values, errors, duplicate } }, { status });
  const parsed = parseParticipantForm(values);
  if (!parsed.ok) return reply(Object.fromEntries(Object.keys(parsed.fieldErrors).map((k) => [k, "invalid" as const])));
  const created = await createParticipant(api, parsed.input, request);
  if (!created.ok) {
    if (created.status === 400) return reply(Object.fromEntries(Object.keys(created.fieldErrors).map((k) => [k, "rule" as const])));
    // 409: someone with this name is already recorded in the organisation.
    if (created.status === 409) return reply({ fullName: "rule" }, 409, true);
    return reply({ form: "rule" });
  }
  const enrolled = await enrol(api, id, created.data.id, request);
  if (!enrolled.ok) return data({ enrolError: "failed" as const, create: null }, { status: enrolled.status });
  throw done(created.data.fullName);
}

const BLANK: ParticipantFormValues = { fullName: "", sex: "", position: "", organisationId: "", regionId: "", email: "", phone: "", allowDuplicate: false };

export default function AddParticipants() {
  const { activity, q, results, organisations, regions, sexes, enrolledCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("staff");
  const message = useFieldMessage("participant");
  const base = `/staff/activities/${encodeURIComponent(activity.id)}`;
  const create = actionData?.create ?? null;
  const values = create?.values ?? BLANK;
  const errors = create?.errors ?? {};
  const err = (field: string) => message(field, errors[field]);
  const creating = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const enrolling = navigation.state === "submitting" && navigation.formData?.get("intent") === "enrol" ? navigation.formData.get("personId") : null;
  const enrolledName = params.get("enrolled");

  return (
    <article aria-labelledby="enrol-title" className="staff-activities">
      <nav aria-label={t("activities.breadcrumb")} className="breadcrumb">
        <Link to={`${base}#participants`}>{t("activities.backToActivity", { title: activity.title })}</Link>
      </nav>
      <h1 id="enrol-title">{t("activities.enrol.heading")}</h1>
      <p className="lead">{t("activities.enrol.lead", { title: activity.title, count: enrolledCount })}</p>
      <p className="page-actions">
        <CsvLink list="participants" query={{ activityId: activity.id }} />
        <CsvLink list="enrolments" query={{ activityId: activity.id }} />
      </p>

      {enrolledName !== null ? (
        <p className="form-success" role="status">
          {t("activities.enrol.enrolled", { name: enrolledName })} <Link to={`${base}#participants`}>{t("activities.enrol.backToParticipants")}</Link>
        </p>
      ) : null}
      {actionData?.enrolError ? (
        <p className="form-error" role="alert">
          {t(`activities.enrol.errors.${actionData.enrolError}`)}
        </p>
      ) : null}

      <div className="split split--even">
        <section aria-labelledby="find-heading">
          <h2 id="find-heading">{t("activities.enrol.find.heading")}</h2>
          <Form method="get" className="form search-form" role="search">
            <Field id="q" label={t("activities.enrol.find.q")} hint={t("activities.enrol.find.qHint")}>
              <input type="search" name="q" defaultValue={q} maxLength={100} {...describe("q", { hint: true })} />
            </Field>
            <button type="submit" className="button button--secondary">
              {t("activities.enrol.find.submit")}
            </button>
          </Form>
          {q === "" ? null : results.length === 0 ? (
            <p className="empty-state">{t("activities.enrol.find.none", { q })}</p>
          ) : (
            <ul className="plain-list person-results" aria-label={t("activities.enrol.find.results", { q })}>
              {results.map((person) => (
                <li key={person.id}>
                  <div>
                    <span className="strong">{person.fullName}</span>
                    <span className="block muted small">{[person.position, person.organisation, person.region].filter(Boolean).join(" · ") || t("activities.enrol.find.noDetails")}</span>
                  </div>
                  {person.enrolled ? (
                    <span className="badge badge--delivered">{t("activities.enrol.find.alreadyEnrolled")}</span>
                  ) : person.erased ? (
                    <span className="badge">{t("activities.enrol.find.erased")}</span>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="enrol" />
                      <input type="hidden" name="personId" value={person.id} />
                      <input type="hidden" name="fullName" value={person.fullName} />
                      <button type="submit" className="button button--secondary" disabled={enrolling === person.id} aria-label={t("activities.enrol.find.enrolNamed", { name: person.fullName })}>
                        {enrolling === person.id ? t("activities.enrol.find.enrolling") : t("activities.enrol.find.enrol")}
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="create-heading">
          <h2 id="create-heading">{t("activities.enrol.create.heading")}</h2>
          <p className="note">{t("activities.enrol.create.privacy")}</p>
          {create?.duplicate ? (
            <p className="form-error" role="alert">
              {t("activities.enrol.create.duplicate")}
            </p>
          ) : null}
          <Form method="post" className="form" noValidate key={enrolledName ?? "new"}>
            <input type="hidden" name="intent" value="create" />
            {create?.duplicate ? null : <ErrorSummary form="participant" errors={errors} order={FIELD_ORDER} />}
            <Field id="fullName" label={t("activities.enrol.create.fullName")} error={create?.duplicate ? null : err("fullName")}>
              <input name="fullName" defaultValue={values.fullName} required autoComplete="off" {...describe("fullName", { error: create?.duplicate ? null : err("fullName") })} />
            </Field>
            <Field id="sex" label={t("activities.enrol.create.sex")} error={err("sex")}>
              <select name="sex" defaultValue={values.sex} required {...describe("sex", { error: err("sex") })}>
                <option value="">{t("activities.form.choose")}</option>
                {sexes.map((sex) => (
                  <option key={sex} value={sex}>
                    {t(`activities.participants.sexValue.${sex}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="position" label={t("activities.enrol.create.position")} error={err("position")}>
              <input name="position" defaultValue={values.position} autoComplete="off" {...describe("position", { error: err("position") })} />
            </Field>
            <Field id="organisationId" label={t("activities.enrol.create.organisation")} error={err("organisationId")}>
              <select name="organisationId" defaultValue={values.organisationId} {...describe("organisationId", { error: err("organisationId") })}>
                <option value="">{t("activities.enrol.create.notRecorded")}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="regionId" label={t("activities.enrol.create.region")} error={err("regionId")}>
              <select name="regionId" defaultValue={values.regionId} {...describe("regionId", { error: err("regionId") })}>
                <option value="">{t("activities.enrol.create.notRecorded")}</option>
                {regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.validTo ? t("activities.enrol.create.regionUntil", { name: r.name, year: r.validTo.slice(0, 4) }) : r.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="email" label={t("activities.enrol.create.email")} error={err("email")}>
              <input name="email" type="email" defaultValue={values.email} autoComplete="off" {...describe("email", { error: err("email") })} />
            </Field>
            <Field id="phone" label={t("activities.enrol.create.phone")} error={err("phone")}>
              <input name="phone" type="tel" defaultValue={values.phone} autoComplete="off" {...describe("phone", { error: err("phone") })} />
            </Field>
            {create?.duplicate ? (
              <div className="checkbox-field">
                <label>
                  <input type="checkbox" name="allowDuplicate" defaultChecked={values.allowDuplicate} />
                  <span>{t("activities.enrol.create.allowDuplicate")}</span>
                </label>
              </div>
            ) : null}
            <button type="submit" className="button" disabled={creating}>
              {creating ? t("activities.enrol.create.submitting") : t("activities.enrol.create.submit")}
            </button>
          </Form>
        </section>
      </div>
    </article>
  );
}
