// `npm run bench [name]`: runs every benchmark in this folder (each exports `run()` returning
// `{ name, results: [{ metric, value, unit, goal? }] }`, a goal reading "≤ 5", "< 1000" or
// "≥ 10000"), prints one table with whether each figure meets its goal, and writes the figures
// with the machine they were measured on to bench/results/latest.json.
// Benchmarks are never assertions: the machine is shared and noisy, so read medians and ratios.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv[2];
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".mjs") && file !== "run.mjs" && !file.startsWith("_"))
  .filter((file) => !only || file.includes(only))
  .sort();

/** Whether `value` meets a goal such as "≤ 5"; undefined when the goal is not a bound. */
function meets(value, goal) {
  const bound = /^\s*(≤|<|≥|>)\s*([\d.]+)/.exec(goal ?? "");
  if (!bound || typeof value !== "number") return undefined;
  const limit = Number(bound[2]);
  switch (bound[1]) {
    case "≤":
      return value <= limit;
    case "<":
      return value < limit;
    case "≥":
      return value >= limit;
    default:
      return value > limit;
  }
}

const rows = [];
for (const file of files) {
  const module = await import(pathToFileURL(`${folder}${file}`).href);
  if (typeof module.run !== "function") continue;
  console.log(`\n▶ ${file}`);
  const { name, results } = await module.run();
  for (const result of results) rows.push({ bench: name, ...result, met: meets(result.value, result.goal) });
}

console.log("\nbenchmark results");
console.table(
  rows.map(({ bench, metric, value, unit, goal, met }) => ({
    bench,
    metric,
    value: typeof value === "number" ? Number(value.toFixed(2)) : value,
    unit,
    goal: goal ?? "",
    met: met === undefined ? "" : met ? "yes" : "NO",
  })),
);

const results = `${folder}results`;
mkdirSync(results, { recursive: true });
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const file = only ? `${results}/latest-${only}.json` : `${results}/latest.json`;
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.log(`written to ${file}`);
