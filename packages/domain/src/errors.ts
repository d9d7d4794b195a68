// Errors a use case raises; the API maps each to one HTTP status in one place (apps/api/src/http/errors.ts)
// and renders their texts (catalogue messages, see messages.ts) in the caller's language.
import { render, type MessageText } from "./messages.js";

export class DomainError extends Error {
  override name = "DomainError";
  /** The message as the catalogue knows it; `message` is its English text (logs, tests). */
  readonly text: MessageText;
  constructor(text: MessageText) {
    super(render(text, "en"));
    this.text = text;
  }
}

/** The record does not exist or is outside the caller's scope (its existence is not revealed). */
export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

/** The record changed since the caller read it (optimistic locking), or a unique value is taken. */
export class ConflictError extends DomainError {
  override name = "ConflictError";
}

/** Input that passed the schema but breaks a business rule; `fields` maps a field path to its message. */
export class RuleViolationError extends DomainError {
  override name = "RuleViolationError";
  constructor(
    message: MessageText,
    readonly fields: Record<string, MessageText> = {},
  ) {
    super(message);
  }
}
