// Figures kept in memory between requests — the donor dashboard and the public summary, which read
// the whole programme — and dropped as soon as the data behind them may have changed: on every
// committed change the database announces (@vep/db's change feed), and at once after this process's
// own writes, so that a client reads its own write. While the feed is down nothing is kept.
import type { ChangeListener } from "@vep/db";

export interface FigureCache extends ChangeListener {
  /** `compute()`'s promise, shared by every caller with the same key until the data changes. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** This process wrote: drop everything (the feed's notice follows, but may arrive after the response). */
  wrote(): void;
}

/** Figures are kept for at most this many distinct keys (programme × filters); the oldest go first. */
const MAX_ENTRIES = 500;

export function createFigureCache(): FigureCache {
  let live = false;
  const entries = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, compute: () => Promise<T>) {
      if (!live) return compute();
      const known = entries.get(key);
      if (known) return known as Promise<T>;
      // Stored before it settles: a change while computing clears it, so a figure read from the old
      // data is handed only to the requests that were already waiting for it.
      const value = compute();
      entries.set(key, value);
      value.catch(() => entries.get(key) === value && entries.delete(key));
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return value;
    },
    wrote: () => entries.clear(),
    changed() {
      live = true;
      entries.clear();
    },
    lost() {
      live = false;
      entries.clear();
    },
  };
}

/** A cache that keeps nothing: the default where no change feed is followed (tests, scripts). */
export function noFigureCache(): FigureCache {
  return { get: (_key, compute) => compute(), wrote: () => undefined, changed: () => undefined, lost: () => undefined };
}
