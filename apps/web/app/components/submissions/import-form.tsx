// The participant-list import form, on the partner's and the staff's import pages: choose a file,
// preview what was understood (header row, columns, problems, a sample), correct the header row or
// the mapping, then import. With scripts, the file goes up by XMLHttpRequest so that a large file
// shows real upload progress, and the page (and so the chosen file) stays; without, the form posts.
import { Form, useNavigate } from "@remix-run/react";
import { FEEDBACK_IMPORT_FIELDS, FEEDBACK_SCORE_COLUMNS, IMPORT_FIELDS, type FeedbackImportPreview, type ImportPreview } from "@vep/domain";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import type { ImportFormResult } from "../../lib/participant-import.server";
import type { AnyImportPreview } from "../../api.server";
import { COLUMN_FIELD_PREFIX, type SheetKind } from "../../lib/submissions";
import { RowNoticesTable } from "./row-notices";

type Upload = { state: "uploading"; loaded: number; total: number } | { state: "reading" } | null;

/** A cell of the head rows, as the header-row select shows it. */
const HEAD_CELLS_SHOWN = 6;

export function ImportForm({
  sheet,
  action,
  uploadUrl,
  result,
  idempotencyKey,
  organisations,
}: {
  sheet: SheetKind;
  /** The page's own address: where the form posts without scripts. */
  action: string;
  /** The upload endpoint that answers in JSON, for the scripted path. */
  uploadUrl: string;
  result: ImportFormResult | undefined;
  idempotencyKey: string;
  /** Staff import on a partner's behalf: the activity's partner organisations to choose from. */
  organisations?: { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation("submissions");
  const locale = i18n.language;
  const navigate = useNavigate();
  const [posted, setPosted] = useState<ImportFormResult | null>(null);
  const [upload, setUpload] = useState<Upload>(null);
  const [failed, setFailed] = useState(false);
  // The header row or a column's field changed since the preview: preview again before importing.
  const [changed, setChanged] = useState(false);
  const busy = useRef(false);

  const current = posted ?? result ?? null;
  const key = current && current.kind !== "imported" ? current.idempotencyKey : idempotencyKey;
  const values = current && current.kind !== "imported" ? current.values : null;
  const preview = current?.kind === "preview" ? current.preview : null;
  const rowsToImport = preview ? importableRows(preview) : 0;
  const importable = preview !== null && !changed && preview.problems.length === 0 && Object.keys(preview.mappingProblems).length === 0 && rowsToImport > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    // A second click while the first upload is under way sends nothing (the Idempotency-Key covers a retry).
    if (busy.current) return;
    busy.current = true;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const body = new FormData(event.currentTarget);
    body.set("intent", submitter?.value ?? "preview");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", uploadUrl);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => setUpload({ state: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => setUpload({ state: "reading" });
    const done = (answer: ImportFormResult | null) => {
      busy.current = false;
      setUpload(null);
      if (!answer) {
        setFailed(true);
        return;
      }
      if (answer.kind === "imported") {
        navigate(answer.redirectTo);
        return;
      }
      setFailed(false);
      setChanged(false);
      setPosted(answer);
    };
    xhr.onload = () => done(xhr.status === 200 ? (xhr.response as ImportFormResult) : null);
    xhr.onerror = () => done(null);
    setFailed(false);
    setUpload({ state: "uploading", loaded: 0, total: 0 });
    xhr.send(body);
  }

  const fileError =
    current?.kind === "noFile" ? t("import.errors.noFile") : current?.kind === "tooLarge" ? t("import.errors.tooLarge") : current?.kind === "refused" ? current.refusal.file : null;
  const organisationError = current?.kind === "refused" ? (current.refusal.fields.organisationId ?? null) : null;

  return (
    <Form method="post" encType="multipart/form-data" action={action} className="form import-form" onSubmit={onSubmit} aria-busy={upload !== null}>
      <input type="hidden" name="idempotencyKey" value={key} />
      {organisations ? (
        <div className="field">
          <label htmlFor="organisationId">{t("import.organisation")}</label>
          <p id="organisationId-hint" className="field-hint">
            {t("import.organisationHint")}
          </p>
          <select
            id="organisationId"
            name="organisationId"
            defaultValue={values?.organisationId ?? (organisations.length === 1 ? organisations[0]!.id : "")}
            aria-describedby={organisationError ? "organisationId-hint organisationId-error" : "organisationId-hint"}
            aria-invalid={organisationError ? true : undefined}
          >
            <option value="">{t("import.chooseOrganisation")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {organisationError ? (
            <p id="organisationId-error" className="field-error">
              {organisationError}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="field">
        <label htmlFor="file">{t("import.file")}</label>
        <p id="file-hint" className="field-hint">
          {t("import.fileHint")}
        </p>
        <input
          id="file"
          name="file"
          type="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          aria-invalid={fileError ? true : undefined}
          // Another file: the preview shown was of the one before.
          onChange={() => {
            setPosted(null);
            setChanged(false);
          }}
        />
        {fileError ? (
          <p id="file-error" className="field-error">
            {fileError}
          </p>
        ) : null}
      </div>

      {preview ? <PreviewDetails key={previewKey(preview)} sheet={sheet} preview={preview} onChange={() => setChanged(true)} /> : null}

      {current?.kind === "refused" ? <Refusal result={current} /> : null}
      {current?.kind === "conflict" ? (
        <p className="form-error" role="alert">
          {t("import.conflict")}
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t("import.failed")}
        </p>
      ) : null}

      <div aria-live="polite" className="import-progress">
        {upload?.state === "uploading" ? (
          <>
            <label htmlFor="upload-progress">{upload.total > 0 ? t("import.uploading", { percent: Math.round((upload.loaded / upload.total) * 100) }) : t("import.uploadingUnknown")}</label>
            <progress id="upload-progress" max={upload.total || undefined} value={upload.total ? upload.loaded : undefined} />
          </>
        ) : upload?.state === "reading" ? (
          <>
            <label htmlFor="upload-progress">{t("import.reading")}</label>
            <progress id="upload-progress" />
          </>
        ) : null}
      </div>

      {changed ? <p className="note">{t("import.previewAgain")}</p> : null}
      <div className="form-actions">
        <button type="submit" name="intent" value="preview" className={preview ? "button button--secondary" : "button"} disabled={upload !== null}>
          {preview ? t("import.previewAgainButton") : t("import.previewButton")}
        </button>
        {preview ? (
          <button type="submit" name="intent" value="import" className="button" disabled={!importable || upload !== null} aria-describedby="import-hint">
            {t(sheet === "feedback" ? "import.importFeedbackButton" : "import.importButton", { count: rowsToImport, formatted: formatNumber(locale, rowsToImport) })}
          </button>
        ) : null}
      </div>
      {preview ? (
        <p id="import-hint" className="field-hint">
          {importable ? t("import.importHint") : t("import.importBlocked")}
        </p>
      ) : null}
    </Form>
  );
}

/** How many rows an import of this preview writes: participants, or questionnaires. */
const importableRows = (preview: AnyImportPreview) => ("participants" in preview.counts ? preview.counts.participants : preview.counts.responses);

/** A new preview (another header row or mapping) resets the selects to what it read. */
function previewKey(preview: AnyImportPreview): string {
  return `${preview.file.sha256}:${preview.headerRow ?? ""}:${preview.columns.map((c) => c.field ?? "").join(",")}`;
}

function PreviewDetails({ sheet, preview, onChange }: { sheet: SheetKind; preview: AnyImportPreview; onChange: () => void }) {
  const { t, i18n } = useTranslation("submissions");
  const locale = i18n.language;
  const n = (value: number) => formatNumber(locale, value);
  const mappingProblems = Object.entries(preview.mappingProblems);
  const counts = preview.counts;
  return (
    <div className="import-preview">
      <section aria-labelledby="preview-file">
        <h2 id="preview-file">{t("import.understood.heading")}</h2>
        <dl className="facts facts--compact">
          <div>
            <dt>{t("import.understood.format")}</dt>
            <dd>{t(`import.formats.${preview.file.format}`)}</dd>
          </div>
          {preview.file.encoding ? (
            <div>
              <dt>{t("import.understood.encoding")}</dt>
              <dd>{preview.file.encoding}</dd>
            </div>
          ) : null}
          {preview.file.delimiter ? (
            <div>
              <dt>{t("import.understood.delimiter")}</dt>
              <dd>{t(`import.delimiters.${delimiterName(preview.file.delimiter)}`)}</dd>
            </div>
          ) : null}
          {preview.file.sheetName ? (
            <div>
              <dt>{t("import.understood.sheet")}</dt>
              <dd>{preview.file.sheetName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("import.understood.size")}</dt>
            <dd>{t("import.understood.sizeValue", { kb: n(Math.max(1, Math.round(preview.file.bytes / 1024))) })}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="preview-columns">
        <h2 id="preview-columns">{t("import.columns.heading")}</h2>
        <input type="hidden" name="previewedHeaderRow" value={preview.headerRow ?? ""} />
        <div className="field">
          <label htmlFor="headerRow">{t("import.columns.headerRow")}</label>
          <p id="headerRow-hint" className="field-hint">
            {t("import.columns.headerRowHint")}
          </p>
          <select id="headerRow" name="headerRow" defaultValue={preview.headerRow ?? ""} aria-describedby="headerRow-hint" onChange={onChange}>
            {preview.headerRow === null ? <option value="">{t("import.columns.noHeaderRow")}</option> : null}
            {preview.head.map((row) => (
              <option key={row.row} value={row.row}>
                {t("import.columns.headRow", {
                  row: row.row,
                  cells: row.cells.filter((cell) => cell.trim() !== "").slice(0, HEAD_CELLS_SHOWN).join(" | ") || t("import.columns.blankRow"),
                })}
              </option>
            ))}
          </select>
        </div>
        {preview.columns.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="preview-columns" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("import.columns.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("import.columns.column")}
                  </th>
                  <th scope="col">{t("import.columns.header")}</th>
                  <th scope="col">{t("import.columns.field")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((column) => (
                  <tr key={column.index}>
                    <td className="num">{n(column.index + 1)}</td>
                    <th scope="row">{column.header || t("import.columns.noHeader")}</th>
                    <td>
                      <label htmlFor={`column-${column.index}`} className="visually-hidden">
                        {t("import.columns.fieldFor", { column: column.index + 1, header: column.header })}
                      </label>
                      <select id={`column-${column.index}`} name={`${COLUMN_FIELD_PREFIX}${column.index}`} defaultValue={column.field ?? ""} onChange={onChange}>
                        <option value="">{t("import.columns.ignore")}</option>
                        {sheet === "feedback"
                          ? FEEDBACK_IMPORT_FIELDS.map((field) => (
                              <option key={field} value={field}>
                                {t(`feedbackFields.${field}`)}
                              </option>
                            ))
                          : IMPORT_FIELDS.map((field) => (
                              <option key={field} value={field}>
                                {t(`fields.${field}`)}
                              </option>
                            ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {mappingProblems.length > 0 ? (
          <ul className="form-error" role="alert">
            {mappingProblems.map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="preview-counts">
        <h2 id="preview-counts">{t("import.counts.heading")}</h2>
        <dl className="facts facts--compact">
          {Object.entries(counts).map(([k, value]) => (
            <div key={k}>
              <dt>{t(`import.counts.${k as keyof typeof counts}`)}</dt>
              <dd>{n(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {preview.problems.length > 0 ? (
        <section aria-labelledby="preview-problems">
          <h2 id="preview-problems">{t("import.problems.heading", { count: counts.invalid })}</h2>
          <p>{t("import.problems.lead")}</p>
          <RowNoticesTable notices={preview.problems} caption={t("import.problems.caption")} labelledBy="preview-problems" />
        </section>
      ) : null}

      {preview.warnings.length > 0 ? (
        <section aria-labelledby="preview-warnings">
          <h2 id="preview-warnings">{t("import.warnings.heading")}</h2>
          <p>{t("import.warnings.lead")}</p>
          <RowNoticesTable notices={preview.warnings} caption={t("import.warnings.caption")} labelledBy="preview-warnings" />
        </section>
      ) : null}

      {preview.sample.length > 0 ? (
        <section aria-labelledby="preview-sample">
          <h2 id="preview-sample">{t("import.sample.heading")}</h2>
          <div className="table-scroll" role="region" aria-labelledby="preview-sample" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("import.sample.caption")}</caption>
              {"participants" in preview.counts ? <ParticipantSample sample={(preview as ImportPreview).sample} /> : <FeedbackSample sample={(preview as FeedbackImportPreview).sample} />}
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function ParticipantSample({ sample }: { sample: ImportPreview["sample"] }) {
  const { t, i18n } = useTranslation("submissions");
  return (
    <>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t("rows.row")}
          </th>
          <th scope="col">{t("fields.fullName")}</th>
          <th scope="col">{t("fields.sex")}</th>
          <th scope="col">{t("fields.region")}</th>
          <th scope="col">{t("fields.position")}</th>
          <th scope="col">{t("fields.role")}</th>
        </tr>
      </thead>
      <tbody>
        {sample.map((row) => (
          <tr key={row.row}>
            <td className="num">{formatNumber(i18n.language, row.row)}</td>
            <th scope="row">{row.fullName}</th>
            <td>{t(`sex.${row.sex}`)}</td>
            <td>{row.region}</td>
            <td>{row.position ?? ""}</td>
            <td>{t(`role.${row.role}`)}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

/** The 1–5 answers a questionnaire row holds, in the order the questionnaire asks them. */
const SCORES = Object.entries(FEEDBACK_SCORE_COLUMNS) as [keyof typeof FEEDBACK_SCORE_COLUMNS, (typeof FEEDBACK_SCORE_COLUMNS)[keyof typeof FEEDBACK_SCORE_COLUMNS]][];

function FeedbackSample({ sample }: { sample: FeedbackImportPreview["sample"] }) {
  const { t, i18n } = useTranslation("submissions");
  const n = (value: number | undefined) => (value === undefined ? "" : formatNumber(i18n.language, value));
  return (
    <>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t("rows.row")}
          </th>
          <th scope="col">{t("feedbackFields.sex")}</th>
          {SCORES.map(([field]) => (
            <th key={field} scope="col" className="num">
              {t(`feedbackFields.${field}`)}
            </th>
          ))}
          <th scope="col">{t("feedbackFields.comments")}</th>
          <th scope="col">{t("feedbackFields.consentToQuote")}</th>
        </tr>
      </thead>
      <tbody>
        {sample.map((row) => (
          <tr key={row.row}>
            <th scope="row" className="num">
              {n(row.row)}
            </th>
            <td>{row.respondentSex ? t(`sex.${row.respondentSex}`) : ""}</td>
            {SCORES.map(([field, column]) => (
              <td key={field} className="num">
                {n(row[column])}
              </td>
            ))}
            <td>{row.comments ?? ""}</td>
            <td>{t(row.consentToQuote ? "yes" : "no")}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function delimiterName(delimiter: string): "comma" | "semicolon" | "tab" | "other" {
  return delimiter === "," ? "comma" : delimiter === ";" ? "semicolon" : delimiter === "\t" ? "tab" : "other";
}

/** An import the API refused: what is wrong with the file, its columns and its rows. */
function Refusal({ result }: { result: Extract<ImportFormResult, { kind: "refused" }> }) {
  const { t } = useTranslation("submissions");
  const { refusal } = result;
  const columns = Object.values(refusal.columns);
  const other = Object.entries(refusal.fields).filter(([field]) => field !== "organisationId");
  return (
    <section aria-labelledby="import-refused" className="import-refused">
      <h2 id="import-refused">{t("import.refused.heading")}</h2>
      <p role="alert">{result.detail ?? t("import.refused.lead")}</p>
      {columns.length > 0 || other.length > 0 ? (
        <ul className="form-error">
          {[...columns, ...other.map(([, message]) => message)].map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {refusal.rows.length > 0 ? <RowNoticesTable notices={refusal.rows} caption={t("import.problems.caption")} labelledBy="import-refused" /> : null}
    </section>
  );
}
