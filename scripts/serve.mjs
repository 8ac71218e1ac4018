// A plain static file server, like the simplest static host: no rewrite rules.
// Serves DIR under a sub-path (default /gansu/) so every run proves the site
// works away from the host's root. Unknown paths get DIR/404.html with status 404.
// Like a CDN, it answers with a precompressed file.br / file.gz when one exists
// and the browser accepts it (scripts/compress.mjs writes them).
//
//   node scripts/serve.mjs [--dir dist] [--port 8080] [--base /gansu/] [--host 127.0.0.1]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const dir = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 8080);
const host = args.host ?? "127.0.0.1";
const base = args.base ?? "/gansu/";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".zip": "application/zip",
};

async function file(path) {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return file(join(path, "index.html"));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

// `intercept(relativePath, req)` lets tests play a broken host: return
// { status, body, type, delayMs, hang } to answer instead of the file, or null.
export function serve({ root = dir, at = base, listenPort = port, listenHost = host, intercept } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let path = decodeURIComponent(url.pathname);
    const fake = intercept && path.startsWith(at) ? await intercept(path.slice(at.length), req) : null;
    if (fake) {
      if (fake.delayMs) await new Promise((ok) => setTimeout(ok, fake.delayMs));
      res.writeHead(fake.status ?? 200, { "content-type": fake.type ?? "application/json" });
      if (fake.hang) return res.write(fake.body ?? ""); // headers sent, body never ends
      return res.end(fake.body ?? "");
    }
    if (path === at.replace(/\/$/, "")) {
      res.writeHead(301, { location: at });
      return res.end();
    }
    let found = null;
    if (path.startsWith(at)) {
      const rel = normalize(path.slice(at.length));
      if (!rel.startsWith("..")) found = await file(join(root, rel));
      // A directory asked for without its trailing slash: redirect, as hosts do.
      if (found && !path.endsWith("/") && found.path.endsWith("index.html") && !path.endsWith("index.html")) {
        res.writeHead(301, { location: path + "/" + url.search });
        return res.end();
      }
    }
    const status = found ? 200 : 404;
    found ??= await file(join(root, "404.html"));
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    const headers = {
      "content-type": types[extname(found.path)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      vary: "accept-encoding",
    };
    let body = found.body;
    const accepts = req.headers["accept-encoding"] ?? "";
    for (const [encoding, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!accepts.includes(encoding)) continue;
      const packed = await readFile(found.path + ext).catch(() => null);
      if (packed) {
        body = packed;
        headers["content-encoding"] = encoding;
        break;
      }
    }
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((ok) => server.listen(listenPort, listenHost, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve();
  console.log(`Serving ${dir} at http://${host}:${port}${base}  (Ctrl+C to stop)`);
}
