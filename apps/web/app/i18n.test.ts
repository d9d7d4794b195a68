import {
  ActivityStatusSchema,
  ActivityTypeSchema,
  ModalitySchema,
  PartnerRoleSchema,
  ProgrammeStatusSchema,
  SexSchema,
} from "@vep/domain";
import { describe, expect, it } from "vitest";
import en from "./locales/en/common.json";

/** Every enum value the public API can send has a label (tsc checks the keys used; this checks the values). */
const enums = {
  programmeStatus: ProgrammeStatusSchema.options,
  activityType: ActivityTypeSchema.options,
  modality: ModalitySchema.options,
  activityStatus: ActivityStatusSchema.options,
  partnerRole: PartnerRoleSchema.options,
  sex: SexSchema.options,
} as const;

describe("English catalogue", () => {
  for (const [group, values] of Object.entries(enums)) {
    it(`labels every ${group}`, () => {
      const labels = en[group as keyof typeof enums] as Record<string, string>;
      for (const value of values) expect(labels[value], `${group}.${value}`).toBeTruthy();
    });
  }
});
