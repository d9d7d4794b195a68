import { expect, it } from "vitest";
import { normalisePersonName } from "./people.js";

it("normalises case, spaces and ё so that the same person is found twice", () => {
  expect(normalisePersonName("  Александр   ЁЛКИН ")).toBe(normalisePersonName("александр елкин"));
  expect(normalisePersonName("Roman  Telenkov")).toBe("roman telenkov");
});
