/**
 * Every item an adapter finds on a whole page, brand or not: what the
 * content-script runner (lib/content/runner.ts) would look at before the brand
 * matcher filters it. Pure DOM reading, so it runs on any Document (Chromium,
 * happy-dom): used by `npm run extract` (scripts/extract.ts).
 *
 * Like the runner's first scan (`scanDocument`):
 *   1. `adapter.extractDocumentItems(doc)` (JSON-LD, page-level data), then
 *   2. `extractItem(el)` for every `el` of `querySelectorAll(adapter.itemSelector)`, in document order;
 *   one item per id, the first kept (the runner keys items by id).
 * An adapter exception on one element skips that element (the runner logs and
 * goes on too); it is counted in `errors`, never thrown.
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from '../sites/types';

/** The fields `npm run extract` prints for each item, in that order. */
export const ITEM_FIELDS = ['site', 'kind', 'text', 'author', 'handle', 'permalink', 'timestamp', 'rating'] as const;

export type PrintedItem = Pick<ExtractedItem, (typeof ITEM_FIELDS)[number]>;

export interface PageExtraction {
  items: ExtractedItem[];
  /** Elements matching `itemSelector` (before nulls and duplicates). */
  candidates: number;
  /** Adapter exceptions caught (one per skipped element, or one for the document items). */
  errors: Array<{ where: string; message: string }>;
}

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** A usable item: an object with a string id and text (an adapter bug must not reach the output). */
function isItem(value: unknown): value is ExtractedItem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['text'] === 'string' && typeof v['site'] === 'string';
}

/** `now`: the clock relative times ("3 hours ago") are counted back from (AdapterContext.now). */
export function extractPage(adapter: SiteAdapter, doc: Document, url: URL, now?: number): PageExtraction {
  const ctx: AdapterContext = now === undefined ? { url } : { url, now };
  const items: ExtractedItem[] = [];
  const errors: PageExtraction['errors'] = [];
  const seen = new Set<string>();
  const keep = (item: unknown) => {
    if (!isItem(item) || seen.has(item.id)) return;
    seen.add(item.id);
    items.push(item);
  };

  if (adapter.extractDocumentItems) {
    try {
      const docItems = adapter.extractDocumentItems(doc, ctx);
      if (Array.isArray(docItems)) for (const item of docItems) keep(item);
    } catch (err) {
      errors.push({ where: 'extractDocumentItems', message: message(err) });
    }
  }

  let elements: Element[] = [];
  try {
    elements = [...doc.querySelectorAll(adapter.itemSelector)];
  } catch (err) {
    errors.push({ where: `querySelectorAll(${adapter.itemSelector})`, message: message(err) });
  }
  elements.forEach((el, index) => {
    try {
      keep(adapter.extractItem(el, ctx));
    } catch (err) {
      errors.push({ where: `extractItem(#${index} <${el.localName}>)`, message: message(err) });
    }
  });

  return { items, candidates: elements.length, errors };
}

/** The printed shape of an item: exactly ITEM_FIELDS, in that order (plus `id` when asked). */
export function printable(item: ExtractedItem, withId = false): PrintedItem & { id?: string } {
  const out: PrintedItem & { id?: string } = {
    site: item.site,
    kind: item.kind,
    text: item.text,
    author: item.author ?? null,
    handle: item.handle ?? null,
    permalink: item.permalink ?? null,
    timestamp: item.timestamp ?? null,
    rating: item.rating ?? null,
  };
  if (withId) out.id = item.id;
  return out;
}
