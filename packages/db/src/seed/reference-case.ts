// The programme's reference case as data: UNODC and the Prison Committee of Kazakhstan's Ministry of
// Interior ran the webinar "Effective communications: the basics of work with the media", 13–29 May 2020:
// nine online sessions, 29 prison officers who are media focal points from all 17 regions.
// Two participants are named in UNODC's public account (Akerke Zhaubasarova, Roman Telenkov); their
// quotes here paraphrase what that account reports. Everyone else, trainers included, is fictional.
import type { Sex } from "../generated/prisma/enums.js";

export const PROGRAMME = {
  iatiIdentifier: "XM-DAC-41110-GLOZ82",
  title:
    "Supporting the Management of Violent Extremist Prisoners and the Prevention of Radicalization to Violence in Prisons",
  titleRu:
    "Поддержка управления заключёнными — насильственными экстремистами и предупреждения радикализации к насилию в тюрьмах",
  description:
    "A joint UN initiative of UNODC, UNOCT/UNCCT and UNCTED that helps prison administrations manage violent extremist prisoners in line with international standards, including the Nelson Mandela Rules, and prevent radicalization to violence in prisons.",
  descriptionRu:
    "Совместная инициатива ООН — УНП ООН, КТУ ООН/КТЦ ООН и ИДКТК, — которая помогает пенитенциарным администрациям обращаться с заключёнными — насильственными экстремистами в соответствии с международными стандартами, включая Правила Нельсона Манделы, и предупреждать радикализацию к насилию в тюрьмах.",
  dacSector: "15130", // Legal and judicial development
  startDate: "2019-01-01",
  endDate: "2022-12-31",
  defaultCurrency: "USD",
} as const;

/** Kazakhstan's first-level divisions as of 2020: 14 regions (oblasts) and three cities. */
export const REGIONS_2020 = [
  { code: "KZ-AST", name: "Nur-Sultan", ru: "Нур-Султан", kk: "Нұр-Сұлтан", kind: "CITY", aliases: ["Astana", "Астана", "г. Нур-Султан"] },
  { code: "KZ-ALA", name: "Almaty", ru: "Алматы", kk: "Алматы", kind: "CITY", aliases: ["Almaty city", "г. Алматы"] },
  { code: "KZ-SHY", name: "Shymkent", ru: "Шымкент", kk: "Шымкент", kind: "CITY", aliases: ["г. Шымкент"] },
  { code: "KZ-AKM", name: "Akmola Region", ru: "Акмолинская область", kk: "Ақмола облысы", kind: "REGION", aliases: ["Akmola", "Акмолинская обл."] },
  { code: "KZ-AKT", name: "Aktobe Region", ru: "Актюбинская область", kk: "Ақтөбе облысы", kind: "REGION", aliases: ["Aktobe", "Актюбинская обл."] },
  { code: "KZ-ALM", name: "Almaty Region", ru: "Алматинская область", kk: "Алматы облысы", kind: "REGION", aliases: ["Алматинская обл."] },
  { code: "KZ-ATY", name: "Atyrau Region", ru: "Атырауская область", kk: "Атырау облысы", kind: "REGION", aliases: ["Atyrau", "Атырауская обл."] },
  { code: "KZ-VOS", name: "East Kazakhstan Region", ru: "Восточно-Казахстанская область", kk: "Шығыс Қазақстан облысы", kind: "REGION", aliases: ["East Kazakhstan", "ВКО"] },
  { code: "KZ-ZHA", name: "Jambyl Region", ru: "Жамбылская область", kk: "Жамбыл облысы", kind: "REGION", aliases: ["Zhambyl", "Jambyl", "Жамбылская обл."] },
  { code: "KZ-KAR", name: "Karaganda Region", ru: "Карагандинская область", kk: "Қарағанды облысы", kind: "REGION", aliases: ["Karaganda", "Karagandy", "Карагандинская обл."] },
  { code: "KZ-KUS", name: "Kostanay Region", ru: "Костанайская область", kk: "Қостанай облысы", kind: "REGION", aliases: ["Kostanay", "Костанайская обл."] },
  { code: "KZ-KZY", name: "Kyzylorda Region", ru: "Кызылординская область", kk: "Қызылорда облысы", kind: "REGION", aliases: ["Kyzylorda", "Кызылординская обл."] },
  { code: "KZ-MAN", name: "Mangystau Region", ru: "Мангистауская область", kk: "Маңғыстау облысы", kind: "REGION", aliases: ["Mangistau", "Mangystau", "Мангистауская обл."] },
  { code: "KZ-SEV", name: "North Kazakhstan Region", ru: "Северо-Казахстанская область", kk: "Солтүстік Қазақстан облысы", kind: "REGION", aliases: ["North Kazakhstan", "СКО"] },
  { code: "KZ-PAV", name: "Pavlodar Region", ru: "Павлодарская область", kk: "Павлодар облысы", kind: "REGION", aliases: ["Pavlodar", "Павлодарская обл."] },
  { code: "KZ-YUZ", name: "Turkistan Region", ru: "Туркестанская область", kk: "Түркістан облысы", kind: "REGION", aliases: ["Turkestan", "Туркестанская обл.", "Южно-Казахстанская область"] },
  { code: "KZ-ZAP", name: "West Kazakhstan Region", ru: "Западно-Казахстанская область", kk: "Батыс Қазақстан облысы", kind: "REGION", aliases: ["West Kazakhstan", "ЗКО"] },
] as const;

/** In force from 16 June 2018 (Shymkent a city of republican significance; Turkistan Region formed). */
export const REGIONS_2020_VALID_FROM = "2018-06-19";
/** On 8 June 2022 Abai, Jetisu and Ulytau regions were carved out of East Kazakhstan, Almaty and Karaganda regions. */
export const REGIONS_2022_VALID_FROM = "2022-06-08";
export const REGIONS_CHANGED_IN_2022 = ["KZ-VOS", "KZ-ALM", "KZ-KAR"] as const;
export const REGIONS_NEW_IN_2022 = [
  { code: "KZ-10", name: "Abai Region", ru: "Абайская область", kk: "Абай облысы", kind: "REGION", aliases: ["Abai", "Абай"] },
  { code: "KZ-33", name: "Jetisu Region", ru: "Жетысуская область", kk: "Жетісу облысы", kind: "REGION", aliases: ["Zhetysu", "Жетысу"] },
  { code: "KZ-62", name: "Ulytau Region", ru: "Улытауская область", kk: "Ұлытау облысы", kind: "REGION", aliases: ["Ulytau", "Улытау"] },
] as const;

export const WEBINAR = {
  code: "KAZ-2020-MEDIA",
  title: "Effective communications: the basics of work with the media",
  titleRu: "Эффективные коммуникации: основы работы со СМИ",
  description:
    "A three-week online training for the media focal points of the penitentiary system of Kazakhstan, organised by UNODC with the Prison Committee of the Ministry of Interior to promote openness and transparent communication with the public during the COVID-19 pandemic.",
  descriptionRu:
    "Трёхнедельное онлайн-обучение для ответственных за связи со СМИ в пенитенциарной системе Казахстана, организованное УНП ООН вместе с Комитетом уголовно-исполнительной системы МВД, чтобы содействовать открытости и прозрачному общению с обществом во время пандемии COVID-19.",
  objectives:
    "Strengthen the communication skills of prison press officers: crisis communication, quality information materials, social media, and reporting in line with the Nelson Mandela Rules.",
  objectivesRu:
    "Развить коммуникационные навыки пресс-офицеров пенитенциарной системы: кризисные коммуникации, качественные информационные материалы, социальные сети и освещение в соответствии с Правилами Нельсона Манделы.",
  startDate: "2020-05-13",
  endDate: "2020-05-29",
  completionSharePercent: 70,
  topics: [
    "crisis communication",
    "information materials for the media",
    "social media",
    "Nelson Mandela Rules",
    "interviews and press conferences",
    "press releases and news stories",
    "photo and video",
    "disinformation and reputation",
    "communication strategy",
  ],
} as const;

/** Nine online sessions, 10:00–12:00 Nur-Sultan time (UTC+6). `trainers` index TRAINERS. */
export const SESSIONS = [
  { date: "2020-05-13", topic: "Crisis communications in the penitentiary system", topicRu: "Кризисные коммуникации в пенитенциарной системе", trainers: [0] },
  { date: "2020-05-15", topic: "Preparing high-quality information materials for the media", topicRu: "Подготовка качественных информационных материалов для СМИ", trainers: [1] },
  { date: "2020-05-18", topic: "The role of social media in the work of prison administrations", topicRu: "Роль социальных сетей в работе пенитенциарных учреждений", trainers: [1] },
  { date: "2020-05-20", topic: "The Nelson Mandela Rules as a reference for press releases and stories", topicRu: "Правила Нельсона Манделы как ориентир для пресс-релизов и материалов", trainers: [2] },
  { date: "2020-05-22", topic: "Working with journalists: interviews and press conferences", topicRu: "Работа с журналистами: интервью и пресс-конференции", trainers: [0] },
  { date: "2020-05-25", topic: "Writing press releases and news stories", topicRu: "Как писать пресс-релизы и новости", trainers: [1, 2] },
  { date: "2020-05-27", topic: "Photo and video materials for the media", topicRu: "Фото- и видеоматериалы для СМИ", trainers: [1] },
  { date: "2020-05-28", topic: "Countering disinformation and protecting reputation", topicRu: "Противодействие дезинформации и защита репутации", trainers: [0] },
  { date: "2020-05-29", topic: "A communication strategy and media plan: participants' projects", topicRu: "Коммуникационная стратегия и медиаплан: проекты участников", trainers: [0, 2] },
] as const;

export const TRAINERS = [
  { fullName: "Aliya Bekova", sex: "FEMALE", position: "Media trainer, former television journalist", expertise: ["crisis communication", "interviews"] },
  { fullName: "Pavel Orlov", sex: "MALE", position: "Public relations consultant", expertise: ["social media", "press releases", "photo and video"] },
  { fullName: "Dana Serikbayeva", sex: "FEMALE", position: "Human rights and media expert", expertise: ["Nelson Mandela Rules", "ethical reporting"] },
] as const satisfies readonly { fullName: string; sex: Sex; position: string; expertise: readonly string[] }[];

export interface ParticipantSeed {
  fullName: string;
  sex: Sex;
  position: string;
  region: (typeof REGIONS_2020)[number]["code"];
  /** Sessions attended, out of nine. Seven or more counts as trained (70% completion share). */
  sessionsAttended: number;
  /** Works at the Prison Committee itself rather than at a regional department. */
  headquarters?: boolean;
}

/** 29 media focal points, at least one from each of the 17 regions; 27 attended 7+ of the 9 sessions. */
export const PARTICIPANTS: readonly ParticipantSeed[] = [
  { fullName: "Akerke Zhaubasarova", sex: "FEMALE", position: "Press secretary of the Prison Committee", region: "KZ-AST", sessionsAttended: 9, headquarters: true },
  { fullName: "Асель Нурланова", sex: "FEMALE", position: "Главный специалист пресс-службы", region: "KZ-AST", sessionsAttended: 8 },
  { fullName: "Дина Ахметова", sex: "FEMALE", position: "Старший инспектор по связям с общественностью", region: "KZ-ALA", sessionsAttended: 9 },
  { fullName: "Ержан Сериков", sex: "MALE", position: "Пресс-офицер", region: "KZ-ALA", sessionsAttended: 7 },
  { fullName: "Гульнара Абдиева", sex: "FEMALE", position: "Пресс-офицер", region: "KZ-SHY", sessionsAttended: 9 },
  { fullName: "Бауыржан Оспанов", sex: "MALE", position: "Инспектор по связям с общественностью", region: "KZ-SHY", sessionsAttended: 8 },
  { fullName: "Елена Ковалёва", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-AKM", sessionsAttended: 9 },
  { fullName: "Марат Жумабеков", sex: "MALE", position: "Пресс-офицер", region: "KZ-AKM", sessionsAttended: 7 },
  { fullName: "Айгуль Тасмагамбетова", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-AKT", sessionsAttended: 8 },
  { fullName: "Нурлан Кенжебаев", sex: "MALE", position: "Старший инспектор", region: "KZ-AKT", sessionsAttended: 9 },
  { fullName: "Жанар Исаева", sex: "FEMALE", position: "Пресс-офицер", region: "KZ-ALM", sessionsAttended: 9 },
  { fullName: "Ерлан Мусин", sex: "MALE", position: "Инспектор по связям с общественностью", region: "KZ-ALM", sessionsAttended: 8 },
  { fullName: "Сауле Утегенова", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-ATY", sessionsAttended: 9 },
  { fullName: "Ольга Степанова", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-VOS", sessionsAttended: 7 },
  { fullName: "Александр Ёлкин", sex: "MALE", position: "Пресс-офицер", region: "KZ-VOS", sessionsAttended: 9 },
  { fullName: "Мадина Джумабаева", sex: "FEMALE", position: "Пресс-офицер", region: "KZ-ZHA", sessionsAttended: 8 },
  { fullName: "Дархан Алиев", sex: "MALE", position: "Старший инспектор", region: "KZ-ZHA", sessionsAttended: 9 },
  { fullName: "Анна Шевченко", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-KAR", sessionsAttended: 9 },
  { fullName: "Сергей Ким", sex: "MALE", position: "Инспектор по связям с общественностью", region: "KZ-KAR", sessionsAttended: 5 },
  { fullName: "Алия Сагинтаева", sex: "FEMALE", position: "Пресс-офицер", region: "KZ-KUS", sessionsAttended: 7 },
  { fullName: "Виктор Лебедев", sex: "MALE", position: "Пресс-секретарь департамента", region: "KZ-KUS", sessionsAttended: 8 },
  { fullName: "Гаухар Ибраева", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-KZY", sessionsAttended: 9 },
  { fullName: "Roman Telenkov", sex: "MALE", position: "Press officer, Mangistau regional prison department", region: "KZ-MAN", sessionsAttended: 9 },
  { fullName: "Татьяна Морозова", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-SEV", sessionsAttended: 8 },
  { fullName: "Игорь Петренко", sex: "MALE", position: "Пресс-офицер", region: "KZ-SEV", sessionsAttended: 7 },
  { fullName: "Камила Байжанова", sex: "FEMALE", position: "Пресс-офицер", region: "KZ-PAV", sessionsAttended: 9 },
  { fullName: "Тимур Рахимов", sex: "MALE", position: "Инспектор по связям с общественностью", region: "KZ-PAV", sessionsAttended: 8 },
  { fullName: "Зарина Ташенова", sex: "FEMALE", position: "Пресс-офицер", region: "KZ-YUZ", sessionsAttended: 6 },
  { fullName: "Светлана Павлова", sex: "FEMALE", position: "Пресс-секретарь департамента", region: "KZ-ZAP", sessionsAttended: 9 },
];

/** Published quotes (paraphrased) with consent to quote and to attribution, and one anonymous quote. */
export const QUOTES = [
  {
    participant: "Akerke Zhaubasarova",
    attribution: "Akerke Zhaubasarova, press secretary of the Prison Committee",
    text: "The media are the channel between the prison system and the public; the webinar showed us how to use it openly and correctly, especially in a crisis.",
    textRu: "СМИ — это канал между пенитенциарной системой и обществом; вебинар показал нам, как пользоваться им открыто и правильно, особенно в кризис.",
    consentToAttribution: true,
  },
  {
    participant: "Roman Telenkov",
    attribution: "Roman Telenkov, press officer, Mangistau regional prison department",
    text: "I learned how to prepare materials journalists can actually use and how the Nelson Mandela Rules help us tell our stories responsibly.",
    textRu: "Я научился готовить материалы, которыми журналисты действительно могут воспользоваться, и понял, как Правила Нельсона Манделы помогают нам ответственно рассказывать о своей работе.",
    consentToAttribution: true,
  },
  {
    participant: "Гаухар Ибраева",
    attribution: null,
    text: "Теперь я понимаю, как готовить пресс-релиз и отвечать журналистам в кризисной ситуации.",
    textRu: null,
    consentToAttribution: false,
  },
] as const;

export const DEMO_USERS = [
  { email: "admin@vep.example", displayName: "Demo Administrator", role: "ADMIN", organisation: "UNODC", password: "demo-admin-2020" },
  { email: "staff@vep.example", displayName: "Demo Project Officer", role: "STAFF", organisation: "UNODC", password: "demo-staff-2020" },
  { email: "partner@vep.example", displayName: "Demo Prison Committee Officer", role: "PARTNER", organisation: "PRISON_COMMITTEE", password: "demo-partner-2020" },
  { email: "donor@vep.example", displayName: "Demo EU Programme Manager", role: "DONOR", organisation: "EU", password: "demo-donor-2020" },
] as const;
