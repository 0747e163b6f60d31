// `npm run bench`: runs every benchmark in this folder (each exports `run()` returning
// `{ name, results: [{ metric, value, unit, goal? }] }`) and prints one table.
// Benchmarks are never assertions: the machine is shared and noisy, so read medians and ratios.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv[2];
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".mjs") && file !== "run.mjs" && !file.startsWith("_"))
  .filter((file) => !only || file.includes(only))
  .sort();

const rows = [];
for (const file of files) {
  const module = await import(pathToFileURL(`${folder}${file}`).href);
  if (typeof module.run !== "function") continue;
  console.log(`\n▶ ${file}`);
  const { name, results } = await module.run();
  for (const result of results) rows.push({ bench: name, ...result });
}

console.log("\nbenchmark results");
console.table(
  rows.map(({ bench, metric, value, unit, goal }) => ({
    bench,
    metric,
    value: typeof value === "number" ? Number(value.toFixed(2)) : value,
    unit,
    goal: goal ?? "",
  })),
);
