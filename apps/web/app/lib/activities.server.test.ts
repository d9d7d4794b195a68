import { describe, expect, it } from "vitest";
import { activityFormValues, fieldErrorsOf, parseActivityForm, parseSessionForm, splitTopics, withOffset } from "./activities.server";

const PROGRAMME = "9960aa7f-5447-5b69-8359-8438a917010b";
const COUNTRY = "bccc2d9f-51f0-5569-819b-04396ad7bc0e";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("staff activity forms", () => {
  it("splits topics on commas and lines, dropping blanks and repeats", () => {
    expect(splitTopics("media, crisis communication\n\nmedia\n  press releases ")).toEqual(["media", "crisis communication", "press releases"]);
  });

  it("maps the API's field keys to the form's fields", () => {
    expect(fieldErrorsOf({ "body.partners.0.role": "x", "body.title": "y", "query.from": "z" })).toEqual({ partners: "x", title: "y", from: "z" });
  });

  it("adds the chosen offset to a datetime-local value", () => {
    expect(withOffset("2020-05-13T10:00", "+06:00")).toBe("2020-05-13T10:00:00+06:00");
    expect(withOffset("2020-05-13T10:00", "+00:00")).toBe("2020-05-13T10:00:00Z");
    expect(withOffset("", "+06:00")).toBe("");
  });

  it("parses the activity form with the API's schema, leaving blank partner rows out", () => {
    const values = activityFormValues(
      form([
        ["programmeId", PROGRAMME],
        ["type", "WEBINAR"],
        ["modality", "ONLINE"],
        ["status", "DELIVERED"],
        ["code", ""],
        ["title", " Media basics "],
        ["topics", "media, press"],
        ["countryId", COUNTRY],
        ["startDate", "2020-05-13"],
        ["endDate", "2020-05-29"],
        ["completionSharePercent", "70"],
        ["partnerRows", "2"],
        ["partners.0.organisationId", COUNTRY],
        ["partners.0.role", "HOST"],
        ["partners.1.organisationId", ""],
        ["partners.1.role", "HOST"],
      ]),
    );
    const parsed = parseActivityForm(values);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input).toMatchObject({ title: "Media basics", code: null, topics: ["media", "press"], completionSharePercent: 70, partners: [{ organisationId: COUNTRY, role: "HOST" }] });
  });

  it("names the fields that are not valid", () => {
    const values = activityFormValues(form([["programmeId", PROGRAMME], ["type", "WEBINAR"], ["modality", "ONLINE"], ["status", "PLANNED"], ["title", ""], ["countryId", COUNTRY], ["startDate", "2020-05-29"], ["endDate", "2020-05-13"], ["completionSharePercent", "0"]]));
    const parsed = parseActivityForm(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(["completionSharePercent", "endDate", "title"]);
  });

  it("parses a session with its trainers", () => {
    const parsed = parseSessionForm({ sequence: "2", startsAt: "2020-05-14T10:00", endsAt: "", timeZone: "+06:00", topic: "Press releases", trainerIds: [PROGRAMME] });
    expect(parsed).toMatchObject({ ok: true, input: { sequence: 2, startsAt: "2020-05-14T10:00:00+06:00", endsAt: null }, trainerIds: [PROGRAMME] });
    expect(parseSessionForm({ sequence: "", startsAt: "", endsAt: "", timeZone: "+06:00", topic: "", trainerIds: [] })).toMatchObject({ ok: false });
  });
});
