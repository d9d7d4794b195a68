// fast-check arbitraries built from the OpenAPI (JSON Schema) document the API serves: values that fit a
// schema (so that requests get past validation and into the services), the same values broken on
// purpose (missing, wrong-typed, extra and hostile fields), and hostile strings and numbers.
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/**
 * A number that JSON.stringify cannot write (1e400 parses to Infinity, -0 stays -0, a 30-digit integer
 * loses precision): it travels as a marked string and `toJsonText` writes the raw token in its place.
 */
const RAW = "\u0001raw:";
export const raw = (token: string) => `${RAW}${token}\u0001`;
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:([^"\\]*)\\u0001"/g, "$1");
}

const LONG = 10_000;
/** Strings an attacker (or a broken client) sends: SQL, markup, paths, control and bidi characters, lone surrogates. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE \"Person\"; --",
  "1) OR pg_sleep(0) IS NULL --",
  "%' OR '%'='",
  "\\",
  "$1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "..\\..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202eevil\u202c",
  "\u200f\u200e\u061c",
  "\ufeff",
  "\r\nSet-Cookie: a=b",
  "\t \n",
  "",
  " ",
  "x".repeat(LONG),
  "й".repeat(LONG),
  "😀".repeat(LONG / 2),
  "1e308",
  "-0",
  "NaN",
  "Infinity",
  "-Infinity",
  "9007199254740993",
  "0x1F",
  "null",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "2020-02-30",
  "0000-00-00",
  "2020-13-01",
  "+275760-09-13",
  "-271821-04-20T00:00:00Z",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
  "a@b",
  `${"a".repeat(250)}@example.org`,
];

/** The few that broke things before (or most likely would): tried far more often than the rest. */
export const CORE_HOSTILE: readonly string[] = ["a\u0000b", "\u0000", "x\udfffy", "x".repeat(LONG), "' OR '1'='1", "<script>alert(1)</script>", "../../../../etc/passwd", "\u202eevil\u202c", "-0", "NaN", "1e308", "__proto__"];
const hostileString = fc.oneof({ arbitrary: fc.constantFrom(...CORE_HOSTILE), weight: 2 }, { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 1 });

/** Numbers at the edges: the largest doubles, -0, past 2^53, past int4 and int8. */
export const HOSTILE_NUMBERS: readonly unknown[] = [
  1e308,
  -1e308,
  5e-324,
  -1,
  0,
  0.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  raw("1e400"),
  raw("-1e400"),
  raw("-0"),
  raw("123456789012345678901234567890"),
  raw("1e-400"),
];

/** Keys that pollute prototypes or trip naive merges. */
export const HOSTILE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$where", "", "a.b", "0"];

/** A value of any JSON type, including some nesting, for "wrong type" mutations. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, "", [], {}, [null], { polluted: true }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: 1, max: 2000 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
);

export interface SchemaContext {
  resolve(schema: JsonSchema): JsonSchema;
  /** Ids for a uuid field of this name (existing records of the right table where known). */
  idsFor(field: string): readonly string[];
}

const types = (schema: JsonSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

function stringArb(schema: JsonSchema, field: string, ctx: SchemaContext): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 60;
  const fits = HOSTILE_STRINGS.filter((s) => s.length >= min && s.length <= max);
  const length = { minLength: min, maxLength: Math.min(max, Math.max(min, 40)) };
  const sized = fc.oneof({ arbitrary: fc.string({ ...length, unit: "grapheme" }), weight: 3 }, { arbitrary: fc.string({ ...length, unit: "binary" }), weight: 1 });
  switch (schema.format) {
    case "uuid": {
      const ids = ctx.idsFor(field);
      return ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, { arbitrary: fc.uuid({ version: 4 }), weight: 1 }) : fc.uuid({ version: 4 });
    }
    case "date":
      return fc.date({ min: new Date("1990-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return fc.date({ min: new Date("1990-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
    case "email":
      return fc.oneof(fc.emailAddress().filter((e) => e.length <= max), fc.nat(1_000_000).map((n) => `fuzz-${n}@vep.example`));
  }
  if (schema.pattern) {
    const matching = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
    return fits.length ? fc.oneof({ arbitrary: matching, weight: 4 }, { arbitrary: fc.constantFrom(...fits), weight: 1 }) : matching;
  }
  return fits.length ? fc.oneof({ arbitrary: sized, weight: 3 }, { arbitrary: fc.constantFrom(...fits), weight: 1 }) : sized;
}

function numberArb(schema: JsonSchema, integer: boolean, field: string): fc.Arbitrary<number> {
  if (field === "version") return fc.integer({ min: 0, max: 4 });
  let min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1_000_000 : schema.exclusiveMinimum + (integer ? 1 : 1e-6));
  let max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1_000_000_000 : schema.exclusiveMaximum - (integer ? 1 : 1e-6));
  if (min > max) [min, max] = [max, min];
  if (integer) return fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values that fit `schema` as far as a JSON Schema says (cross-field rules are the server's to check). */
export function fitting(schemaIn: JsonSchema, ctx: SchemaContext, field = "", depth = 0): fc.Arbitrary<unknown> {
  const schema = ctx.resolve(schemaIn);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fitting(s, ctx, field, depth)));
  const kinds = types(schema);
  if (kinds.length === 0) return fc.jsonValue({ maxDepth: 2 });
  const arbs = kinds.map((kind): fc.Arbitrary<unknown> => {
    switch (kind) {
      case "null":
        return fc.constant(null);
      case "string":
        return stringArb(schema, field, ctx);
      case "integer":
        return numberArb(schema, true, field);
      case "number":
        return numberArb(schema, false, field);
      case "boolean":
        return fc.boolean();
      case "array":
        return fc.array(schema.items ? fitting(schema.items, ctx, field.replace(/s$/, ""), depth + 1) : fc.jsonValue({ maxDepth: 1 }), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
      case "object":
        return objectArb(schema, ctx, depth);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  });
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function objectArb(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) {
    // A record (translations, dimensions): a few entries of the value schema.
    const value = typeof schema.additionalProperties === "object" ? fitting(schema.additionalProperties, ctx, "", depth + 1) : fc.jsonValue({ maxDepth: 1 });
    return fc.dictionary(fc.oneof(fc.constantFrom("ru", "en", "kk"), fc.string({ maxLength: 8 })), value, { maxKeys: 3 });
  }
  const model = Object.fromEntries(names.map((name) => [name, fitting(properties[name]!, ctx, name, depth + 1)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
}

type Mutation = (value: Record<string, unknown>, schema: JsonSchema) => fc.Arbitrary<unknown>;

const keysOf = (value: Record<string, unknown>, schema: JsonSchema) => [...new Set([...Object.keys(value), ...Object.keys(schema.properties ?? {})])];

/** Ways to break a fitting object: each keeps the rest of it valid, so the break is what is tested. */
const MUTATIONS: Mutation[] = [
  // A required field missing.
  (value, schema) => {
    const required = (schema.required ?? []).filter((k) => k in value);
    return required.length ? fc.constantFrom(...required).map((k) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== k))) : fc.constant(value);
  },
  // A field of the wrong type, or a hostile string or number in place of any field.
  (value, schema) => {
    const keys = keysOf(value, schema);
    return keys.length ? fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => ({ ...value, [k]: v })) : fc.constant(value);
  },
  // An extra field, hostile keys included: as own properties, the way JSON.parse makes them.
  (value) =>
    fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), fc.oneof(fc.constant<unknown>({ polluted: true, isAdmin: true }), wrongValue)).map(([k, v]) =>
      Object.fromEntries([...Object.entries(value), [k, v]]),
    ),
  // One string field hostile, the rest still fitting: the hostile value reaches the service and the database.
  (value, schema) => {
    const strings = keysOf(value, schema).filter((k) => typeof value[k] === "string" || types(schema.properties?.[k] ?? {}).includes("string"));
    return strings.length ? fc.tuple(fc.constantFrom(...strings), hostileString).map(([k, v]) => ({ ...value, [k]: v })) : fc.constant(value);
  },
  // One string inside an array field hostile (tags, expertise, topics).
  (value) => {
    const arrays = Object.keys(value).filter((k) => Array.isArray(value[k]) && (value[k] as unknown[]).some((v) => typeof v === "string"));
    return arrays.length
      ? fc.tuple(fc.constantFrom(...arrays), hostileString).map(([k, v]) => ({ ...value, [k]: [...(value[k] as unknown[]), v] }))
      : fc.constant(value);
  },
  // Every string field hostile at once (lengths ignored).
  (value, schema) => {
    const strings = keysOf(value, schema).filter((k) => typeof value[k] === "string" || types(schema.properties?.[k] ?? {}).includes("string"));
    return fc.array(fc.constantFrom(...HOSTILE_STRINGS), { minLength: strings.length, maxLength: strings.length }).map((hostile) => ({ ...value, ...Object.fromEntries(strings.map((k, i) => [k, hostile[i]])) }));
  },
  // Every number field at an edge.
  (value, schema) => {
    const numbers = keysOf(value, schema).filter((k) => typeof value[k] === "number" || types(schema.properties?.[k] ?? {}).some((t) => t === "number" || t === "integer"));
    return fc.array(fc.constantFrom(...HOSTILE_NUMBERS), { minLength: numbers.length, maxLength: numbers.length }).map((edge) => ({ ...value, ...Object.fromEntries(numbers.map((k, i) => [k, edge[i]])) }));
  },
];

/** A JSON body for `schema`: mostly fitting, often broken in one way, sometimes not an object at all. */
export function bodyArb(schema: JsonSchema | undefined, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const notAnObject = fc.oneof(wrongValue, fc.jsonValue({ maxDepth: 3 }));
  if (!schema) return fc.oneof(fc.constant({}), notAnObject, fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), wrongValue, { maxKeys: 3 }));
  const resolved = ctx.resolve(schema);
  const fit = fitting(resolved, ctx);
  const broken = fit.chain((value) =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? fc.oneof(...MUTATIONS.map((m) => m(value as Record<string, unknown>, resolved))) : fc.constant(value),
  );
  return fc.oneof({ arbitrary: fit, weight: 3 }, { arbitrary: broken, weight: 5 }, { arbitrary: notAnObject, weight: 1 });
}

/** Percent-encoding that also writes what encodeURIComponent refuses: a lone surrogate becomes invalid UTF-8. */
export function encodeQueryPart(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code >= 0xd800 && code <= 0xdfff ? `%ED%${(0xa0 | ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(ch);
  }
  return out;
}

/** Broken percent-escapes and odd separators, appended as they are. */
const RAW_QUERY_TAILS = ["%", "%zz", "%00", "%ED%A0%80", "%C0%AF", "a=%", "&&&", "=x", "a[b]=1", "a[]=1&a[]=2", "__proto__[polluted]=1", "constructor[prototype][polluted]=1"];

/** Query values are cut to this many characters, the whole query string to MAX_QUERY. */
export const MAX_QUERY_VALUE = 1000;
const MAX_QUERY = 12_000;

export interface QueryParameter {
  name: string;
  schema: JsonSchema;
}

/** A query string for these parameters: fitting values, hostile ones, repeats, unknown names and broken escapes. */
export function queryArb(parameters: QueryParameter[], ctx: SchemaContext): fc.Arbitrary<string> {
  const valueOf = (p: QueryParameter) =>
    fc.oneof(
      { arbitrary: fitting(p.schema, ctx, p.name).map((v) => (typeof v === "string" ? v : JSON.stringify(v))), weight: 3 },
      { arbitrary: hostileString, weight: 2 },
      { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS).map((n) => (typeof n === "string" ? n.replace(RAW, "").replace("\u0001", "") : String(n))), weight: 1 },
    );
  const pairs = parameters.map((p) =>
    fc.oneof(
      { arbitrary: fc.constant<[string, string][]>([]), weight: 2 },
      { arbitrary: valueOf(p).map((v): [string, string][] => [[p.name, v]]), weight: 3 },
      { arbitrary: fc.array(valueOf(p), { minLength: 2, maxLength: 3 }).map((vs): [string, string][] => vs.map((v) => [p.name, v])), weight: 1 },
    ),
  );
  const unknown = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 10 })), fc.constantFrom(...HOSTILE_STRINGS)), { maxLength: 2 });
  const tail = fc.option(fc.constantFrom(...RAW_QUERY_TAILS), { freq: 4 });
  return fc.tuple(fc.tuple(...pairs), unknown, tail).map(([known, extra, rawTail]) => {
    const parts = [...known.flat(), ...extra].map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v.slice(0, MAX_QUERY_VALUE))}`);
    if (rawTail) parts.push(rawTail);
    // Cut (possibly mid-escape, which is one more broken input) below Node's 16 KiB header limit,
    // past which Node itself answers 431 before the app sees the request.
    return parts.join("&").slice(0, MAX_QUERY);
  });
}
