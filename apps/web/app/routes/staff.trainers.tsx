import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TrainerInputSchema } from "@vep/domain";
import { FormErrors, SavedMessage, SelectField, SubmitButton, TextField, useErrorText } from "../components/programme/fields";
import { requireUser } from "../lib/auth.server";
import { formatNumber } from "../lib/format";
import { failure, failureFor, formValues, issuesToErrors, listOf, optionalText, problemToErrors, STAFF_ROLES } from "../lib/programme-forms";
import { createTrainer, listOrganisationOptions, listTrainers } from "../lib/programme.server";
import { CsvLink } from "../components/csv-link";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "exports"] };

const FIELDS = ["fullName", "sex", "position", "organisationId", "email", "phone", "expertise"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const cursor = new URL(request.url).searchParams.get("cursor");
  const [t, trainers, organisations] = await Promise.all([
    getAreaT(request, "programme"),
    listTrainers(api, request, cursor),
    listOrganisationOptions(api, request),
  ]);
  return {
    title: t("trainers.title"),
    trainers: trainers.items,
    nextCursor: trainers.nextCursor,
    isFirstPage: cursor === null,
    organisations: organisations.items.map((o) => ({ value: o.id, label: o.acronym ? `${localised(o, "name", locale)} (${o.acronym})` : localised(o, "name", locale) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const values = formValues(await request.formData());
  const parsed = TrainerInputSchema.safeParse({
    fullName: values.fullName ?? "",
    sex: values.sex || undefined,
    position: optionalText(values.position),
    organisationId: optionalText(values.organisationId),
    email: optionalText(values.email),
    phone: optionalText(values.phone),
    expertise: listOf(values.expertise),
  });
  if (!parsed.success) return data(failure("addTrainer", issuesToErrors(parsed.error.issues), [], values), { status: 400 });
  const result = await createTrainer(api, request, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, FIELDS);
    return data(failure("addTrainer", errors, unplaced, values), { status: result.status });
  }
  throw redirect("/staff/trainers?saved=trainer#trainers-heading");
}

export default function TrainersPage() {
  const { trainers, nextCursor, isFirstPage, organisations } = useLoaderData<typeof loader>();
  // Organisation names in the reader's language, from the options (the trainer list names them in the original).
  const organisationName = new Map(organisations.map((o) => [o.value, o.label]));
  const { t, i18n } = useTranslation("programme");
  const locale = i18n.language;
  const [params] = useSearchParams();
  const result = failureFor(useActionData<typeof action>(), "addTrainer");
  const errorText = useErrorText();
  const err = (field: string) => errorText(result?.errors[field]);
  const value = (field: string) => result?.values[field] ?? "";

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("staffEyebrow")}</p>
        <h1>{t("trainers.title")}</h1>
        <p className="lead">{t("trainers.lead")}</p>
        <p className="page-actions">
          <a href="#add-trainer" className="button button--secondary">
            {t("trainers.add")}
          </a>
          <CsvLink list="trainers" />
        </p>
      </header>

      <SavedMessage message={params.get("saved") === "trainer" ? t("trainers.saved") : null} />

      <section aria-labelledby="trainers-heading">
        <h2 id="trainers-heading">{t("trainers.directory")}</h2>
        {trainers.length === 0 ? (
          <p className="empty-state">{t("trainers.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="trainers-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("trainers.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("trainers.name")}</th>
                  <th scope="col">{t("trainers.organisation")}</th>
                  <th scope="col">{t("trainers.expertise")}</th>
                  <th scope="col" className="num">
                    {t("trainers.sessions")}
                  </th>
                  <th scope="col" className="num">
                    {t("trainers.rating")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trainers.map((trainer) => (
                  <tr key={trainer.id}>
                    <th scope="row">
                      {trainer.fullName}
                      {trainer.position ? <span className="muted block small">{trainer.position}</span> : null}
                    </th>
                    <td>{trainer.organisation ? (organisationName.get(trainer.organisation.id) ?? trainer.organisation.name) : <span className="muted">{t("none")}</span>}</td>
                    <td>
                      {trainer.expertise.length > 0 ? (
                        <ul className="tags tags--small">
                          {trainer.expertise.map((area) => (
                            <li key={area}>{area}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t("none")}</span>
                      )}
                    </td>
                    <td className="num">{formatNumber(locale, trainer.sessionsDelivered)}</td>
                    <td className="num">
                      {trainer.averageRating === null ? (
                        <span className="muted">{t("trainers.noRatings")}</span>
                      ) : (
                        <>
                          {t("trainers.ratingValue", { rating: trainer.averageRating.toLocaleString(locale, { maximumFractionDigits: 2 }) })}
                          <span className="muted block small">{t("trainers.ratingCount", { count: trainer.ratingCount })}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor || !isFirstPage ? (
          <nav className="pager" aria-label={t("pager")}>
            {!isFirstPage ? <Link to="/staff/trainers">{t("firstPage")}</Link> : null}
            {nextCursor ? <Link to={`/staff/trainers?cursor=${encodeURIComponent(nextCursor)}`}>{t("nextPage")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="add-trainer" className="form-panel">
        <h2 id="add-trainer">{t("trainers.add")}</h2>
        <p className="note">{t("trainers.personalData")}</p>
        <Form method="post" className="form form--grid" noValidate>
          <input type="hidden" name="intent" value="addTrainer" />
          <FormErrors messages={result?.formErrors} />
          <TextField name="fullName" label={t("trainers.fields.fullName")} defaultValue={value("fullName")} error={err("fullName")} required autoComplete="off" />
          <SelectField
            name="sex"
            label={t("trainers.fields.sex")}
            defaultValue={value("sex")}
            error={err("sex")}
            emptyLabel={t("choose")}
            options={(["FEMALE", "MALE", "UNDISCLOSED"] as const).map((sex) => ({ value: sex, label: t(`personSex.${sex}`) }))}
            required
          />
          <TextField name="position" label={t("trainers.fields.position")} defaultValue={value("position")} error={err("position")} />
          <SelectField
            name="organisationId"
            label={t("trainers.fields.organisation")}
            defaultValue={value("organisationId")}
            error={err("organisationId")}
            emptyLabel={t("none")}
            options={organisations}
          />
          <TextField name="email" type="email" label={t("trainers.fields.email")} defaultValue={value("email")} error={err("email")} autoComplete="off" />
          <TextField name="phone" type="tel" label={t("trainers.fields.phone")} defaultValue={value("phone")} error={err("phone")} hint={t("trainers.fields.phoneHint")} autoComplete="off" />
          <TextField
            name="expertise"
            label={t("trainers.fields.expertise")}
            defaultValue={value("expertise")}
            error={err("expertise")}
            hint={t("trainers.fields.expertiseHint")}
            wide
          />
          <div className="form-actions">
            <SubmitButton intent="addTrainer" label={t("trainers.add")} busyLabel={t("saving")} />
          </div>
        </Form>
      </section>
    </>
  );
}
