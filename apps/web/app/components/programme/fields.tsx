import { useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../../lib/programme-forms";

/** Text of a field error: the API's message, or the catalogue's text for a parse error. */
export function useErrorText() {
  const { t } = useTranslation("programme");
  return (error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    return "message" in error ? error.message : t(`form.errors.${error.code}`);
  };
}

interface FieldBase {
  /** Form field name; the element id is `${idPrefix}${name}`. */
  name: string;
  label: string;
  idPrefix?: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Spans both columns of a two-column form. */
  wide?: boolean;
}

function ids({ name, idPrefix = "", hint, error }: FieldBase) {
  const id = `${idPrefix}${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, describedBy: describedBy || undefined };
}

function Wrapper({ base, children }: { base: FieldBase; children: ReactNode }) {
  const { id } = ids(base);
  return (
    <div className={base.wide ? "field field--wide" : "field"}>
      <label htmlFor={id}>{base.label}</label>
      {base.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {base.hint}
        </p>
      ) : null}
      {children}
      {base.error ? (
        <p id={`${id}-error`} className="field-error">
          {base.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const { name, label, idPrefix, hint, error, wide, ...input } = props;
  const base = { name, label, idPrefix, hint, error, wide };
  const { id, describedBy } = ids(base);
  return (
    <Wrapper base={base}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </Wrapper>
  );
}

export function TextAreaField(props: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { name, label, idPrefix, hint, error, wide, ...input } = props;
  const base = { name, label, idPrefix, hint, error, wide };
  const { id, describedBy } = ids(base);
  return (
    <Wrapper base={base}>
      <textarea id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </Wrapper>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldBase & { options: readonly Option[]; emptyLabel?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const { name, label, idPrefix, hint, error, wide, options, emptyLabel, ...select } = props;
  const base = { name, label, idPrefix, hint, error, wide };
  const { id, describedBy } = ids(base);
  return (
    <Wrapper base={base}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** Whole-form errors at the top of a form, announced. */
export function FormErrors({ messages }: { messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <div className="form-error" role="alert">
      {messages.map((message, index) => (
        <p key={index}>{message}</p>
      ))}
    </div>
  );
}

/** A success line after a save (the page was reached with ?saved=…). */
export function SavedMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-success" role="status">
      {message}
    </p>
  );
}

/** A submit button that says it is busy while its own form (by intent) is being sent. */
export function SubmitButton({
  intent,
  target,
  label,
  busyLabel,
  className = "button",
  ariaLabel,
}: {
  intent: string;
  target?: string;
  label: string;
  busyLabel: string;
  className?: string;
  /** A fuller name for screen readers when the visible label is short ("Deactivate Ana Lee"). */
  ariaLabel?: string;
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    (target === undefined || navigation.formData?.get("target") === target);
  return (
    <button type="submit" className={className} disabled={busy} aria-label={ariaLabel}>
      {busy ? busyLabel : label}
    </button>
  );
}
