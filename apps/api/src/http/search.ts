/**
 * Search text for Prisma's `contains` (which becomes LIKE without escaping `%` and `_`, prisma/orm#19506)
 * and for raw ILIKE patterns: escaped here so that a caller's `%` is a percent sign, not "anything".
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A raw `ILIKE` pattern matching `text` anywhere. */
export const likeContaining = (text: string) => `%${likeLiteral(text)}%`;

// ── Russian search and sort, the same on PGlite and PostgreSQL ──
// PGlite has no ICU and a C locale; PostgreSQL here runs C.UTF-8: lower(), ILIKE and ORDER BY do not
// agree between them on Cyrillic, and neither knows that ё sorts and matches as е. So names and titles
// carry a key column ("nameKey", "titleKey") that the database generates on every write (a generated
// column, migration 20261203090000_text_keys) with the SQL function vep_text_key: NFC, then one fixed character map
// (`translate`, which depends on no locale), then single spaces. The map folds case (Latin, Cyrillic,
// Kazakh), reads ё as е, drops Latin accents (Şahin = sahin) and moves Latin letters after Cyrillic, as
// a Russian reader sorts them. The key column holds `vep_text_key(name) || chr(1) || name`: bytewise
// order of the key is Russian alphabetical order, ties (Елкин / елкин) broken by the name as written,
// so both engines give one order; a search is LIKE '%<textKey(q)>%' on it. `textKey` below is the same
// function in TypeScript; a test compares the two on both engines.

/** Latin a–z sort after Cyrillic: they become these private-use characters in keys. */
const LATIN_BASE = 0xe000;

function buildMap(): Map<string, string> {
  const map = new Map<string, string>();
  const latin = (letter: string) => String.fromCharCode(LATIN_BASE + letter.charCodeAt(0) - 97);
  for (let c = 0x41; c <= 0x5a; c++) map.set(String.fromCharCode(c), latin(String.fromCharCode(c + 32)));
  for (let c = 0x61; c <= 0x7a; c++) map.set(String.fromCharCode(c), latin(String.fromCharCode(c)));
  // Latin letters with accents: their base letter (İ → i, Å → a); others (Æ, Ø, Ł) their lower case.
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    if (/^[a-z]$/.test(base)) map.set(ch, latin(base));
    else if (base.length === 1 && base !== ch && /\p{L}/u.test(base)) map.set(ch, base);
  }
  map.set("ı", latin("i"));
  map.set("ß", "ß");
  // Cyrillic (Russian, Kazakh and the rest of the block): lower case; ё and ѐ are е.
  for (let c = 0x400; c <= 0x4ff; c++) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    if (lower !== ch && lower.length === 1) map.set(ch, lower);
  }
  for (const e of ["Ё", "ё", "Ѐ", "ѐ"]) map.set(e, "е");
  for (const [from, to] of [...map]) if (from === to) map.delete(from);
  return map;
}

/** The character map, in the order `translate` takes it (also printed into the migration). */
export const TEXT_KEY_MAP: readonly (readonly [string, string])[] = [...buildMap()].sort(([a], [b]) => (a < b ? -1 : 1));
const MAP = new Map(TEXT_KEY_MAP);

/** Control characters and every kind of space count as one space. */
export const TEXT_KEY_SPACES = "[\\x01-\\x20\\x7f\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+";
const SPACES = new RegExp(TEXT_KEY_SPACES, "g");

/** What vep_text_key(text) gives in the database: the form names are searched and sorted in. */
export function textKey(text: string): string {
  let mapped = "";
  for (const ch of text.normalize("NFC")) mapped += MAP.get(ch) ?? ch;
  return mapped.replace(SPACES, " ").replace(/^ | $/g, "");
}

/** A Prisma `contains` value for a key column: "Ёлкин" finds "елкина", "sahin" finds "Şahin". */
export const keyContains = (q: string) => likeLiteral(textKey(q));

/** A raw LIKE pattern for a key column or `vep_text_key(column)`. */
export const keyContaining = (q: string) => `%${keyContains(q)}%`;

/**
 * The sort a list asks for, with names and titles read from their key column: `sortedByKey(sort,
 * { name: "nameKey" })` makes "name" sort by "nameKey" (and its cursor carry the key).
 */
export function sortedByKey<F extends string, K extends string>(sort: { field: F; direction: "asc" | "desc" }, keys: Partial<Record<F, K>>): { field: F | K; direction: "asc" | "desc" } {
  return { field: keys[sort.field] ?? sort.field, direction: sort.direction };
}
