// Follows committed changes to programme data: a migration makes every data table send a notice on
// "vep_data_changed" (statement triggers; NOTIFY is delivered at commit), and this listens for it.
// Sessions and accounts send theirs with the payload "access".
// API processes use it to keep figures in memory only as long as the data behind them is unchanged,
// whichever process, script or console made the change.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export const DATA_CHANGED_CHANNEL = "vep_data_changed";
const RECONNECT_MS = 1000;

export interface ChangeListener {
  /** Data may have changed (also called once the feed is (re)established: changes may have been missed). */
  changed(): void;
  /** A session or an account changed: revoked, deactivated, a new role or password. */
  accessChanged(): void;
  /** The feed broke: until `changed` is called again, changes go unnoticed. */
  lost(): void;
}

const notify = (listener: ChangeListener, payload: string | undefined) => (payload === "access" ? listener.accessChanged() : listener.changed());

/** Stops following; resolves once the connection is closed. */
export type StopWatching = () => Promise<void>;

/** PostgreSQL: a connection of its own that LISTENs, reconnecting every second while the server is away. */
export function watchPostgres(connectionString: string, listener: ChangeListener): StopWatching {
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = () => {
    if (stopped || retry) return;
    listener.lost();
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
  };
  const connect = async () => {
    const client = new pg.Client({ connectionString });
    client.on("notification", (notice) => notify(listener, notice.payload));
    // An error ends the connection; "end" then schedules the next attempt.
    client.on("error", () => undefined);
    client.on("end", () => {
      if (current !== client) return;
      current = undefined;
      reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
      if (stopped) return void (await client.end());
      current = client;
      listener.changed();
    } catch {
      void client.end().catch(() => undefined);
      reconnectLater();
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await current?.end().catch(() => undefined);
  };
}

/** PGlite: one in-process connection that cannot be lost. */
export async function watchPGlite(pglite: PGlite, listener: ChangeListener): Promise<StopWatching> {
  const unlisten = await pglite.listen(DATA_CHANGED_CHANNEL, (payload) => notify(listener, payload));
  listener.changed();
  return unlisten;
}
