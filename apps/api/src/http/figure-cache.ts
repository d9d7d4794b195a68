// Figures kept in memory between requests — the donor dashboard and the public summary, which read
// the whole programme — and dropped as soon as the data behind them may have changed: on every
// committed change the database announces (@vep/db's change feed), and at once after this process's
// own writes, so that a client reads its own write. While the feed is down nothing is kept.
// Checked sessions are kept the same way, dropped when a session or an account changes (the feed's
// "access" notices, and this process's sign-ins, sign-outs and other writes); their expiry is checked
// on every request by the caller.
import type { ChangeListener } from "@vep/db";

export interface FigureCache extends ChangeListener {
  /** `compute()`'s promise, shared by every caller with the same key until the data changes. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** The session a token's hash names, as `read()` found it; kept until access changes, never kept when not found. */
  session<T>(tokenHash: string, read: () => Promise<T | null>): Promise<T | null>;
  /** This process wrote: drop everything (the feed's notice follows, but may arrive after the response). */
  wrote(): void;
  /** This process signed someone in or out: drop the sessions, keep the figures. */
  wroteAccess(): void;
}

/** Figures are kept for at most this many distinct keys (programme × filters); the oldest go first. */
const MAX_ENTRIES = 500;
const MAX_SESSIONS = 2000;

/** A map of promises that forgets a promise that fails (or that `keep` refuses), and its oldest beyond `max`. */
function promiseMap(max: number) {
  const entries = new Map<string, Promise<unknown>>();
  const forget = (key: string, value: Promise<unknown>) => entries.get(key) === value && entries.delete(key);
  return {
    entries,
    get<T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
      const known = entries.get(key);
      if (known) return known as Promise<T>;
      // Stored before it settles: a change while computing clears it, so a value read from the old
      // data is handed only to the requests that were already waiting for it.
      const value = compute();
      entries.set(key, value);
      value.then((settled) => keep(settled) || forget(key, value), () => forget(key, value));
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}

export function createFigureCache(): FigureCache {
  let live = false;
  const figures = promiseMap(MAX_ENTRIES);
  const sessions = promiseMap(MAX_SESSIONS);
  const dropAll = () => {
    figures.entries.clear();
    sessions.entries.clear();
  };
  return {
    get: (key, compute) => (live ? figures.get(key, compute) : compute()),
    session: (tokenHash, read) => (live ? sessions.get(tokenHash, read, (found) => found !== null) : read()),
    wrote: dropAll,
    wroteAccess: () => sessions.entries.clear(),
    accessChanged: () => sessions.entries.clear(),
    changed() {
      live = true;
      dropAll();
    },
    lost() {
      live = false;
      dropAll();
    },
  };
}

/** A cache that keeps nothing: the default where no change feed is followed (tests, scripts). */
export function noFigureCache(): FigureCache {
  const nothing = () => undefined;
  return { get: (_key, compute) => compute(), session: (_hash, read) => read(), wrote: nothing, wroteAccess: nothing, accessChanged: nothing, changed: nothing, lost: nothing };
}
