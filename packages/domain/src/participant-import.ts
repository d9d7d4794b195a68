// Reading a participant list as regional offices write them: which row is the header, which column
// holds what (English, Russian or Kazakh headers), and each value as people type it (М/Ж, "Акмолинская
// обл."). Pure rules: the API streams the file and feeds rows through these.
import { z } from "zod";
import { msg, type MessageText } from "./messages.js";
import { normalisePersonName } from "./people.js";
import { cellOf, columnDictionary, isBlankRow, isTotalRow, valueKey, type FieldProblem, type Mapping, type ReadRow } from "./sheet-columns.js";

export const IMPORT_FIELDS = ["number", "fullName", "lastName", "firstName", "middleName", "sex", "region", "position", "email", "phone", "role"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);

/** A column the user maps to nothing is ignored. */
export type ColumnMapping = Mapping<ImportField>;

const HEADER_WORDS: Record<ImportField, string[]> = {
  number: ["№", "#", "no", "nr", "number", "№пп", "пп", "номер", "р/с", "рс"],
  fullName: ["фио", "фамилияимяотчество", "фамилияиимя", "full name", "name", "participant", "participantname", "участник", "аты-жөні", "атыжөні", "тегіатыәкесініңаты"],
  lastName: ["фамилия", "surname", "lastname", "familyname", "тегі"],
  firstName: ["имя", "firstname", "givenname", "аты"],
  middleName: ["отчество", "patronymic", "middlename", "әкесініңаты"],
  sex: ["пол", "sex", "gender", "жынысы", "мж"],
  region: ["регион", "область", "region", "oblast", "облыс", "облысы", "областьгород", "регионобласть", "аймақ", "өңір"],
  position: ["должность", "position", "jobtitle", "title", "лауазымы", "должностьзвание", "занимаемаядолжность"],
  email: ["email", "e-mail", "электроннаяпочта", "элпочта", "почта", "электрондықпошта"],
  phone: ["телефон", "phone", "tel", "тел", "контактныйтелефон", "мобильныйтелефон", "phonenumber"],
  role: ["роль", "role", "статус", "рөлі"],
};

const hasName = (fields: Set<ImportField | null>) => fields.has("fullName") || (fields.has("lastName") && fields.has("firstName"));

/** A participant list's header row names a person column. */
export const participantColumns = columnDictionary(HEADER_WORDS, hasName);
export const recogniseHeader = participantColumns.recognise;
export const mapColumns = participantColumns.mapColumns;
export const findHeaderRow = participantColumns.findHeaderRow;

/** What a mapping lacks to read a participant: problems keyed by field. */
export function mappingProblems(mapping: ColumnMapping): Partial<Record<ImportField, MessageText>> {
  const fields = new Set(mapping);
  const problems: Partial<Record<ImportField, MessageText>> = {};
  if (!hasName(fields)) problems.fullName = msg("import.noNameColumn");
  if (!fields.has("sex")) problems.sex = msg("import.noSexColumn");
  if (!fields.has("region")) problems.region = msg("import.noRegionColumn");
  return problems;
}

// ── values ──

const SEX_WORDS: Record<"MALE" | "FEMALE" | "UNDISCLOSED", string[]> = {
  MALE: ["м", "муж", "мужской", "мужчина", "m", "male", "man", "ер", "еркек", "er"],
  FEMALE: ["ж", "жен", "женский", "женщина", "f", "female", "woman", "w", "әйел", "ә"],
  UNDISCLOSED: ["неуказан", "неуказано", "-", "undisclosed", "prefernottosay", "n/a", "na", "көрсетілмеген"],
};
const SEX_INDEX = new Map(Object.entries(SEX_WORDS).flatMap(([sex, words]) => words.map((w) => [valueKey(w), sex as keyof typeof SEX_WORDS] as const)));

export function parseSex(text: string): "MALE" | "FEMALE" | "UNDISCLOSED" | null {
  return SEX_INDEX.get(valueKey(text)) ?? null;
}

const ROLE_WORDS: Record<"PARTICIPANT" | "OBSERVER", string[]> = {
  PARTICIPANT: ["участник", "participant", "слушатель", "қатысушы"],
  OBSERVER: ["наблюдатель", "observer", "бақылаушы"],
};
const ROLE_INDEX = new Map(Object.entries(ROLE_WORDS).flatMap(([role, words]) => words.map((w) => [valueKey(w), role as keyof typeof ROLE_WORDS] as const)));

// Words around a region's name that say what kind of place it is, in the three languages.
const PLACE_WORDS = new Set(["область", "обл", "облысы", "облыс", "region", "oblast", "province", "город", "гор", "г", "city", "қаласы", "қ"]);

const words = (text: string) =>
  text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .split(/[\s.,()"«»]+/u)
    .filter((word) => word !== "");

/** "Акмолинская обл.", "Akmola Region" and "акмолинская область" all read "акмолинская" / "akmola". */
export function regionKey(text: string): string {
  return words(text)
    .filter((word) => !PLACE_WORDS.has(word))
    .join(" ");
}

export interface RegionNames {
  id: string;
  /** Every name the region goes by: English, Russian, Kazakh, aliases, ISO code. */
  names: readonly string[];
}

/** Name → region id; a key two regions share maps to null (ambiguous). */
function nameIndex(regions: readonly RegionNames[], key: (name: string) => string): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const region of regions) {
    for (const name of region.names) {
      const k = key(name);
      if (k === "") continue;
      const known = index.get(k);
      index.set(k, known === undefined || known === region.id ? region.id : null);
    }
  }
  return index;
}

/**
 * Finds a region by any of its names: first as written (so "г. Алматы", the city, is not Almaty Region,
 * "Алматы облысы"), then without words like "область" or "region". A name two regions share finds neither.
 */
export function regionFinder(regions: readonly RegionNames[]): (text: string) => string | null {
  const exact = nameIndex(regions, (name) => words(name).join(" "));
  const loose = nameIndex(regions, regionKey);
  // A list names the same few regions thousands of times: remember each spelling's answer.
  const answers = new Map<string, string | null>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      const asWritten = exact.get(words(text).join(" "));
      answer = asWritten !== undefined ? asWritten : (loose.get(regionKey(text)) ?? null);
      if (answers.size < 10_000) answers.set(text, answer);
    }
    return answer;
  };
}

// ── rows ──

export const ParticipantRowSchema = z.object({
  fullName: z.string().min(2).max(200),
  normalisedName: z.string(),
  sex: z.enum(["MALE", "FEMALE", "UNDISCLOSED"]),
  regionId: z.string(),
  position: z.string().max(200).nullable(),
  email: z.email().max(254).nullable(),
  phone: z.string().max(40).nullable(),
  role: z.enum(["PARTICIPANT", "OBSERVER"]),
});
export type ParticipantRow = z.infer<typeof ParticipantRowSchema>;

export type ReadParticipantRow = ReadRow<ImportField, ParticipantRow>;

const PHONE = /^[+\d][\d\s()\-–.]{4,39}$/;

/** One sheet row read through a mapping: skipped (blank, closing total), a participant, or its problems. */
export function readParticipantRow(cells: readonly string[], mapping: ColumnMapping, findRegion: (text: string) => string | null): ReadParticipantRow {
  const value = (field: ImportField) => cellOf(cells, mapping, field);
  if (isBlankRow(cells, mapping, "number")) return { kind: "blank" };
  if (isTotalRow(cells)) return { kind: "total" };

  const problems: FieldProblem<ImportField>[] = [];
  const fullName = value("fullName") || [value("lastName"), value("firstName"), value("middleName")].filter(Boolean).join(" ");
  const nameField: ImportField = mapping.includes("fullName") ? "fullName" : "lastName";
  if (fullName === "") problems.push({ field: nameField, message: msg("import.nameEmpty") });
  else if (!/\p{L}/u.test(fullName)) problems.push({ field: nameField, message: msg("import.notAName", { value: fullName }) });
  else if (fullName.length > 200) problems.push({ field: nameField, message: msg("import.nameTooLong") });

  const sexText = value("sex");
  const sex = parseSex(sexText);
  if (sexText === "") problems.push({ field: "sex", message: msg("import.sexEmpty") });
  else if (!sex) problems.push({ field: "sex", message: msg("import.sexInvalid", { value: sexText }) });

  const regionText = value("region");
  const regionId = regionText === "" ? null : findRegion(regionText);
  if (regionText === "") problems.push({ field: "region", message: msg("import.regionEmpty") });
  else if (!regionId) problems.push({ field: "region", message: msg("import.regionInvalid", { value: regionText }) });

  const position = value("position") || null;
  if (position && position.length > 200) problems.push({ field: "position", message: msg("import.positionTooLong") });
  const email = value("email") || null;
  if (email && !z.email().max(254).safeParse(email).success) problems.push({ field: "email", message: msg("import.emailInvalid", { value: email }) });
  const phone = value("phone") || null;
  if (phone && !PHONE.test(phone)) problems.push({ field: "phone", message: msg("import.phoneInvalid", { value: phone }) });
  const roleText = value("role");
  const role = roleText === "" ? "PARTICIPANT" : ROLE_INDEX.get(valueKey(roleText));
  if (!role) problems.push({ field: "role", message: msg("import.roleInvalid", { value: roleText }) });

  if (problems.length > 0 || !sex || !regionId || !role) return { kind: "invalid", problems };
  return { kind: "row", row: { fullName, normalisedName: normalisePersonName(fullName), sex, regionId, position, email, phone, role } };
}
