/**
 * The popup's reply assistant state for one mention: the brand's guide, the
 * top suggestions (lib/replies/rank.ts), the editable draft linted live
 * (lib/replies/lint.ts), and the actions — insert into the site's reply box
 * (the tab's content script, lib/reply/), copy, mark replied.
 */
import { computed, signal } from '@preact/signals';
import { agentNameItem, brandsItem } from '../../lib/brands/settings';
import type { Brand } from '../../lib/brands/types';
import { sendMessage } from '../../lib/messaging';
import type { StyleGuide, GuideLang } from '../../lib/replies/guide';
import { applyFix, lintDraft, measureLength, type Finding } from '../../lib/replies/lint';
import { contextFromMention } from '../../lib/replies/placeholders';
import { replyLang, suggestReplies, type Suggestion } from '../../lib/replies/rank';
import type { VeilleDb } from '../../lib/storage/db';
import { guideOf } from '../../lib/storage/queries';
import type { MentionRow } from '../../lib/storage/schema';

export type InsertOutcome = 'inserted' | 'copied' | 'copyFailed' | null;

/** The brand a reply speaks for: the first of the mention's brands that is not a competitor. */
export function replyBrand(m: MentionRow, brands: readonly Brand[]): Brand | null {
  for (const id of m.brandIds) {
    const b = brands.find((x) => x.id === id && !x.competitor);
    if (b) return b;
  }
  return null;
}

export function createReplyModel(db: VeilleDb, tabId: () => number | null, onError: (msg: string) => void) {
  const mention = signal<MentionRow | null>(null);
  const guide = signal<StyleGuide | null | undefined>(undefined);
  const brand = signal<Brand | null>(null);
  const agent = signal('');
  const suggestions = signal<Suggestion[]>([]);
  const chosen = signal(0);
  const draft = signal('');
  const outcome = signal<InsertOutcome>(null);

  const lang = computed<GuideLang>(() => {
    const g = guide.value;
    const m = mention.value;
    return g && m ? replyLang(g, m.lang) : 'fr';
  });
  const context = computed(() => {
    const g = guide.value;
    const m = mention.value;
    return g && m ? contextFromMention(m, g, { agent: agent.value, brand: brand.value?.name ?? null }) : {};
  });
  const findings = computed<Finding[]>(() => {
    const g = guide.value;
    const m = mention.value;
    if (!g || !m || draft.value === '') return [];
    return lintDraft(draft.value, g, { lang: lang.value, site: m.site, context: context.value });
  });
  const length = computed(() => {
    const m = mention.value;
    const g = guide.value;
    return { count: m ? measureLength(draft.value, m.site) : 0, max: (m && g?.platforms[m.site]?.maxLength) ?? null };
  });

  async function open(m: MentionRow): Promise<void> {
    mention.value = m;
    guide.value = undefined;
    outcome.value = null;
    const brands = await brandsItem.getValue();
    brand.value = replyBrand(m, brands);
    agent.value = await agentNameItem.getValue();
    const g = brand.value ? await guideOf(db, brand.value.id) : null;
    guide.value = g;
    const list = g ? suggestReplies(g, m, { limit: 3, agent: agent.value, brand: brand.value?.name ?? null }) : [];
    suggestions.value = list;
    choose(0);
  }

  function choose(i: number): void {
    const list = suggestions.value;
    if (list.length === 0) {
      chosen.value = 0;
      draft.value = '';
      return;
    }
    chosen.value = Math.max(0, Math.min(list.length - 1, i));
    draft.value = list[chosen.value]!.text;
    outcome.value = null;
  }

  function fix(f: Finding): void {
    draft.value = applyFix(draft.value, f);
  }

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(draft.value);
      outcome.value = 'copied';
    } catch {
      outcome.value = 'copyFailed';
    }
  }

  /** Into the site's reply box through the tab's content script; when that fails, copied instead. */
  async function insert(): Promise<void> {
    const m = mention.value;
    const tab = tabId();
    if (!m || draft.value === '') return;
    if (tab === null) {
      await copy();
      return;
    }
    try {
      const r = await sendMessage('insertReply', { site: m.site, itemId: m.itemId, text: draft.value }, { tabId: tab, frameId: 0 });
      if (r.ok) outcome.value = 'inserted';
      else await copy();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
      await copy();
    }
  }

  function close(): void {
    mention.value = null;
    suggestions.value = [];
    draft.value = '';
    outcome.value = null;
  }

  return { mention, guide, brand, suggestions, chosen, draft, findings, length, lang, outcome, open, choose, fix, copy, insert, close };
}

export type ReplyModel = ReturnType<typeof createReplyModel>;
