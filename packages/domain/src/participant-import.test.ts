import { describe, expect, it } from "vitest";
import { findHeaderRow, mapColumns, mappingProblems, parseSex, readParticipantRow, regionFinder } from "./participant-import.js";

const REGIONS = [
  { id: "ala", names: ["Almaty", "Алматы", "Алматы", "Almaty city", "г. Алматы", "KZ-ALA"] },
  { id: "alm", names: ["Almaty Region", "Алматинская область", "Алматы облысы", "Алматинская обл.", "KZ-ALM"] },
  { id: "akm", names: ["Akmola Region", "Акмолинская область", "Ақмола облысы", "Akmola", "KZ-AKM"] },
];
const findRegion = regionFinder(REGIONS);

describe("header row and columns", () => {
  it("finds the header under a title and blank rows, in Russian", () => {
    const rows = [["Список участников вебинара", "", ""], ["", "", ""], ["№ п/п", "Ф.И.О.", "Пол", "Область", "Должность"], ["1", "Иванов Иван", "М", "Акмолинская обл.", "пресс-секретарь"]];
    expect(findHeaderRow(rows)).toBe(2);
    expect(mapColumns(rows[2]!)).toEqual(["number", "fullName", "sex", "region", "position"]);
  });

  it("reads English and Kazakh headers, and split name columns", () => {
    expect(mapColumns(["No.", "Surname", "First name", "Patronymic", "Gender", "Region", "E-mail"])).toEqual(["number", "lastName", "firstName", "middleName", "sex", "region", "email"]);
    expect(mapColumns(["Аты-жөні", "Жынысы", "Облыс"])).toEqual(["fullName", "sex", "region"]);
  });

  it("gives no header when no row names a person column, and skips a one-cell title", () => {
    expect(findHeaderRow([["a", "b"], ["Пол", "Область"]])).toBeNull();
    expect(findHeaderRow([["ФИО"], ["ФИО", "Примечание"]])).toBe(1);
  });

  it("says which needed columns a mapping lacks", () => {
    expect(Object.keys(mappingProblems(["fullName", null, "position"]))).toEqual(["sex", "region"]);
    expect(mappingProblems(["lastName", "firstName", "sex", "region"])).toEqual({});
  });
});

describe("values as people write them", () => {
  it("reads sex in Russian, Kazakh and English", () => {
    for (const male of ["М", "м.", "муж.", "Мужской", "M", "male", "Ер"]) expect(parseSex(male)).toBe("MALE");
    for (const female of ["Ж", "жен.", "Женский", "F", "Female", "Әйел"]) expect(parseSex(female)).toBe("FEMALE");
    expect(parseSex("?")).toBeNull();
  });

  it("tells Almaty city from Almaty Region and reads abbreviations", () => {
    expect(findRegion("г. Алматы")).toBe("ala");
    expect(findRegion("Алматы")).toBe("ala");
    expect(findRegion("Алматы облысы")).toBe("alm");
    expect(findRegion("алматинская обл")).toBe("alm");
    expect(findRegion("Akmola region")).toBe("akm");
    expect(findRegion("Акмолинская")).toBe("akm");
    expect(findRegion("Атлантида")).toBeNull();
  });
});

describe("a row", () => {
  const mapping = mapColumns(["№", "ФИО", "Пол", "Регион", "Должность", "Телефон", "E-mail"]);

  it("reads a participant", () => {
    const read = readParticipantRow(["3", "  Ёлкина   Анна ", "ж", "Акмолинская обл.", "инспектор", "+7 701 123-45-67", ""], mapping, findRegion);
    expect(read).toEqual({ kind: "row", row: { fullName: "Ёлкина Анна", normalisedName: "елкина анна", sex: "FEMALE", regionId: "akm", position: "инспектор", email: null, phone: "+7 701 123-45-67", role: "PARTICIPANT" } });
  });

  it("skips blank rows, rows with only a number, and the closing total", () => {
    expect(readParticipantRow(["", " ", ""], mapping, findRegion).kind).toBe("blank");
    expect(readParticipantRow(["30"], mapping, findRegion).kind).toBe("blank");
    expect(readParticipantRow(["", "Итого: 29 человек", "", ""], mapping, findRegion).kind).toBe("total");
  });

  it("names every bad field with a reason", () => {
    const read = readParticipantRow(["1", "Иванов", "X", "Атлантида", "", "call me", "not-an-email"], mapping, findRegion);
    expect(read.kind).toBe("invalid");
    const problems = read.kind === "invalid" ? read.problems : [];
    expect(problems.map((p) => p.field)).toEqual(["sex", "region", "email", "phone"]);
    expect(String(problems[0]!.message)).toContain('"X"');
  });

  it("joins surname, first name and patronymic columns", () => {
    const split = mapColumns(["Фамилия", "Имя", "Отчество", "Пол", "Регион"]);
    const read = readParticipantRow(["Петров", "Пётр", "Петрович", "М", "KZ-AKM"], split, findRegion);
    expect(read.kind === "row" && read.row.fullName).toBe("Петров Пётр Петрович");
  });
});
