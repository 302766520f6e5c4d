// The bundled demo site: a tiny static server on 127.0.0.1 plus the request
// routing that makes a browser context see the demo pages at the real sites'
// addresses (x.com, www.reddit.com...), so the extension's real match patterns
// are exercised. Shared by `npm start` and the end-to-end tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_DIR = path.join(root, 'demo', 'site');
const pagesJson = JSON.parse(await readFile(path.join(root, 'demo', 'pages.json'), 'utf8'));

/** The mock reply editors shared by the demo pages (demo/site/editors.js), at this path on every demo host. */
export const EDITORS_PATH = '/__veille-demo/editors.js';

/** Where a demo page is served: real-site pages by route, "local:" pages by the server itself. */
function resolvePages(origin) {
  return pagesJson.map((p) => ({ ...p, url: p.url.startsWith('local:') ? origin + p.url.slice('local:'.length) : p.url }));
}

function sameTarget(a, b) {
  const x = new URL(a);
  const y = new URL(b);
  const norm = (p) => p.replace(/\/+$/u, '');
  return x.host === y.host && norm(x.pathname) === norm(y.pathname) && x.searchParams.get('v') === y.searchParams.get('v');
}

function indexHtml(pages) {
  const items = pages.map((p) => `<li><a href="${p.url}">${p.site}</a> <small>${p.url}</small></li>`).join('\n');
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Veille – site de démo</title>
<body style="font:16px system-ui;max-width:44rem;margin:2rem auto">
<h1>Veille – site de démo / demo site</h1>
<p>Each page imitates a real site and is served at that site's address inside this browser only.
Open one, then click the Veille icon.</p><ul>${items}</ul></body></html>`;
}

/** Start the demo server on 127.0.0.1 (port 0 = any free port). */
export async function startDemoServer(port = 0) {
  let pages = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === EDITORS_PATH) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(await readFile(path.join(DEMO_DIR, 'editors.js')));
        return;
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(indexHtml(pages));
        return;
      }
      const local = pages.find((p) => p.url.startsWith('http://127.0.0.1') && sameTarget(p.url, url.href.replace('http://127.0.0.1', origin)));
      const name = local ? local.file : url.pathname.startsWith('/site/') ? path.basename(url.pathname) : null;
      if (!name || !/^[\w.-]+\.html$/u.test(name)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not part of the Veille demo');
        return;
      }
      const body = await readFile(path.join(DEMO_DIR, name));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  pages = resolvePages(origin);
  return {
    origin,
    pages,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Serve the demo pages at the real sites' addresses in one Playwright browser
 * context, fetching them from the local demo server. Anything else outside
 * 127.0.0.1 is refused, so nothing ever reaches the network.
 */
export async function routeDemoSites(context, demo) {
  await context.route(
    (url) => url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost'),
    async (route) => {
      const reqUrl = route.request().url();
      if (new URL(reqUrl).pathname === EDITORS_PATH) {
        const js = await fetch(`${demo.origin}${EDITORS_PATH}`);
        await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: await js.text() });
        return;
      }
      const page = demo.pages.find((p) => !p.url.startsWith(demo.origin) && sameTarget(p.url, reqUrl));
      if (!page) {
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not part of the Veille demo (offline).' });
        return;
      }
      const res = await fetch(`${demo.origin}/site/${page.file}`);
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await res.text() });
    },
  );
}
