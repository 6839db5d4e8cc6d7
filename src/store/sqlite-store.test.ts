import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.js";
import { describeStore } from "../test-support/store-contract.js";

const folder = mkdtempSync(join(tmpdir(), "sitrep-store-"));
let count = 0;

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStore("SQLite", async () => new SqliteStore(join(folder, `corpus-${++count}.db`)));

describe("SQLite corpus store file", () => {
  it("is in WAL mode and keeps its data across reopening", async () => {
    const path = join(folder, "reopen.db");
    const store = new SqliteStore(path);
    await store.migrate();
    await store.close();
    const again = new SqliteStore(path);
    await again.migrate();
    expect(await again.countDocuments()).toBe(0);
    await again.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.prepare("SELECT version FROM schema_migrations").all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    db.close();
  });
});
