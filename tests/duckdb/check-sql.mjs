// check-sql.mjs: libstance/sql/contradictions.sql on DuckDB
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: node check-sql.mjs NODE_MODULES SQL CORPUS_DIR
//
// Loads CORPUS_DIR/{statements,stances,kinds}.csv (as `stance export
// --table T --format csv` writes them; test-sql --write-corpus makes them
// from random documents) into an in-memory DuckDB with the column types of
// the SQLite export, runs the query unchanged, and compares its rows with
// CORPUS_DIR/expected, the library's records, each ended by a NUL byte.  Exits 0 when they are the
// same, 1 with the first difference.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [modules, sqlPath, corpus] = process.argv.slice(2);
const require = createRequire(join(resolve(modules), "package.json"));
const { DuckDBInstance } = require("@duckdb/node-api");

const tables = {
  statements: "seq BIGINT, id VARCHAR, speaker VARCHAR, time VARCHAR, period_start BIGINT, period_end BIGINT, " +
              "text VARCHAR, lang VARCHAR, source VARCHAR, reports VARCHAR",
  stances: "statement VARCHAR, pos BIGINT, kind VARCHAR, polarity VARCHAR, target VARCHAR, holder VARCHAR, attributed BIGINT",
  kinds: "name VARCHAR, polarity VARCHAR, builtin BIGINT",
};

const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
for (const [name, columns] of Object.entries(tables)) {
  await db.run(`CREATE TABLE ${name} (${columns})`);
  const file = join(corpus, `${name}.csv`).replaceAll("'", "''");
  await db.run(`COPY ${name} FROM '${file}' (FORMAT CSV, HEADER TRUE, QUOTE '"', ESCAPE '"', NEW_LINE '\\r\\n')`);
}
const sql = readFileSync(sqlPath, "utf8");
const reader = await db.runAndReadAll(sql);
const got = reader.getRows().map((row) => String(row[0]));
const expected = readFileSync(join(corpus, "expected"), "utf8").split("\0");
expected.pop();  // after the last NUL

for (let i = 0; i < Math.min(got.length, expected.length); i++) {
  if (got[i] !== expected[i]) {
    console.error(`record ${i} differs:\n  library: ${JSON.stringify(expected[i])}\n  duckdb:  ${JSON.stringify(got[i])}`);
    process.exit(1);
  }
}
if (got.length !== expected.length) {
  console.error(`duckdb printed ${got.length} records, the library ${expected.length}`);
  process.exit(1);
}
console.log(`duckdb: the same ${got.length} records as the library`);
