#!/usr/bin/env node
// `npm start`: build the extension, serve the bundled demo site on 127.0.0.1,
// open Chromium with Veille loaded (the demo brand is configured on first run).
//
// With a display: a normal window on the demo site's index; browse, then close it.
// Without one ($DISPLAY unset) or with --headless: visit every demo page, open the
// popup for each, save screenshots, print one line per mention and
// `demo: <N> mentions on <M> pages`. Exits non-zero if a page shows no mention.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchVeille } from './browser.mjs';
import { routeDemoSites, startDemoServer } from './demo-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

function build() {
  console.log('veille: building the extension (wxt build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}

const clip = (s, n) => {
  const one = s.replace(/\s+/gu, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
};

/** Wait until the popup's list stops growing (the content script batches and the worker scores). */
async function settledMentions(popup, timeoutMs = 15_000) {
  const started = Date.now();
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const n = await popup.locator('[data-testid="mention"]').count();
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    }
    if ((n > 0 && Date.now() - stableSince > 1200) || Date.now() - started > timeoutMs) return n;
    await popup.waitForTimeout(200);
  }
}

async function runHeadless(ctx, demo) {
  const outDir = path.join(root, 'demo-output', new Date().toISOString().replace(/[:.]/gu, '-'));
  mkdirSync(outDir, { recursive: true });
  console.log(`veille: screenshots go to ${outDir}`);
  let total = 0;
  let pagesWithMentions = 0;
  for (const p of demo.pages) {
    const page = await ctx.context.newPage();
    await page.goto(p.url, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(outDir, `${p.site}-page.png`), fullPage: false });
    const popup = await ctx.context.newPage();
    await popup.setViewportSize({ width: 460, height: 900 });
    await popup.goto(ctx.popupUrl(p.url));
    const n = await settledMentions(popup);
    await popup.screenshot({ path: path.join(outDir, `${p.site}-popup.png`), fullPage: true });
    const rows = await popup.locator('[data-testid="mention"]').evaluateAll((els) =>
      els.map((el) => ({
        site: el.querySelector('[data-testid="mention-site"]')?.textContent ?? '',
        author: el.querySelector('[data-testid="mention-author"]')?.textContent ?? '',
        sentiment: el.querySelector('[data-testid="mention-sentiment"]')?.getAttribute('data-sentiment') ?? '',
        text: el.querySelector('[data-testid="mention-text"]')?.textContent ?? '',
      })),
    );
    for (const r of rows) console.log(`${r.site}\t${clip(r.author, 28)}\t${r.sentiment}\t${clip(r.text, 80)}`);
    if (n === 0) console.error(`veille: no mention found on ${p.url}`);
    else pagesWithMentions++;
    total += n;
    await popup.close();
    await page.close();
  }
  console.log(`demo: ${total} mentions on ${pagesWithMentions} pages`);
  return pagesWithMentions === demo.pages.length ? 0 : 1;
}

async function main() {
  if (!args.has('--no-build')) build();
  const demo = await startDemoServer(Number(process.env.VEILLE_DEMO_PORT ?? 0));
  console.log(`veille: demo site on ${demo.origin}`);
  // A persistent profile for the interactive run (the CM's data survives restarts);
  // a throwaway one for the headless tour.
  const userDataDir = headless ? mkdtempSync(path.join(os.tmpdir(), 'veille-demo-')) : path.join(root, '.veille-profile');
  const ctx = await launchVeille({ userDataDir, headless });
  await routeDemoSites(ctx.context, demo);
  let code = 0;
  try {
    if (headless) {
      code = await runHeadless(ctx, demo);
    } else {
      const page = ctx.context.pages()[0] ?? (await ctx.context.newPage());
      await page.goto(demo.origin + '/');
      console.log('veille: Chromium is open on the demo site. Close the window to stop.');
      await new Promise((resolve) => ctx.context.on('close', resolve));
    }
  } finally {
    await ctx.context.close().catch(() => {});
    await demo.close();
    if (headless) rmSync(userDataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((err) => {
  console.error('veille:', err instanceof Error ? err.message : err);
  process.exit(1);
});
