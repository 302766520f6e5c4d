/**
 * Runs INSIDE an extension page of the built Veille (bundled by esbuild as an
 * IIFE and evaluated there by scripts/bench/store.ts): the extension's own
 * Dexie schema (lib/storage/db.ts) on the extension's IndexedDB, and the bench
 * rows of scripts/bench/mentions.ts. Exposes `globalThis.__veilleStore.seed`.
 */
import { openDb } from '../../lib/storage/db';
import { generateCrisisRows, generateMentionRows, type MentionGenOptions } from './mentions';

export interface SeedResult {
  items: number;
  /** Rows per bulkPut (one transaction each). */
  batch: number;
  /** Wall time of all the bulkPut calls (generation excluded), ms. */
  insertMs: number;
  /** Each batch's time, ms. */
  batchMs: number[];
  /** Rows counted in the mentions table afterwards. */
  stored: number;
  generateMs: number;
}

async function seed(opts: MentionGenOptions & { batch: number }): Promise<SeedResult> {
  let t = performance.now();
  const rows = generateMentionRows(opts);
  const crisis = generateCrisisRows(opts.now, opts.spanDays);
  const generateMs = performance.now() - t;
  const db = openDb();
  await db.open();
  const batchMs: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += opts.batch) {
    t = performance.now();
    await db.mentions.bulkPut(rows.slice(i, i + opts.batch));
    batchMs.push(performance.now() - t);
  }
  const insertMs = performance.now() - t0;
  await db.crisis.bulkAdd(crisis);
  const stored = await db.mentions.count();
  db.close();
  return { items: rows.length, batch: opts.batch, insertMs, batchMs, stored, generateMs };
}

(globalThis as unknown as { __veilleStore: unknown }).__veilleStore = { seed };
