// Helpers shared by the people-*.test.ts files.
import { expect } from "vitest";
import type { client } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

type Call = ReturnType<typeof client>;

/** Every item of a paged list, following nextCursor; fails on anything but 200. */
export async function allPages<T>(call: Call, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const res: Response = await call("GET", `${path}${separator}limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status, path).toBe(200);
    const page = (await res.json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The audit events of one action on one record. */
export function auditOf(api: RunningApi, action: string, entityId: string) {
  return api.db.prisma.auditEvent.findMany({ where: { action, entityId } });
}

export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
export const HOSTILE = ["<script>alert(1)</script>", "'; DROP TABLE \"Person\"; --"] as const;
