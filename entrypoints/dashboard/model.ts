/**
 * Dashboard state. The filters live in the page's hash (bookmarkable, and the
 * bench opens a given range). The rows of the date range are read from
 * IndexedDB through the `firstSeen` index (lib/dashboard/read.ts: only that
 * range is read), as soon as the model exists, and read again when the
 * worker or another page changes the mentions (Dexie's storagemutated event,
 * at most once a second). The brand and site filters and every figure are
 * `computed` over those rows with lib/dashboard/shape.ts, which calls
 * lib/kpi/formulas.ts.
 */
import { computed, signal } from '@preact/signals';
import Dexie, { type ObservabilitySet } from 'dexie';
import { brandsItem } from '../../lib/brands/settings';
import type { Brand } from '../../lib/brands/types';
import { readRange } from '../../lib/dashboard/read';
import { filtersToHash, parseFilters, rangeOf, summarize, type DashboardRow, type Filters } from '../../lib/dashboard/shape';
import { openDb } from '../../lib/storage/db';
import type { CrisisRow } from '../../lib/storage/schema';

interface Loaded {
  /** The range these rows were read for. */
  start: number;
  end: number;
  rows: DashboardRow[];
  crisis: CrisisRow[];
}

export function createDashboardModel() {
  const db = openDb();
  const filters = signal<Filters>(parseFilters(location.hash));
  const brands = signal<Brand[]>([]);
  const loaded = signal<Loaded | null>(null);
  const error = signal<string | null>(null);
  let unwatch: (() => void) | null = null;
  /** Reads in flight are numbered: only the latest one lands. */
  let readSeq = 0;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;

  const range = computed(() => rangeOf(filters.value));
  /** Null while the first read of the range is running. */
  const data = computed(() => {
    const l = loaded.value;
    if (!l) return null;
    return summarize(l.rows, l.crisis, filters.value);
  });
  /** True while the rows on screen are not those of the chosen range yet. */
  const stale = computed(() => {
    const l = loaded.value;
    const r = range.value;
    return l !== null && r !== null && (l.start !== r.start || l.end !== r.end);
  });

  function read(start: number, end: number): void {
    const seq = ++readSeq;
    readRange(db, start, end).then(
      ({ rows, crisis }) => {
        if (seq === readSeq) loaded.value = { start, end, rows, crisis };
      },
      (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
    );
  }

  /** Another context (the worker, the popup) changed mentions or crisis rows: read the range again, at most once a second. */
  const onMutated = (parts: ObservabilitySet) => {
    const prefix = `idb://${db.name}/`;
    if (!Object.keys(parts).some((k) => k.startsWith(prefix + 'mentions/') || k.startsWith(prefix + 'crisis/'))) return;
    reloadTimer ??= setTimeout(() => {
      reloadTimer = null;
      const r = range.value;
      if (r) read(r.start, r.end);
    }, 1000);
  };

  // Start reading now, while the page renders its first frame.
  {
    const r = range.value;
    if (r) read(r.start, r.end);
    else loaded.value = { start: 0, end: 0, rows: [], crisis: [] };
  }

  function setFilters(patch: Partial<Filters>): void {
    const next = { ...filters.value, ...patch };
    filters.value = next;
    history.replaceState(null, '', filtersToHash(next));
    const r = rangeOf(next);
    const l = loaded.value;
    if (r && (!l || l.start !== r.start || l.end !== r.end)) read(r.start, r.end);
  }

  const onHash = () => {
    const f = parseFilters(location.hash);
    if (filtersToHash(f) !== filtersToHash(filters.value)) setFilters(f);
  };

  async function start(): Promise<void> {
    window.addEventListener('hashchange', onHash);
    Dexie.on('storagemutated', onMutated);
    try {
      brands.value = await brandsItem.getValue();
      unwatch = brandsItem.watch((b) => (brands.value = b ?? []));
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  function dispose(): void {
    Dexie.on('storagemutated').unsubscribe(onMutated);
    if (reloadTimer !== null) clearTimeout(reloadTimer);
    unwatch?.();
    window.removeEventListener('hashchange', onHash);
    db.close();
  }

  return { filters, brands, data, range, stale, error, setFilters, start, dispose };
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
