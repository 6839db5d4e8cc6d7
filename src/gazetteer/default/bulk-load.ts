/**
 * Loading a fresh database fast. Names are indexed once, after the load,
 * instead of row by row: the full-text index alone takes cities500's import
 * from about 15 s to 35 s when kept up to date per row. Only for a database no
 * one reads before it is finished (the default build's temporary file): one
 * killed half-way would have lost the triggers that keep full-text search in
 * step with the names.
 */
import type { GazetteerDatabase } from "../store.js";
import { SCHEMA } from "../schema.js";

export async function withNameIndexesDeferred<T>(db: GazetteerDatabase, load: () => Promise<T>): Promise<T> {
  // Read from the database rather than named here, so that the schema can change without this file.
  const deferred = db
    .prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'names' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as { type: "index" | "trigger"; name: string }[];
  for (const { type, name } of deferred) db.exec(`DROP ${type.toUpperCase()} "${name}"`);
  const result = await load();
  db.exec(SCHEMA); // every statement is CREATE … IF NOT EXISTS: this recreates exactly what was dropped
  db.exec("INSERT INTO names_fts (names_fts) VALUES ('rebuild')");
  return result;
}
