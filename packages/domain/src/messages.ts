// The messages the API answers with, in English and Russian: one catalogue, one key per message, with
// `{name}` parameters. Code says `msg("import.sexInvalid", { value })`; the API renders the message in
// the caller's language (Accept-Language) when it answers. Kazakh falls back to Russian until it has
// a catalogue of its own. Plural forms: `{count#one|other}` in English, `{count#one|few|many}` in Russian
// (chosen with Intl.PluralRules).
//
// English texts are the texts the API has always sent (clients and tests compare some): change them
// only on purpose. A plain string that equals a parameterless English text is translated as well, so
// that messages written inside zod schemas (which must be strings) are found by their text.

export const LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

const EN = {
  // ── problems: titles and details every route shares ──
  "http.invalidRequest": "Invalid request",
  "http.invalidValues": "Some values are missing or not valid.",
  "http.unknownField": "Unknown field",
  "http.conflict": "Conflict",
  "http.duplicate": "A record with these values already exists.",
  "http.stillReferred": "Other records still refer to this one, or a referenced record does not exist.",
  "http.notFound": "Not found",
  "http.recordMissing": "The record does not exist.",
  "http.entityNotFound": "{entity} not found",
  "http.noRoute": "No route for {method} {path}",
  "http.internal": "Internal server error",
  "http.internalDetail": "Something went wrong on our side. It has been logged.",
  "http.payloadTooLarge": "Payload too large",
  "http.payloadTooLargeDetail": "Requests are limited to {kib} KiB.",
  "http.unauthorized": "Unauthorized",
  "http.sessionMissing": "The session is missing, expired or was ended. Sign in again.",
  "http.signIn": "Sign in to use this.",
  "http.forbidden": "Forbidden",
  "http.roleForbidden": "Your role does not allow this.",
  "http.unavailable": "Service unavailable",
  "http.error": "Error",
  "http.databaseUnavailable": "The database cannot be reached at the moment. Try again in a few seconds.",
  "http.nulCharacter": "Contains a NUL character (U+0000), which cannot be stored.",
  "http.loneSurrogate": "Contains an unpaired surrogate, which is not valid Unicode text.",
  "http.stale": "The {entity} was changed by someone else. Reload it and apply your change again.",
  "http.invalidIfMatch": "Invalid If-Match",
  "http.ifMatchFormat": 'Must be the record\'s version, e.g. "3".',
  "http.conflictingVersions": "Conflicting versions",
  "http.versionDiffers": "Differs from the If-Match header.",
  "http.versionRequired": "Version required",
  "http.sendVersion": "Send the version you read (or an If-Match header) so that edits are not lost.",
  "http.invalidCursor": "Invalid cursor",
  "http.cursorNotValid": "The cursor is not valid for this list and sort.",
  "http.idempotencyReused": "This Idempotency-Key was already used for a different request; use a new key.",
  "http.idempotencyKeyFormat": "Printable ASCII without spaces",
  "http.unknownRecord": "Unknown {what}",
  "http.noSuchRecord": "No such {what}.",

  // ── signing in ──
  "auth.tooManyAttempts": "Too many attempts",
  "auth.tooManySignIns": "Too many failed sign-ins. Try again in {minutes} minute(s).",
  "auth.badCredentials": "E-mail or password is incorrect.",

  // ── the public feedback form ──
  "feedback.notOpenYet": "Not open yet",
  "feedback.opensAt": "This feedback form opens at {at}.",
  "feedback.closed": "Closed",
  "feedback.closedAt": "This feedback form closed at {at}.",
  "feedback.tooManyAnswers": "Too many answers",
  "feedback.tooManyAnswersDetail": "Too many answers from this address. Try again in {minutes} minute(s).",
  "feedback.regionNotOffered": "The region is not one this form offers",
  "feedback.regionNotOfferedField": "Not one of the regions this form offers.",
  "feedback.attributionNeedsQuote": "Attribution needs consent to quote as well.",
  "feedback.nameNeedsAttribution": "A name may be shown only with consent to attribution.",
  "text.noMarkup": "must not contain markup such as <tags>",
  "text.noControlCharacters": "must not contain control characters",

  // ── reading a sheet ──
  "sheet.notUtf8": "The file is not valid UTF-8 throughout. Save it again as CSV UTF-8, or as CSV in Windows-1251, and upload it again.",
  "sheet.csvUnreadable": "The CSV file cannot be read after row {row}: {reason}",
  "sheet.notXlsx": "The file is not an Excel workbook (.xlsx) that can be read. Save it again as .xlsx, or as CSV, and upload it again.",
  "sheet.noWorksheet": "The workbook has no worksheet.",
  "sheet.noSuchSheet": "The workbook has {count} worksheets; there is no sheet {sheet}.",
  "sheet.noHeader": "No header row found in the first {rows} rows: choose the row that holds the column names.",
  "sheet.noSuchRow": "The sheet has no row {row}.",
  "sheet.mappingNotAField": 'Column {column}: "{name}" is not a field ({fields}).',
  "sheet.mappingTwice": '"{name}" is mapped to two columns.',

  // ── importing a participant list or paper feedback ──
  "import.oldExcel": "Old Excel format",
  "import.oldExcelField": "Files in the old Excel format (.xls) cannot be read: save the sheet as .xlsx or CSV.",
  "import.invalidMapping": "Invalid column mapping",
  "import.whoseList": "Whose list is it?",
  "import.nameOrganisation": "Name the partner organisation the list comes from.",
  "import.notPartner": "Not a partner of the activity",
  "import.notPartnerField": "This organisation is not a partner of the activity.",
  "import.rowsHaveProblems": "{rows} {rows#row has|rows have} problems; nothing was imported. Correct them and upload the file again.",
  "import.unreadable": "The file cannot be read; nothing was imported.",
  "import.nothing": "Nothing to import; nothing was imported.",
  "import.noRows": "The file holds no rows below the header.",
  "import.underReview": "This activity's submission of this kind from the organisation is under review: wait until it is approved or returned.",
  "import.noNameColumn": "No column holds the participant's name: map one column to the full name, or one to the surname and one to the first name.",
  "import.noSexColumn": "No column holds the participant's sex.",
  "import.noRegionColumn": "No column holds the participant's region.",
  "import.nameEmpty": "The name is empty.",
  "import.notAName": '"{value}" is not a name.',
  "import.nameTooLong": "The name is longer than 200 characters.",
  "import.sexEmpty": "Sex is empty: write М or Ж (M or F).",
  "import.sexInvalid": '"{value}" is not a sex: write М or Ж (M or F).',
  "import.regionEmpty": "The region is empty.",
  "import.regionInvalid": "\"{value}\" is not a region of the country on the activity's date.",
  "import.positionTooLong": "The position is longer than 200 characters.",
  "import.emailInvalid": '"{value}" is not an e-mail address.',
  "import.phoneInvalid": '"{value}" is not a phone number.',
  "import.roleInvalid": '"{value}" is not a role: write participant or observer.',
  "import.repeatsRow": "Repeats row {row}: same name and region. Remove one of the two rows.",
  "import.sameNameElsewhere": "Same name as row {row}, in another region: two people, or one written twice?",
  "import.knownToOrganisation": "Already known to your organisation: at approval this row is linked to that person.",
  "import.namesakesInOrganisation": "{count} people of your organisation have this name: at approval a new person is recorded.",
  "import.knownElsewhere": "A person of this name is known in another organisation ({organisations}).",
  "import.noOrganisation": "no organisation",
  "import.noAnswerColumn": "No column holds an answer: map at least one column to a question.",
  "import.scoreInvalid": '"{value}" is not a score from 1 to 5.',
  "import.yesNoInvalid": '"{value}" is not yes or no (да / нет).',
  "import.feedbackSexInvalid": '"{value}" is not a sex: write М or Ж (M or F), or leave it empty.',
  "import.noAnswer": "The row answers no question.",

  // ── the review of a submission ──
  "submission.refused": "A {status} list cannot be {action}.",
  "submission.refusedLocked": "A {status} list cannot be {action}: it is locked; changes need a new list.",
  "submission.status.DRAFT": "draft",
  "submission.status.SUBMITTED": "submitted",
  "submission.status.RETURNED": "returned",
  "submission.status.APPROVED": "approved",
  "submission.action.submitted": "submitted",
  "submission.action.returned": "returned",
  "submission.action.approved": "approved",
  "submission.action.edited": "edited",
  "submission.empty": "The list is empty",
  "submission.importFirst": "Import the participant list before submitting it.",
  "submission.rowsMissing": "Comments on rows the list does not have",
  "submission.noRow": "The list has no row {row}.",
  "submission.noSuchRow": "No such row",
  "submission.notActivityRegion": "Not a region of the activity",
  "submission.notActivityRegionField": "Not a region of the activity's country on its date.",
  "submission.noSuchRevision": "No such revision",
  "submission.revisionCount": "The submission has {count} revisions.",
  "submission.cannotCompare": "Cannot compare these revisions",
  "submission.firstRevision": "The first revision has nothing before it to compare with.",
  "submission.earlierRevision": "Must be an earlier revision than `to`.",
  "submission.sayWhatToFix": "Say what to fix: a comment on the list or on rows.",
} as const;

export type MessageKey = keyof typeof EN;

type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? (P extends `${infer Name}#${string}` ? Name : P) | ParamNames<Rest> : never;
/** A parameter: a value shown as it is, a number (it also picks plural forms), or another message. */
export type MessageParam = string | number | Message | EntityName;
export type MessageParams<K extends MessageKey> = { [N in ParamNames<(typeof EN)[K]>]: MessageParam };

/** A message to be rendered in the caller's language; `String(message)` is the English text. */
export class Message<K extends MessageKey = MessageKey> {
  constructor(
    readonly key: K,
    readonly params: Readonly<Record<string, MessageParam>> = {},
  ) {}
  toString(): string {
    return render(this, "en");
  }
}

/** The name of a kind of record ("Activity") inside a message; English as written or in lower case. */
export class EntityName {
  constructor(
    readonly entity: string,
    readonly lowerCase = false,
  ) {}
  toString(): string {
    return this.lowerCase ? this.entity.toLowerCase() : this.entity;
  }
}

/** What services put where a person will read it: a catalogue message, or a plain (English) string. */
export type MessageText = string | Message;

export function msg<K extends MessageKey>(key: K, ...params: ParamNames<(typeof EN)[K]> extends never ? [] : [MessageParams<K>]): Message<K> {
  return new Message(key, params[0] ?? {});
}

/** The English text of a parameterless message: for zod schemas, whose custom messages are strings. */
export function english<K extends MessageKey>(key: ParamNames<(typeof EN)[K]> extends never ? K : never): string {
  return EN[key];
}

const RU: Record<MessageKey, string> = {
  "http.invalidRequest": "Некорректный запрос",
  "http.invalidValues": "Некоторые значения не заполнены или неверны.",
  "http.unknownField": "Неизвестное поле",
  "http.conflict": "Конфликт",
  "http.duplicate": "Запись с такими значениями уже существует.",
  "http.stillReferred": "На эту запись ссылаются другие записи, или запись, на которую она ссылается, не существует.",
  "http.notFound": "Не найдено",
  "http.recordMissing": "Запись не существует.",
  "http.entityNotFound": "Не найдено: {entity}",
  "http.noRoute": "Нет такого адреса: {method} {path}",
  "http.internal": "Внутренняя ошибка сервера",
  "http.internalDetail": "Что-то пошло не так на нашей стороне. Ошибка записана в журнал.",
  "http.payloadTooLarge": "Слишком большой запрос",
  "http.payloadTooLargeDetail": "Размер запроса ограничен {kib} КиБ.",
  "http.unauthorized": "Требуется вход",
  "http.sessionMissing": "Сеанс отсутствует, истёк или был завершён. Войдите снова.",
  "http.signIn": "Войдите, чтобы воспользоваться этим.",
  "http.forbidden": "Доступ запрещён",
  "http.roleForbidden": "Ваша роль не позволяет это сделать.",
  "http.unavailable": "Сервис недоступен",
  "http.error": "Ошибка",
  "http.databaseUnavailable": "База данных сейчас недоступна. Повторите попытку через несколько секунд.",
  "http.nulCharacter": "Содержит символ NUL (U+0000), который нельзя сохранить.",
  "http.loneSurrogate": "Содержит непарный суррогатный символ: это не текст в Юникоде.",
  "http.stale": "Запись ({entity}) изменена кем-то другим. Загрузите её заново и повторите изменение.",
  "http.invalidIfMatch": "Неверный заголовок If-Match",
  "http.ifMatchFormat": "Должна быть версия записи, например \"3\".",
  "http.conflictingVersions": "Версии не совпадают",
  "http.versionDiffers": "Отличается от заголовка If-Match.",
  "http.versionRequired": "Нужна версия",
  "http.sendVersion": "Укажите версию, которую вы прочитали (или заголовок If-Match), чтобы правки не потерялись.",
  "http.invalidCursor": "Неверный курсор",
  "http.cursorNotValid": "Курсор не подходит к этому списку и сортировке.",
  "http.idempotencyReused": "Этот ключ Idempotency-Key уже использован для другого запроса; используйте новый ключ.",
  "http.idempotencyKeyFormat": "Печатные символы ASCII без пробелов",
  "http.unknownRecord": "Неизвестная запись: {what}",
  "http.noSuchRecord": "Такой записи нет: {what}.",

  "auth.tooManyAttempts": "Слишком много попыток",
  "auth.tooManySignIns": "Слишком много неудачных попыток входа. Попробуйте снова через {minutes} {minutes#минуту|минуты|минут}.",
  "auth.badCredentials": "Неверный адрес электронной почты или пароль.",

  "feedback.notOpenYet": "Ещё не открыта",
  "feedback.opensAt": "Эта форма отзыва откроется {at}.",
  "feedback.closed": "Закрыта",
  "feedback.closedAt": "Эта форма отзыва закрыта {at}.",
  "feedback.tooManyAnswers": "Слишком много ответов",
  "feedback.tooManyAnswersDetail": "Слишком много ответов с этого адреса. Попробуйте снова через {minutes} {minutes#минуту|минуты|минут}.",
  "feedback.regionNotOffered": "Этого региона нет среди предложенных формой",
  "feedback.regionNotOfferedField": "Этого региона нет среди предложенных формой.",
  "feedback.attributionNeedsQuote": "Указать имя можно только вместе с согласием на цитирование.",
  "feedback.nameNeedsAttribution": "Имя можно указать только с согласия на указание имени.",
  "text.noMarkup": "не должно содержать разметку, например <теги>",
  "text.noControlCharacters": "не должно содержать управляющие символы",

  "sheet.notUtf8": "Файл не целиком в кодировке UTF-8. Сохраните его заново как CSV UTF-8 или как CSV в кодировке Windows-1251 и загрузите снова.",
  "sheet.csvUnreadable": "Файл CSV не читается после строки {row}: {reason}",
  "sheet.notXlsx": "Файл не является читаемой книгой Excel (.xlsx). Сохраните его заново как .xlsx или как CSV и загрузите снова.",
  "sheet.noWorksheet": "В книге нет ни одного листа.",
  "sheet.noSuchSheet": "В книге {count} {count#лист|листа|листов}; листа {sheet} нет.",
  "sheet.noHeader": "В первых {rows} строках не найдена строка заголовков: укажите строку с названиями столбцов.",
  "sheet.noSuchRow": "В листе нет строки {row}.",
  "sheet.mappingNotAField": "Столбец {column}: «{name}» — не поле ({fields}).",
  "sheet.mappingTwice": "«{name}» сопоставлено двум столбцам.",

  "import.oldExcel": "Старый формат Excel",
  "import.oldExcelField": "Файлы в старом формате Excel (.xls) не читаются: сохраните лист как .xlsx или CSV.",
  "import.invalidMapping": "Неверное сопоставление столбцов",
  "import.whoseList": "Чей это список?",
  "import.nameOrganisation": "Укажите партнёрскую организацию, от которой список.",
  "import.notPartner": "Не партнёр мероприятия",
  "import.notPartnerField": "Эта организация не является партнёром мероприятия.",
  "import.rowsHaveProblems": "{rows} {rows#строка содержит|строки содержат|строк содержат} ошибки; ничего не импортировано. Исправьте их и загрузите файл снова.",
  "import.unreadable": "Файл не читается; ничего не импортировано.",
  "import.nothing": "Импортировать нечего; ничего не импортировано.",
  "import.noRows": "В файле нет строк под заголовком.",
  "import.underReview": "Список этого вида от организации по этому мероприятию на проверке: дождитесь, пока его утвердят или вернут.",
  "import.noNameColumn": "Ни один столбец не содержит имя участника: сопоставьте один столбец с ФИО или один с фамилией и один с именем.",
  "import.noSexColumn": "Ни один столбец не содержит пол участника.",
  "import.noRegionColumn": "Ни один столбец не содержит регион участника.",
  "import.nameEmpty": "Имя не заполнено.",
  "import.notAName": "«{value}» — не имя.",
  "import.nameTooLong": "Имя длиннее 200 символов.",
  "import.sexEmpty": "Пол не заполнен: напишите М или Ж.",
  "import.sexInvalid": "«{value}» — не пол: напишите М или Ж.",
  "import.regionEmpty": "Регион не заполнен.",
  "import.regionInvalid": "«{value}» — не регион страны на дату мероприятия.",
  "import.positionTooLong": "Должность длиннее 200 символов.",
  "import.emailInvalid": "«{value}» — не адрес электронной почты.",
  "import.phoneInvalid": "«{value}» — не номер телефона.",
  "import.roleInvalid": "«{value}» — не роль: напишите «участник» или «наблюдатель».",
  "import.repeatsRow": "Повторяет строку {row}: то же имя и регион. Удалите одну из двух строк.",
  "import.sameNameElsewhere": "То же имя, что в строке {row}, но другой регион: два человека или один, записанный дважды?",
  "import.knownToOrganisation": "Уже известен вашей организации: при утверждении строка будет связана с этим человеком.",
  "import.namesakesInOrganisation": "{count} {count#человек|человека|человек} из вашей организации носят это имя: при утверждении будет записан новый человек.",
  "import.knownElsewhere": "Человек с таким именем известен в другой организации ({organisations}).",
  "import.noOrganisation": "без организации",
  "import.noAnswerColumn": "Ни один столбец не содержит ответ: сопоставьте хотя бы один столбец с вопросом.",
  "import.scoreInvalid": "«{value}» — не оценка от 1 до 5.",
  "import.yesNoInvalid": "«{value}» — не «да» и не «нет».",
  "import.feedbackSexInvalid": "«{value}» — не пол: напишите М или Ж либо оставьте пустым.",
  "import.noAnswer": "В строке нет ответа ни на один вопрос.",

  "submission.refused": "Список в состоянии «{status}» нельзя {action}.",
  "submission.refusedLocked": "Список в состоянии «{status}» нельзя {action}: он закрыт; для изменений нужен новый список.",
  "submission.status.DRAFT": "черновик",
  "submission.status.SUBMITTED": "на проверке",
  "submission.status.RETURNED": "возвращён",
  "submission.status.APPROVED": "утверждён",
  "submission.action.submitted": "отправить",
  "submission.action.returned": "вернуть",
  "submission.action.approved": "утвердить",
  "submission.action.edited": "изменять",
  "submission.empty": "Список пуст",
  "submission.importFirst": "Импортируйте список участников, прежде чем отправлять его.",
  "submission.rowsMissing": "Замечания к строкам, которых нет в списке",
  "submission.noRow": "В списке нет строки {row}.",
  "submission.noSuchRow": "Нет такой строки",
  "submission.notActivityRegion": "Не регион мероприятия",
  "submission.notActivityRegionField": "Не регион страны мероприятия на его дату.",
  "submission.noSuchRevision": "Нет такой редакции",
  "submission.revisionCount": "У списка {count} {count#редакция|редакции|редакций}.",
  "submission.cannotCompare": "Эти редакции нельзя сравнить",
  "submission.firstRevision": "Первую редакцию не с чем сравнить.",
  "submission.earlierRevision": "Должна быть более ранней редакцией, чем «до».",
  "submission.sayWhatToFix": "Скажите, что исправить: замечание к списку или к строкам.",
};

/** Names of kinds of records (NotFoundError, stale versions), in Russian; English uses the name itself. */
const ENTITIES_RU: Record<string, string> = {
  Activity: "мероприятие",
  Budget: "бюджет",
  Contribution: "взнос",
  ContributionPayment: "платёж по взносу",
  Country: "страна",
  Donor: "донор",
  Enrolment: "запись на мероприятие",
  ExchangeRate: "обменный курс",
  Expenditure: "расход",
  "Feedback form": "форма отзыва",
  "Feedback response": "отзыв",
  "IATI export": "выгрузка IATI",
  "Indicator target": "целевое значение показателя",
  "Indicator value": "значение показателя",
  Indicator: "показатель",
  Notification: "уведомление",
  Organisation: "организация",
  Outcome: "результат",
  Output: "промежуточный результат",
  Participant: "участник",
  Programme: "программа",
  Quote: "цитата",
  Region: "регион",
  Session: "занятие",
  Submission: "список",
  Trainer: "тренер",
  User: "пользователь",
  activity: "мероприятие",
  donor: "донор",
  programme: "программа",
  organisation: "организация",
  region: "регион",
  country: "страна",
  trainer: "тренер",
  output: "промежуточный результат",
};

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en: EN, ru: RU };
export const ENTITY_NAMES_RU: Readonly<Record<string, string>> = ENTITIES_RU;

/** The parameter names a template uses, for the catalogue check. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:#[^}]*)?\}/g)].map((m) => m[1]!))].sort();
}

const BY_ENGLISH = new Map<string, MessageKey>(
  (Object.entries(EN) as [MessageKey, string][]).filter(([, text]) => templateParams(text).length === 0).map(([key, text]) => [text, key]),
);

/** The catalogue key whose English text (without parameters) is exactly `text`. */
export const messageKeyOf = (text: string): MessageKey | undefined => BY_ENGLISH.get(text);

const pluralRules = { en: new Intl.PluralRules("en"), ru: new Intl.PluralRules("ru") };
const PLURAL_FORMS: Record<Language, Intl.LDMLPluralRule[]> = { en: ["one", "other"], ru: ["one", "few", "many"] };

function pluralForm(language: Language, count: number, forms: string[]): string {
  const category = pluralRules[language].select(count);
  const index = PLURAL_FORMS[language].indexOf(category);
  return forms[index >= 0 ? index : forms.length - 1] ?? "";
}

function renderParam(value: MessageParam | undefined, language: Language): string {
  if (value === undefined) return "";
  if (value instanceof Message) return render(value, language);
  if (value instanceof EntityName) return language === "en" ? value.toString() : (ENTITIES_RU[value.entity] ?? value.entity);
  return String(value);
}

/** A message (or a plain string) in the given language; unknown plain strings stay as they are. */
export function render(text: MessageText, language: Language): string {
  if (typeof text === "string") {
    const key = BY_ENGLISH.get(text);
    return key ? CATALOGUES[language][key] : text;
  }
  const template = CATALOGUES[language][text.key] ?? EN[text.key];
  return template.replace(/\{(\w+)(?:#([^}]*))?\}/g, (_, name: string, forms: string | undefined) => {
    const value = text.params[name];
    if (forms === undefined) return renderParam(value, language);
    return pluralForm(language, Number(value), forms.split("|"));
  });
}

/** Every value of a record rendered: for field-level messages. */
export function renderAll(texts: Readonly<Record<string, MessageText>>, language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, render(text, language)]));
}
