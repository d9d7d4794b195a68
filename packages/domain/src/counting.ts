// What counts in the programme's figures (ARCHITECTURE.md, "Rules that hold on every channel").

/** Default share of an activity's sessions a participant must attend to count as trained. */
export const DEFAULT_COMPLETION_SHARE_PERCENT = 70;

/** Trained: attended at least the activity's completion share of its sessions (7 of 9 at 70%). */
export function isTrained(sessionsAttended: number, sessionCount: number, completionSharePercent = DEFAULT_COMPLETION_SHARE_PERCENT): boolean {
  if (sessionCount <= 0) return false;
  return sessionsAttended * 100 >= completionSharePercent * sessionCount;
}

/** The least number of sessions that makes a participant trained. */
export function sessionsNeededToBeTrained(sessionCount: number, completionSharePercent = DEFAULT_COMPLETION_SHARE_PERCENT): number {
  return Math.ceil((completionSharePercent * sessionCount) / 100);
}

/** Aggregates shown to donors and the public hide any count of people under this threshold. */
export const SMALL_CELL_THRESHOLD = 3;

/** A count of people as shown outside the programme team: the value, or suppressed when small. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

const isSmall = (n: number) => n > 0 && n < SMALL_CELL_THRESHOLD;

/**
 * A count shown to donors and the public. Suppressed when it is 1 or 2 people — and also when it is
 * 0 out of a group of 1 or 2 (`base`), since "0 trained of the region's 2 participants" says as much
 * about those two people as "2" would. A zero out of nobody stays 0.
 */
export function suppressSmall(count: number, base?: number): Cell {
  return isSmall(count) || (count === 0 && base !== undefined && isSmall(base))
    ? { value: null, suppressed: true }
    : { value: count, suppressed: false };
}
