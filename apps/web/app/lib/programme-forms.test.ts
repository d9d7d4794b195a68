import { describe, expect, it } from "vitest";
import { ContributionPaymentInputSchema, BudgetInputSchema } from "@vep/domain";
import { failureFor, formatMoney, fromMinorUnits, issuesToErrors, listOf, parseDecimal, problemToErrors, toMinorUnits } from "./programme-forms";

describe("money typed by people", () => {
  it("turns major units into integer minor units of the currency", () => {
    expect(toMinorUnits("12500", "EUR")).toBe(1_250_000);
    expect(toMinorUnits("12 500,5", "EUR")).toBe(1_250_050);
    expect(toMinorUnits("12500.50", "USD")).toBe(1_250_050);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
  });

  it("refuses what is not an amount or has more decimals than the currency", () => {
    expect(toMinorUnits("12.345", "EUR")).toBeNull();
    expect(toMinorUnits("1.5", "JPY")).toBeNull();
    expect(toMinorUnits("-3", "EUR")).toBeNull();
    expect(toMinorUnits("ten", "EUR")).toBeNull();
    expect(toMinorUnits("", "EUR")).toBeNull();
  });

  it("goes back to what a person types, and formats per locale", () => {
    expect(fromMinorUnits(1_250_050, "EUR")).toBe("12500.50");
    expect(formatMoney("en", 400_000_000, "EUR")).toBe("€4,000,000.00");
  });
});

describe("form values", () => {
  it("reads lists and decimals", () => {
    expect(listOf(" interviews, crisis communication ,,\nsocial media")).toEqual(["interviews", "crisis communication", "social media"]);
    expect(parseDecimal("85,5")).toBe(85.5);
    expect(parseDecimal("1 200")).toBe(1200);
    expect(parseDecimal("abc")).toBeNull();
  });
});

describe("field errors", () => {
  it("maps the domain schema's issues to codes beside the form's fields", () => {
    const parsed = ContributionPaymentInputSchema.safeParse({ receivedOn: "2021-02-30", currency: "eur" });
    expect(parsed.success).toBe(false);
    const errors = issuesToErrors(parsed.error!.issues, { amountMinor: "amount" });
    expect(errors).toEqual({ receivedOn: { code: "invalid" }, amount: { code: "required" }, currency: { code: "invalid" } });
  });

  it("names the rules across fields", () => {
    const parsed = BudgetInputSchema.safeParse({ programmeId: "9960aa7f-5447-5b69-8359-8438a917010b", periodStart: "2020-01-01", periodEnd: "2021-06-30", amountMinor: 1, currency: "USD" });
    expect(issuesToErrors(parsed.error!.issues)).toEqual({ periodEnd: { code: "periodTooLong" } });
  });

  it("puts the API's messages beside the fields the form shows, the rest at the top", () => {
    const problem = { detail: "Payments would exceed the pledge", errors: { "body.amountMinor": "Would bring the received total above the pledge", "body.version": "Stale" } };
    expect(problemToErrors(problem, ["amount"], { amountMinor: "amount" })).toEqual({
      errors: { amount: { message: "Would bring the received total above the pledge" } },
      unplaced: ["Stale"],
    });
    expect(problemToErrors({ detail: "The value is already locked." }, ["value"])).toEqual({ errors: {}, unplaced: ["The value is already locked."] });
  });

  it("finds the failure of one form among several on a page", () => {
    const result = { intent: "addPayment", target: "c1", errors: {}, formErrors: [], values: {} };
    expect(failureFor(result, "addPayment", "c1")).toBe(result);
    expect(failureFor(result, "addPayment", "c2")).toBeUndefined();
    expect(failureFor(result, "addContribution")).toBeUndefined();
    expect(failureFor(undefined, "addPayment")).toBeUndefined();
  });
});
