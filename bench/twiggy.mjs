// What the shipped wasm files are made of, by item and by crate (twiggy 0.8).
//
//   node bench/twiggy.mjs [--out FILE] [--note "first line"]     (after scripts/build.sh)
//
// Prints Markdown for the two wasm builds in dist/ (the site's, which is the islands
// build, and the embed's): each file's raw and brotli size (quality 11, Node's zlib,
// as scripts/compress.mjs serves it), its 15 largest items, and every item's shallow
// size summed by crate.
// bench/run.mjs imports twiggyReport() to put the "after" tables beside
// bench/TWIGGY-BEFORE.md in bench/REPORT.md.
//
// Which file is read. The shipped files keep no function names (wasm-opt drops
// the name section even though Cargo's `strip = false` keeps it in rustc's
// output), and twiggy then only sees code[N]. So when most of a dist/ file's code
// is unnamed, the tables read trunk's intermediate file instead:
//   1. target/wasm-bindgen/release/<bin>_bg.wasm — wasm-bindgen's output, the very
//      input wasm-opt shrinks into the shipped file. It is the same build as dist/
//      when target/wasm-opt/release/<bin>_bg.wasm is byte-identical to the shipped
//      file; the report says whether that held.
//   2. otherwise target/wasm32-unknown-unknown/release/<bin>.wasm (rustc's output,
//      before wasm-bindgen: it also carries wasm-bindgen's descriptor functions).
// Sizes there are before wasm-opt -Oz, which inlines, merges and drops code, so
// the crate shares are a guide to where bytes come from, not the shipped bytes.
//
// Custom sections (the name section, producers, target features, debug info) are
// not shipped and are left out; percentages are of the remaining code and data.
//
// The crate of an item, from its demangled name:
//   - a path `serde_json::de::from_str::h…` → its first segment (serde_json); a
//     disambiguator as in `core[c5930c85a12de822]::fmt` is dropped; core, alloc and
//     std are kept as crates of their own;
//   - `<leptos::Foo<T> as core::fmt::Debug>::fmt` or `<leptos::Foo>::new` → the
//     first segment of the type inside `<…>` (leptos), past `&`, `&mut`, `*const`,
//     `dyn`; when that type is a generic parameter or a primitive (`<T as
//     tachys::view::Render>`, `<&mut serde_json::…>` is a path, `<str as
//     core::fmt::Debug>`) the trait's crate (tachys, core), and a primitive's own
//     methods (`<str>::trim_matches`) count as core;
//   - the wasm_bindgen crate, `__wbindgen_*` / `__wbg_*` / `__externref_*`
//     functions, the JS functions it imports (`import ./…_bg.js::__wbg_…`) and its
//     generated shims ("… externref shim", "Closure(…)", conversion exports) →
//     "wasm-bindgen glue" (its exports for wasm-streams' types → wasm_streams);
//   - `data segment ".rodata"` / `data[N]` → "data segments" (string literals and
//     tables of every crate: they cannot be told apart);
//   - `code[N]` (a function with no name) → "unnamed code";
//   - types, imports, exports, tables, globals, section headers → "wasm structure";
//   - any other name without a path (main, memcmp, compiler builtins such as
//     __multi3) → "other symbols".
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const ROOT = join(import.meta.dirname, "..");
const TWIGGY = existsSync("/root/.cargo/bin/twiggy") ? "/root/.cargo/bin/twiggy" : "twiggy";

// The two builds the site ships, each with the build it replaced in bench/TWIGGY-BEFORE.md
// (`before`): the site's wasm was the whole app (`gansu-eco-dashboard`), drawn in the
// browser; it is now the islands build, which wakes pages the build rendered.
export const BUILDS = [
  { label: "site", bin: "gansu-eco-islands", before: "gansu-eco-dashboard" },
  { label: "embed", bin: "gansu-eco-embed", before: "gansu-eco-embed" },
];

const GLUE = "wasm-bindgen glue";
const CUSTOM = "custom sections";

/** Every item of a wasm file as twiggy lists it: { name, shallow_size }. */
function items(path) {
  const out = execFileSync(TWIGGY, ["top", "-n", "1000000", "--format", "json", path], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString());
}

/** The index of the `>` that closes the `<` at `open`; `->` in a fn type is not one. */
function closing(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "<") depth++;
    else if (s[i] === ">" && s[i - 1] !== "-" && --depth === 0) return i;
  }
  return -1;
}

/** `Type as Trait` split at its outermost " as " (there may be none). */
function splitAs(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "<" || s[i] === "(" || s[i] === "[") depth++;
    else if ((s[i] === ">" && s[i - 1] !== "-") || s[i] === ")" || s[i] === "]") depth--;
    else if (depth === 0 && s.startsWith(" as ", i)) return [s.slice(0, i), s.slice(i + 4)];
  }
  return [s, null];
}

/** The crate a path or a type starts with, or null for a generic or a primitive. */
function pathCrate(t) {
  t = t.replace(/^(?:&(?:'[a-z_]+ )?(?:mut )?|\*(?:const|mut) |dyn |impl )+/, "");
  if (t.startsWith("<")) return rustCrate(t);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(t);
  return m ? m[1] : null;
}

function rustCrate(name) {
  if (!name.startsWith("<")) return pathCrate(name);
  const end = closing(name, 0);
  if (end < 0) return null;
  const [type, trait] = splitAs(name.slice(1, end));
  return pathCrate(type) ?? (trait && pathCrate(trait)) ?? (trait ? null : "core");
}

/** The group an item's size is counted under (see the heuristic at the top). */
export function crateOf(name) {
  if (/^custom section |^"[^"]*" subsection$/.test(name)) return CUSTOM;
  if (/^data segment |^data\[\d+\]$/.test(name)) return "data segments";
  if (/^code\[\d+\]$/.test(name)) return "unnamed code";
  if (/^(?:__wbindgen|__wbg_|__externref_)|externref shim$|^(?:Closure|Ref|Mut|Owned)\(|^export "(?:__wbindgen|__wbg_|__externref_|wasm_bindgen)|^import .*::__wb/.test(name)) return GLUE;
  // wasm-bindgen's exports of wasm-streams' IntoUnderlyingSource/-Sink/-ByteSource.
  if (/^(?:export ")?intounderlying/.test(name)) return "wasm_streams";
  if (/^(?:export|import) "|^(?:type|global|elem|table|memory|func)\[\d+\]| section headers$|^wasm magic bytes$/.test(name)) return "wasm structure";
  const crate = name.includes("::") ? rustCrate(name) : null;
  if (crate === "wasm_bindgen") return GLUE;
  return crate ?? "other symbols";
}

const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
const pct = (n, of) => `${((100 * n) / of).toFixed(1)} %`;
const cell = (s) => s.replace(/\|/g, "\\|");
/** A function's name without rustc's hash suffix and crate disambiguators, cut to fit a table. */
const short = (name) => {
  const s = name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
  return s.length > 110 ? `${s.slice(0, 109)}…` : s;
};

/** The shipped file of a build and the file its names are read from, with why. */
function locate(bin) {
  const dist = join(ROOT, "dist");
  const shippedName = readdirSync(dist).find((f) => f.startsWith(`${bin}-`) && f.endsWith("_bg.wasm"));
  if (!shippedName) throw new Error(`no ${bin}-*_bg.wasm in dist/ (run scripts/build.sh)`);
  const shipped = join(dist, shippedName);
  const shippedItems = items(shipped);
  const code = shippedItems.filter((i) => /^code\[\d+\]$/.test(i.name) || i.name.includes("::"));
  const named = code.filter((i) => i.name.includes("::")).length;
  if (named > code.length / 2) return { shipped, read: shipped, list: shippedItems, why: "the shipped file (it keeps its names)" };
  const bindgen = join(ROOT, `target/wasm-bindgen/release/${bin}_bg.wasm`);
  const opt = join(ROOT, `target/wasm-opt/release/${bin}_bg.wasm`);
  const rustc = join(ROOT, `target/wasm32-unknown-unknown/release/${bin}.wasm`);
  const sameBuild = existsSync(opt) && readFileSync(opt).equals(readFileSync(shipped));
  const built = (p) => statSync(p).mtime.toISOString().slice(0, 16).replace("T", " ");
  const proof = sameBuild
    ? `same build as the shipped file: trunk's wasm-opt output \`${relative(ROOT, opt)}\` is byte-identical to it`
    : `**not shown to be the same build as the shipped file** (built ${existsSync(bindgen) ? built(bindgen) : "?"} UTC; shipped file ${built(shipped)} UTC)`;
  if (existsSync(bindgen)) {
    return { shipped, read: bindgen, list: items(bindgen), why: `wasm-bindgen's output, before wasm-opt (the shipped file has no names); ${proof}` };
  }
  if (existsSync(rustc)) {
    return { shipped, read: rustc, list: items(rustc), why: `rustc's output, before wasm-bindgen and wasm-opt (the shipped file has no names, and target/wasm-bindgen/ has no copy); built ${built(rustc)} UTC, shipped file ${built(shipped)} UTC` };
  }
  return { shipped, read: shipped, list: shippedItems, why: "the shipped file, which has no names (no named copy found under target/)" };
}

/**
 * Measures the builds the site ships. Returns { markdown, data }: data holds, per build,
 * the sizes and every group's bytes, so a later run can be set beside it.
 */
export function twiggyReport() {
  const twiggy = execFileSync(TWIGGY, ["--version"]).toString().trim();
  const data = [];
  const lines = [];
  for (const { label, bin, before } of BUILDS) {
    const { shipped, read, list, why } = locate(bin);
    const shippedBuf = readFileSync(shipped);
    const readBuf = read === shipped ? shippedBuf : readFileSync(read);
    const custom = list.filter((i) => crateOf(i.name) === CUSTOM);
    const counted = list.filter((i) => crateOf(i.name) !== CUSTOM);
    const total = counted.reduce((s, i) => s + i.shallow_size, 0);
    const customBytes = custom.reduce((s, i) => s + i.shallow_size, 0);
    const crates = {};
    for (const i of counted) {
      const c = crateOf(i.name);
      crates[c] = (crates[c] ?? 0) + i.shallow_size;
    }
    const entry = {
      label, bin, before, shipped: relative(ROOT, shipped), read: relative(ROOT, read), why,
      shippedRaw: shippedBuf.length, shippedBr: brotli(shippedBuf),
      readRaw: readBuf.length, readBr: read === shipped ? null : brotli(readBuf),
      customBytes, total, crates,
    };
    data.push(entry);

    lines.push(`### ${label} (\`${bin}\`)`, "");
    lines.push(`Shipped: \`${entry.shipped}\`, ${kb(entry.shippedRaw)} KB raw, ${kb(entry.shippedBr)} KB brotli (quality 11).`);
    if (read !== shipped) {
      lines.push(`Read: \`${entry.read}\`, ${why}; ${kb(entry.readRaw)} KB raw, ${kb(entry.readBr)} KB brotli.`);
    } else {
      lines.push(`Read: ${why}.`);
    }
    lines.push(`Custom sections (${kb(customBytes)} KB: names, producers, debug info; not shipped) left out; percentages are of the remaining ${kb(total)} KB of code and data.`, "");
    lines.push("#### top 15 items", "", "| shallow bytes | % | item |", "|---:|---:|---|");
    for (const i of [...counted].sort((a, b) => b.shallow_size - a.shallow_size).slice(0, 15)) {
      lines.push(`| ${i.shallow_size} | ${pct(i.shallow_size, total)} | \`${cell(short(i.name))}\` |`);
    }
    lines.push("", "#### by crate", "", "| crate | KB | % |", "|---|---:|---:|");
    const ranked = Object.entries(crates).sort((a, b) => b[1] - a[1]);
    for (const [c, n] of ranked.slice(0, 15)) lines.push(`| ${c} | ${kb(n)} | ${pct(n, total)} |`);
    const rest = ranked.slice(15);
    if (rest.length) {
      const n = rest.reduce((s, [, b]) => s + b, 0);
      lines.push(`| other (${rest.length} crates and groups) | ${kb(n)} | ${pct(n, total)} |`);
    }
    lines.push(`| **total** | ${kb(total)} | 100.0 % |`, "");
  }
  lines.unshift(`Items and crates by ${twiggy} (\`node bench/twiggy.mjs\`); the crate heuristic is described at the top of bench/twiggy.mjs.`, "");
  // The figures again, for bench/run.mjs to set a later build beside these.
  lines.push(`<!-- twiggy-data ${JSON.stringify(data)} -->`);
  return { markdown: lines.join("\n") + "\n", data };
}

/** The data a saved report carries (see the comment above), or null. */
export function readTwiggyData(markdown) {
  const m = /<!-- twiggy-data (.*) -->/.exec(markdown);
  return m ? JSON.parse(m[1]) : null;
}

// Run as a command (not when bench/run.mjs imports it).
if (process.argv[1] && import.meta.filename === realpathSync(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const { markdown } = twiggyReport();
  const note = opt("--note");
  const text = (note ? `${note}\n\n` : "") + markdown;
  if (opt("--out")) writeFileSync(opt("--out"), text);
  process.stdout.write(text);
}
