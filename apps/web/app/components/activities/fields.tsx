import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** How a field went wrong: not valid by the form's schema, or refused by a rule the API checks. */
export type ErrorKind = "invalid" | "rule";
export type FormErrors = Partial<Record<string, ErrorKind>>;

/** Field messages live under `activities.errors.<form>.<field>` (and `….rules.<field>` for the API's rules). */
export function useFieldMessage(form: string) {
  const { t } = useTranslation("staff");
  return (field: string, kind: ErrorKind | undefined): string | null => {
    if (!kind) return null;
    const lookup = t as unknown as (key: string, options?: { defaultValue?: string }) => string;
    const invalid = lookup(`activities.errors.${form}.${field}`, { defaultValue: lookup("activities.errors.generic") });
    return kind === "rule" ? lookup(`activities.errors.${form}.rules.${field}`, { defaultValue: invalid }) : invalid;
  };
}

/** The attributes that tie an input to its hint and error message. */
export function describe(id: string, { error, hint }: { error?: string | null; hint?: boolean }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids || undefined,
  } as const;
}

/** A labelled field with its hint and error beside it. */
export function Field({ id, label, hint, error, children, className }: { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes (regions, outputs, donors, trainers…) as one labelled fieldset. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  options,
  checked,
  empty,
  wide = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: { value: string; label: ReactNode; note?: ReactNode }[];
  checked: readonly string[];
  empty: ReactNode;
  /** Long labels (outputs, donors): wider columns. */
  wide?: boolean;
}) {
  const chosen = new Set(checked);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={name} className="checkbox-group" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {options.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className={wide ? "checkbox-grid checkbox-grid--wide" : "checkbox-grid"}>
          {options.map((option) => (
            <li key={option.value}>
              <label>
                <input type="checkbox" name={name} value={option.value} defaultChecked={chosen.has(option.value)} />
                <span>
                  {option.label}
                  {option.note ? <span className="block muted small">{option.note}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/**
 * The errors of a refused form, on top of it: a count and a link to each field. It takes the focus when
 * it appears (with JavaScript the page does not reload, so the user would not see it otherwise).
 */
export function ErrorSummary({ form, errors, order }: { form: string; errors: FormErrors; order: readonly string[] }) {
  const { t } = useTranslation("staff");
  const message = useFieldMessage(form);
  const ref = useRef<HTMLDivElement>(null);
  const fields = Object.keys(errors).sort((a, b) => rank(order, a) - rank(order, b));
  const signature = fields.map((f) => `${f}:${errors[f]}`).join(",");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (fields.length === 0) return null;
  return (
    <div className="form-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{t("activities.form.errorSummary", { count: fields.length })}</p>
      <ul>
        {fields.map((field) => (
          <li key={field}>{order.includes(field) ? <a href={`#${field}`}>{message(field, errors[field])}</a> : message(field, errors[field])}</li>
        ))}
      </ul>
    </div>
  );
}

function rank(order: readonly string[], field: string) {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}
