import { z } from "zod";
import { english } from "./messages.js";
import { IdSchema, TranslationsSchema, VersionReadSchema } from "./common.js";

export const OrganisationKindSchema = z.enum(["UN_ENTITY", "GOVERNMENT", "DONOR", "NGO", "TRAINING_PROVIDER", "ACADEMIC", "PRIVATE_SECTOR"]);


const name = z.string().trim().min(1).max(300);
const id = IdSchema;

/** The editable fields, without defaults: an update changes only the fields it names. */
const OrganisationFields = z.strictObject({
  name,
  nameTranslations: TranslationsSchema,
  acronym: z.string().trim().min(1).max(40).nullable(),
  kind: OrganisationKindSchema,
  iatiRef: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{1,99}$/, english("organisations.iatiId"))
    .nullable(),
  iatiType: z.string().regex(/^\d{2}$/, english("organisations.iatiType")).nullable(),
  countryId: id.nullable(),
  parentId: id.nullable(),
});

export const OrganisationInputSchema = OrganisationFields.extend({
  nameTranslations: OrganisationFields.shape.nameTranslations.default({}),
  acronym: OrganisationFields.shape.acronym.default(null),
  iatiRef: OrganisationFields.shape.iatiRef.default(null),
  iatiType: OrganisationFields.shape.iatiType.default(null),
  countryId: OrganisationFields.shape.countryId.default(null),
  parentId: OrganisationFields.shape.parentId.default(null),
}).meta({ id: "OrganisationInput" });
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export const OrganisationUpdateSchema = OrganisationFields.partial()
  .extend({ version: VersionReadSchema })
  .meta({ id: "OrganisationUpdate" });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const OrganisationSchema = z
  .object({
    id,
    name: z.string(),
    nameTranslations: z.record(z.string(), z.string()),
    acronym: z.string().nullable(),
    kind: OrganisationKindSchema,
    iatiRef: z.string().nullable(),
    iatiType: z.string().nullable(),
    countryId: z.string().nullable(),
    parentId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof OrganisationSchema>;
