/**
 * The options page's "Data" tab: export (CSV/JSON, all or a filter), import a
 * JSON export, erase (one author, one brand, everything) and the retention
 * setting. Long work shows progress and can be cancelled; afterwards the
 * worker is told (`dataChanged`) so the badge and the correction models follow.
 */
import { signal } from '@preact/signals';
import { retentionDaysItem } from '../../lib/brands/settings';
import { applyRetention, eraseAll, eraseAuthor, eraseBrand } from '../../lib/data/erase';
import { exportMentions, importRows, parseExport, type MentionFilter } from '../../lib/data/transfer';
import { sendMessage } from '../../lib/messaging';
import type { VeilleDb } from '../../lib/storage/db';
import { problemText } from '../../lib/ui/problem-text';

export type DataNotice =
  | { key: 'exportDone' | 'importDone' | 'eraseDone' | 'retentionSaved'; args: Array<string | number> }
  | { key: 'workCancelled'; args: [] };

export function createDataModel(db: VeilleDb) {
  const busy = signal<{ what: 'export' | 'import' | 'erase'; done: number; total: number } | null>(null);
  const error = signal<string | null>(null);
  const notice = signal<DataNotice | null>(null);
  const retention = signal(0);
  let ctrl: AbortController | null = null;

  async function start(): Promise<void> {
    retention.value = await retentionDaysItem.getValue();
  }

  async function run<T>(what: 'export' | 'import' | 'erase', work: (w: { signal: AbortSignal; onProgress: (d: number, t: number) => void }) => Promise<T>): Promise<T | null> {
    error.value = null;
    notice.value = null;
    ctrl = new AbortController();
    busy.value = { what, done: 0, total: 0 };
    try {
      return await work({ signal: ctrl.signal, onProgress: (done, total) => (busy.value = { what, done, total }) });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') notice.value = { key: 'workCancelled', args: [] };
      else error.value = problemText(e);
      return null;
    } finally {
      busy.value = null;
      ctrl = null;
    }
  }

  function cancel(): void {
    ctrl?.abort();
  }

  async function changed(): Promise<void> {
    await sendMessage('dataChanged', {}).catch(() => undefined);
  }

  /** The export as a download. */
  async function exportData(filter: MentionFilter, format: 'csv' | 'json'): Promise<void> {
    const r = await run('export', (w) => exportMentions(db, filter, format, w));
    if (!r) return;
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    // A BOM so spreadsheets read the CSV as UTF-8 (accents).
    const url = URL.createObjectURL(new Blob([format === 'csv' ? '\uFEFF' : '', r.text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `veille-mentions-${new Date().toISOString().slice(0, 10)}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    notice.value = { key: 'exportDone', args: [r.count] };
  }

  async function importFile(file: File): Promise<void> {
    const r = await run('import', async (w) => importRows(db, parseExport(await file.text()), w));
    if (!r) return;
    notice.value = { key: 'importDone', args: [r.added, r.merged] };
    await changed();
  }

  async function erase(what: { author: string } | { brandId: string } | { all: true }): Promise<void> {
    const n = await run('erase', (w) => ('author' in what ? eraseAuthor(db, what.author, w) : 'brandId' in what ? eraseBrand(db, what.brandId, w) : eraseAll(db, w)));
    if (n !== null) notice.value = { key: 'eraseDone', args: [n] };
    await changed();
  }

  async function saveRetention(days: number): Promise<void> {
    const d = Math.max(0, Math.min(3650, Math.floor(Number.isFinite(days) ? days : 0)));
    retention.value = d;
    await retentionDaysItem.setValue(d);
    const n = d > 0 ? ((await run('erase', (w) => applyRetention(db, d, Date.now(), w))) ?? 0) : 0;
    notice.value = { key: 'retentionSaved', args: [d, n] };
    await changed();
  }

  return { busy, error, notice, retention, start, cancel, exportData, importFile, erase, saveRetention };
}

export type DataModel = ReturnType<typeof createDataModel>;
