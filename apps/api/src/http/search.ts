/**
 * Search text for Prisma's `contains` (which becomes LIKE without escaping `%` and `_`, prisma/orm#19506)
 * and for raw ILIKE patterns: escaped here so that a caller's `%` is a percent sign, not "anything".
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A raw `ILIKE` pattern matching `text` anywhere. */
export const likeContaining = (text: string) => `%${likeLiteral(text)}%`;
