/** The form of a name used to find duplicates: lower case, single spaces, ё read as е. */
export function normalisePersonName(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}
