// Participant-list imports, end to end (upload → parse → validate → dedupe → commit), against the built
// API running as its own process on PostgreSQL, so that its peak memory is its own. The same rows
// loaded with PostgreSQL's COPY give the physical limit. Prints a table and JSON; asserts nothing.
//
//   npm run build && npm run bench:imports -w @vep/tests
//   (PG_ADMIN_URL: a superuser URL, default postgresql://postgres@127.0.0.1:5432/postgres; SIZES=10000,100000)
import { randomUUID } from "node:crypto";
import { writeFileSync, chmodSync, rmSync, mkdtempSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { freshDatabase, login, peakRssMb, startApi } from "./support.js";
const SIZES = (process.env.SIZES ?? "10000,100000").split(",").map(Number);

const SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Ахметов", "Омаров", "Садыков", "Нурланов", "Исаев", "Жумабаев", "Касымов", "Абдуллаев", "Сулейменов", "Бекенов"];
const FIRST = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Артём", "Ерлан", "Нурлан", "Бауыржан", "Данияр", "Асхат", "Марат", "Руслан", "Тимур", "Олег", "Виктор", "Анна", "Мария", "Елена", "Ольга", "Наталья", "Динара", "Айгерим", "Гульнар", "Сауле", "Жанар", "Ирина", "Светлана", "Татьяна", "Юлия", "Екатерина", "Алия", "Асель", "Карина", "Дарья", "Вера"];
const PATRONYMICS = ["Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Алексеевич", "Иванович", "Михайлович", "Викторович", "Олегович", "Маратович", "Ерланович", "Нурланович", "Бауыржанович", "Асхатович", "Тимурович", "Петрович", "Николаевич", "Юрьевич", "Владимирович", "Евгеньевич", "Геннадьевич", "Борисович", "Романович", "Русланович", "Даниярович", "Кайратович", "Серикович", "Болатович", "Муратович", "Игоревич", "Павлович", "Григорьевич", "Фёдорович", "Степанович", "Аркадьевич", "Львович", "Валерьевич", "Анатольевич", "Константинович", "Леонидович", "Вадимович", "Тимофеевич", "Ярославович", "Эдуардович"];
const REGIONS = ["Акмолинская обл.", "Актюбинская область", "г. Алматы", "Алматинская обл.", "Атырауская область", "ВКО", "Жамбылская обл.", "Карагандинская область", "Костанайская обл.", "Кызылординская область", "Мангистауская обл.", "Павлодарская область", "Северо-Казахстанская обл.", "Туркестанская область", "Западно-Казахстанская обл.", "г. Нур-Султан", "г. Шымкент"];

/** The n-th participant: distinct names up to ~100,000, a realistic mix of regions and both sexes. */
function person(n: number): string[] {
  const surname = SURNAMES[n % SURNAMES.length]!;
  const first = FIRST[Math.floor(n / SURNAMES.length) % FIRST.length]!;
  const patronymic = PATRONYMICS[Math.floor(n / (SURNAMES.length * FIRST.length)) % PATRONYMICS.length]!;
  const female = FIRST.indexOf(first) >= 20;
  const name = female ? `${surname}а ${first} ${patronymic.replace(/ич$/, "на")}` : `${surname} ${first} ${patronymic}`;
  return [String(n + 1), name, female ? "Ж" : "М", REGIONS[n % REGIONS.length]!, n % 3 === 0 ? "старший инспектор" : "инспектор по связям со СМИ"];
}

function sheet(rows: number): string[][] {
  return [["Список участников"], [], ["№ п/п", "Ф.И.О.", "Пол", "Область", "Должность"], ...Array.from({ length: rows }, (_, i) => person(i)), ["Итого", "", "", "", String(rows)]];
}

const csv = (rows: string[][]) => Buffer.from("\uFEFF" + rows.map((r) => r.join(";")).join("\r\n") + "\r\n", "utf8");

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Участники").addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main() {
  const database = await freshDatabase("vep_bench");
  const db = new pg.Client({ connectionString: database.url });
  const scratch = mkdtempSync(join(tmpdir(), "vep-bench-"));
  chmodSync(scratch, 0o755);
  const results: Record<string, unknown>[] = [];
  let stopApi = async () => {};
  try {
    const started = await startApi(database.url);
    stopApi = started.stop;
    const child = started.child;
    const api = started.url;
    await db.connect();
    const token = await login(api, "partner@vep.example", "demo-partner-2020");
    const baseline = peakRssMb(child.pid!);

    for (const size of SIZES) {
      const rows = sheet(size);
      for (const format of ["csv", "xlsx"] as const) {
        const file = format === "csv" ? csv(rows) : await xlsx(rows);
        // A fresh activity per run, assigned to the partner like the webinar, so each import starts a new list.
        const activityId = randomUUID();
        const columns = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Activity' AND column_name NOT IN ('id', 'code') AND is_generated = 'NEVER'`)).rows.map((r) => `"${r.column_name}"`).join(", ");
        await db.query(`INSERT INTO "Activity" ("id", "code", ${columns}) SELECT $1, $2, ${columns} FROM "Activity" WHERE "title" LIKE 'Effective communications%' LIMIT 1`, [activityId, `BENCH-${activityId}`]);
        await db.query(`INSERT INTO "ActivityPartner" ("activityId","organisationId","role","updatedAt") SELECT $1, "organisationId", "role", now() FROM "ActivityPartner" ap JOIN "Activity" a ON a.id = ap."activityId" WHERE a.title LIKE 'Effective communications%' AND a.id <> $1 LIMIT 1`, [activityId]);
        const started = performance.now();
        const res = await fetch(`${api}/api/v1/activities/${activityId}/participant-imports?fileName=bench.${format}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": format === "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "idempotency-key": randomUUID() },
          body: file,
        });
        const seconds = (performance.now() - started) / 1000;
        const body = (await res.json()) as { imported?: { rows: number }; detail?: string };
        if (res.status !== 201) throw new Error(`import of ${size} ${format} failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
        results.push({ what: `import ${format}`, rows: body.imported!.rows, fileMB: +(file.byteLength / 1e6).toFixed(1), seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(size / seconds), apiPeakRssMB: Math.round(peakRssMb(child.pid!)) });
      }

      // The physical limit: the same rows, already clean, COPYed into a table of the same shape.
      const copyFile = join(scratch, `rows-${size}.csv`);
      writeFileSync(copyFile, rows.slice(3, -1).map((r, i) => [randomUUID(), i + 4, r[1], r[1]!.toLowerCase(), r[2] === "Ж" ? "FEMALE" : "MALE", r[4]].join(",")).join("\n") + "\n");
      chmodSync(copyFile, 0o644);
      await db.query(`CREATE TEMP TABLE copy_rows (id text, "rowNumber" int, "fullName" text, "normalisedName" text, sex text, position text)`);
      const started = performance.now();
      await db.query(`COPY copy_rows FROM '${copyFile}' WITH (FORMAT csv)`);
      const seconds = (performance.now() - started) / 1000;
      await db.query(`DROP TABLE copy_rows`);
      results.push({ what: "COPY (limit)", rows: size, fileMB: null, seconds: +seconds.toFixed(3), rowsPerSecond: Math.round(size / seconds), apiPeakRssMB: null });
    }
    console.log(`\nParticipant-list imports on PostgreSQL — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; API idle RSS ${Math.round(baseline)} MB\n`);
    console.table(results);
    console.log(JSON.stringify({ bench: "imports", machine: { cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) }, results }));
  } finally {
    await stopApi();
    await db.end().catch(() => {});
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
