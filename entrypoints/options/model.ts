/**
 * Options page state: the brands (storage.local, watched so another tab's or
 * the worker's changes show up), the one being edited, and save/delete with
 * validation (lib/brands/schema.ts). Nothing is written unless it is valid.
 */
import { signal } from '@preact/signals';
import { brandIdFor, parseBrand, parseBrands } from '../../lib/brands/schema';
import { brandsItem } from '../../lib/brands/settings';
import type { Brand } from '../../lib/brands/types';
import { openDb } from '../../lib/storage/db';
import { problemText } from '../../lib/ui/problem-text';
import { createDataModel } from './data-model';
import { createGuideModel } from './guide-model';

export type OptionsTab = 'brands' | 'guide' | 'alerts' | 'data';

/** The brand form's fields as the CM types them (lists: one entry per line). */
export interface BrandDraft {
  id: string | null;
  name: string;
  aliases: string;
  handles: string;
  hashtags: string;
  misspellings: string;
  exclusions: string;
  competitor: boolean;
}

export function draftOf(b: Brand | null): BrandDraft {
  return {
    id: b?.id ?? null,
    name: b?.name ?? '',
    aliases: (b?.aliases ?? []).join('\n'),
    handles: (b?.handles ?? []).join('\n'),
    hashtags: (b?.hashtags ?? []).join('\n'),
    misspellings: (b?.misspellings ?? []).join('\n'),
    exclusions: (b?.exclusions ?? []).join('\n'),
    competitor: b?.competitor ?? false,
  };
}

/** The brand a draft describes (validated), with a new id when it is new. */
export function brandOf(d: BrandDraft, taken: readonly Brand[]): Brand {
  const lines = (s: string) => s.split(/\r?\n/u);
  return parseBrand({
    id: d.id ?? brandIdFor(d.name, taken.map((b) => b.id)),
    name: d.name,
    aliases: lines(d.aliases),
    handles: lines(d.handles),
    hashtags: lines(d.hashtags),
    misspellings: lines(d.misspellings),
    exclusions: lines(d.exclusions),
    competitor: d.competitor,
  });
}

export function createOptionsModel() {
  const tab = signal<OptionsTab>('brands');
  const brands = signal<Brand[]>([]);
  const selected = signal<string | null>(null);
  const draft = signal<BrandDraft>(draftOf(null));
  const error = signal<string | null>(null);
  const notice = signal<'brandSaved' | 'brandDeleted' | null>(null);
  let unwatch: (() => void) | null = null;
  const db = openDb();
  const guide = createGuideModel(db);
  const data = createDataModel(db);

  function select(id: string | null): void {
    selected.value = id;
    draft.value = draftOf(brands.value.find((b) => b.id === id) ?? null);
    error.value = null;
    notice.value = null;
  }

  async function start(): Promise<void> {
    unwatch = brandsItem.watch((list) => (brands.value = list ?? []));
    brands.value = await brandsItem.getValue();
    select(brands.value[0]?.id ?? null);
  }

  async function save(): Promise<void> {
    error.value = null;
    notice.value = null;
    try {
      const current = await brandsItem.getValue();
      const brand = brandOf(draft.value, current);
      const next = current.some((b) => b.id === brand.id) ? current.map((b) => (b.id === brand.id ? brand : b)) : [...current, brand];
      await brandsItem.setValue(parseBrands(next));
      brands.value = next;
      selected.value = brand.id;
      draft.value = draftOf(brand);
      notice.value = 'brandSaved';
    } catch (e) {
      error.value = problemText(e);
    }
  }

  async function remove(): Promise<void> {
    const id = selected.value;
    if (id === null) return;
    const next = (await brandsItem.getValue()).filter((b) => b.id !== id);
    await brandsItem.setValue(next);
    brands.value = next;
    select(next[0]?.id ?? null);
    notice.value = 'brandDeleted';
  }

  function dispose(): void {
    unwatch?.();
    guide.dispose();
    db.close();
  }

  return { tab, guide, data, brands, selected, draft, error, notice, start, select, save, remove, dispose };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
