import { describe, expect, it } from "vitest";
import { diffActivities } from "./diff.js";

const file = (body: string, updated = "2020-01-01T00:00:00Z") => `<?xml version="1.0"?><iati-activities version="2.03"><iati-activity last-updated-datetime="${updated}">${body}</iati-activity></iati-activities>`;
const org = (role: string, name: string, ref?: string) => `<participating-org role="${role}"${ref ? ` ref="${ref}"` : ""}><narrative>${name}</narrative></participating-org>`;
const budget = (start: string, value: string) => `<budget><period-start iso-date="${start}"/><period-end iso-date="${start.slice(0, 4)}-12-31"/><value currency="USD" value-date="${start}">${value}</value></budget>`;

describe("diffActivities", () => {
  it("a first file is one added activity", () => {
    expect(diffActivities(null, file(budget("2020-01-01", "1")))).toEqual([{ change: "added", path: "iati-activity" }]);
  });

  it("names elements by what identifies them, so a new one in the middle shifts nothing", () => {
    const before = file(budget("2020-01-01", "1") + budget("2022-01-01", "3"));
    const after = file(budget("2020-01-01", "1") + budget("2021-01-01", "2") + budget("2022-01-01", "3"), "2026-01-01T00:00:00Z");
    expect(diffActivities(before, after)).toEqual([{ change: "added", path: "iati-activity/budget[period-start=2021-01-01]" }]);
  });

  it("reports removed elements, changed values and added attributes, with before and after", () => {
    const before = file(org("1", "A / B") + org("4", "C") + budget("2020-01-01", "1.00"));
    const after = file(`<participating-org role="1" type="10"><narrative>A / B</narrative></participating-org>` + budget("2020-01-01", "2.00"));
    expect(diffActivities(before, after)).toEqual([
      { change: "added", path: "iati-activity/participating-org[role=1][name=A / B]/@type", after: "10" },
      { change: "removed", path: "iati-activity/participating-org[role=4][name=C]" },
      { change: "changed", path: "iati-activity/budget[period-start=2020-01-01]/value", before: "1.00", after: "2.00" },
    ].sort((a, b) => (a.path < b.path ? -1 : 1)));
  });

  it("tells apart narratives by language and siblings nothing identifies by their order", () => {
    const before = file(`<title><narrative>T</narrative></title>` + org("4", "Same") + org("4", "Same"));
    const after = file(`<title><narrative>T</narrative><narrative xml:lang="ru">Т</narrative></title>` + org("4", "Same"));
    expect(diffActivities(before, after)).toEqual([
      { change: "removed", path: "iati-activity/participating-org[role=4][name=Same][2]" },
      { change: "added", path: "iati-activity/title/narrative[xml:lang=ru]" },
    ].sort((a, b) => (a.path < b.path ? -1 : 1)));
  });

  it("ignores when the file says the activity was last updated", () => {
    expect(diffActivities(file("", "2020-01-01T00:00:00Z"), file("", "2026-01-01T00:00:00Z"))).toEqual([]);
  });
});
