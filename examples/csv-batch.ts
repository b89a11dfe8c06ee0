/**
 * A CSV batch of employers through computeLevies, with totals.
 * Run: npx tsx examples/csv-batch.ts
 * The same file through the CLI: npx wi-pooling levy examples/data/levies.csv
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { computeLevies, type LevyInput, PoolingError } from "suzhou-wi-pooling";

const csv = readFileSync(new URL("./data/levies.csv", import.meta.url), "utf8");
const rows: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, trim: true });
// empty cells are absent fields
const inputs = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== "")) as unknown as LevyInput);

try {
  const { items, totals } = computeLevies(inputs);
  for (const l of items) console.log(`${l.employerId}\t${l.period}\tclass ${l.industryClass}\t${l.premium}`);
  console.log(`total premium ${totals.premium}; cut relief ${totals.cutRelief}; sync-induced ${totals.syncInducedRelief}`);
} catch (e) {
  // a bad row: its index is the first element of the path
  if (e instanceof PoolingError) console.error(e.path, e.message, e.messageZh);
  else throw e;
}
