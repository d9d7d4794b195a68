/**
 * The id, name and error wiring of a GET filter form's fields (the progress dashboard's and the donor
 * report's), and the error line shown under a field, given each field's message or null.
 */
export function filterFields<F extends string>(message: (field: F) => string | null) {
  return {
    field: (name: F) => {
      const error = message(name);
      return { id: `filter-${name}`, name, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `filter-${name}-error` : undefined } as const;
    },
    errorText: (name: F) => {
      const error = message(name);
      return error ? (
        <p id={`filter-${name}-error`} className="field-error">
          {error}
        </p>
      ) : null;
    },
  };
}
