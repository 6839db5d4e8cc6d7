/**
 * Runs the store suite against the PostgreSQL server CI keeps running. Each
 * run works in a schema of its own, dropped afterwards, so parallel runs never
 * meet. An unreachable server fails the suite: skipping would let the
 * PostgreSQL backend go untested without anyone noticing.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { PostgresStore } from "./postgres-store.js";
import { describeStore } from "../test-support/store-contract.js";

const url = process.env["SITREP_TEST_POSTGRES"] ?? "postgres://postgres@127.0.0.1:5432/test";
const run = randomBytes(6).toString("hex");
const schemas: string[] = [];
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`the PostgreSQL store tests need a server at ${url} (set SITREP_TEST_POSTGRES to use another); connecting failed: ${String(error)}`, { cause: error });
  }
});

afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

describeStore("PostgreSQL", async () => {
  const schema = `sitrep_test_${run}_${schemas.length + 1}`;
  schemas.push(schema);
  return new PostgresStore(url, { schema });
});
