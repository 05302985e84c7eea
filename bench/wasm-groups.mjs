// Groups twiggy's `top` of the app's wasm (CSV, names kept) by where the
// bytes come from, for BENCHMARKS.md: run by scripts/wasm-sizes.sh.
import fs from 'node:fs';

const GROUPS = [
  ['data: the catalogue, tables, constants', (n) => n.startsWith('data segment')],
  ['serde and JSON, derives included', (n) => n.includes('serde')],
  ['formatting: core::fmt, Display and Debug', (n) => /(core|alloc)(\[[0-9a-f]+\])?::fmt|fmt::(Display|Debug|Write)/.test(n)],
  ['framework: leptos, reactive_graph, tachys, futures, the executor', (n) =>
    /\b(leptos|reactive_graph|tachys|any_spawner|send_wrapper|slotmap|or_poisoned|throw_error|guardian|reactive_stores|oco_ref|either_of|next_tuple)\b|futures/.test(n)],
  ['the model (mandat_model, without its serde)', (n) => /\bmandat_model\b/.test(n)],
  ["the app's views and API client (crate mandat)", (n) => /\bmandat\b/.test(n)],
  ['JS glue: wasm-bindgen, js-sys, web-sys, gloo', (n) => /wasm_bindgen|js_sys|web_sys|gloo|__wbg|__wbindgen|externref/.test(n)],
  ['chrono', (n) => n.includes('chrono')],
  ['the allocator (dlmalloc)', (n) => n.includes('dlmalloc')],
  ['core, alloc: drop glue, collections, panics', (n) => /\b(core|alloc|std|hashbrown|compiler_builtins|memchr)\b/.test(n)],
  ['other', () => true],
];

const [csvPath] = process.argv.slice(2);
const lines = fs.readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
const totals = new Map(GROUPS.map(([name]) => [name, 0]));
let total = 0;
for (const line of lines) {
  // Name (quoted, with doubled quotes), then the shallow size.
  const match = /^"((?:[^"]|"")*)",(\d+)|^([^,]*),(\d+)/.exec(line);
  if (!match) continue;
  const name = (match[1] ?? match[3]).replaceAll('""', '"');
  const size = Number(match[2] ?? match[4]);
  // The name section's parts exist only in this build, for twiggy.
  if (/^".*" subsection$/.test(name) || name.startsWith('Σ') || name.startsWith('...')) continue;
  const [group] = GROUPS.find(([, test]) => test(name));
  totals.set(group, totals.get(group) + size);
  total += size;
}
console.log('| group | raw bytes | share |\n|---|---|---|');
for (const [group, size] of totals) {
  console.log(`| ${group} | ${(size / 1000).toFixed(1)} KB | ${((100 * size) / total).toFixed(1)} % |`);
}
console.log(`| total | ${(total / 1000).toFixed(1)} KB | |`);
