// Writes precompressed copies next to every text asset of the built site:
// file.br (brotli, quality 11) and file.gz (gzip, level 9), for hosts and CDNs
// that serve them directly (nginx gzip_static/brotli_static, Netlify, S3+CloudFront
// with the right metadata…). Files under 1 KB are left alone: not worth it.
//   node scripts/compress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = new Set([".html", ".js", ".css", ".wasm", ".json", ".svg", ".csv", ".txt", ".xml"]);
const dir = process.argv[2] ?? "dist";
let count = 0, raw = 0, br = 0;
(function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else if (TEXT.has(extname(name)) && stat.size >= 1024) {
      const body = readFileSync(path);
      const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      writeFileSync(`${path}.br`, b);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      count++;
      raw += body.length;
      br += b.length;
    }
  }
})(dir);
console.log(`precompressed ${count} files: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`);
