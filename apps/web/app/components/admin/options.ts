import { localised } from "../../lib/localised";
import { listOf, optionalText } from "../../lib/programme-forms";

// Choices the admin forms offer.

/** The admin pages are for administrators only. */
export const ADMIN_ROLES = ["ADMIN"] as const;

/** Languages a user's dashboard can be in (the API's list). */
export const LANGUAGES = ["en", "ru", "kk"] as const;

export const ORGANISATION_KINDS = ["UN_ENTITY", "GOVERNMENT", "DONOR", "NGO", "TRAINING_PROVIDER", "ACADEMIC", "PRIVATE_SECTOR"] as const;

/** Organisations as select options, "Name (ACR)" with the name in `locale`, sorted by name. */
export function organisationOptions(organisations: readonly { id: string; name: string; nameTranslations?: Record<string, string>; acronym: string | null }[], locale: string) {
  return organisations
    .map((o) => ({ name: localised(o, "name", locale), o }))
    .map(({ name, o }) => ({ value: o.id, label: o.acronym ? `${name} (${o.acronym})` : name }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export const ORGANISATION_FIELDS = ["name", "acronym", "kind", "iatiRef", "iatiType", "countryId", "parentId"] as const;

/** The organisation form's fields as the API takes them (empty optional fields are null). */
export function organisationFields(values: Record<string, string>) {
  return {
    name: values.name ?? "",
    acronym: optionalText(values.acronym),
    kind: values.kind || undefined,
    iatiRef: optionalText(values.iatiRef),
    iatiType: optionalText(values.iatiType),
    countryId: optionalText(values.countryId),
    parentId: optionalText(values.parentId),
  };
}


export const REGION_FIELDS = ["name", "code", "kind", "predecessorId", "validFrom", "validTo", "aliases", "countryId"] as const;

/** The region form's fields as the API takes them. */
export function regionFields(values: Record<string, string>) {
  return {
    name: values.name ?? "",
    code: (values.code ?? "").trim().toUpperCase(),
    kind: values.kind || undefined,
    predecessorId: optionalText(values.predecessorId),
    validFrom: values.validFrom ?? "",
    validTo: optionalText(values.validTo),
    aliases: listOf(values.aliases),
  };
}
