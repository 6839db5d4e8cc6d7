/**
 * The corpus a command works on: `--db` names a SQLite file or a PostgreSQL
 * URL; without it, the embedded default, one SQLite file in SITREP_HOME.
 */
import { defaultCorpusPath } from "../gazetteer/home.js";
import { SitrepError } from "../model/errors.js";
import { PostgresStore } from "../store/postgres-store.js";
import { SqliteStore } from "../store/sqlite-store.js";
import type { CorpusStore } from "../store/store.js";

export function isPostgresUrl(db: string | undefined): db is string {
  return db !== undefined && /^postgres(ql)?:\/\//i.test(db);
}

/** Opens and migrates the store, turning a refused connection or an unopenable file into a message that names it. */
export async function openStore(db: string | undefined): Promise<CorpusStore> {
  const target = db ?? defaultCorpusPath();
  let store: CorpusStore | null = null;
  try {
    store = isPostgresUrl(target) ? new PostgresStore(target) : new SqliteStore(target);
    await store.migrate();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    throw new SitrepError("store-unavailable", `cannot open the corpus at ${redact(target)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** A connection string may carry a password; messages show it without. */
export function redact(target: string): string {
  return isPostgresUrl(target) ? target.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@") : target;
}
