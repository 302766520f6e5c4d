/**
 * The options page's style-guide state: the guide of the selected brand
 * (IndexedDB, lib/storage), the template being edited, import/export. Every
 * write goes through parseGuide (saveGuide), so nothing invalid is stored; a
 * refused import leaves the current guide unchanged.
 */
import { signal } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import { agentNameItem } from '../../lib/brands/settings';
import type { Brand } from '../../lib/brands/types';
import { demoGuide } from '../../lib/replies/demo-guide';
import {
  GuideError,
  MAX_IMPORT_CHARS,
  editTemplate,
  exportGuide,
  importGuide,
  validateTemplate,
  type ReplyTemplate,
  type StyleGuide,
  type TemplateChanges,
} from '../../lib/replies/guide';
import type { VeilleDb } from '../../lib/storage/db';
import { guideOf, saveGuide } from '../../lib/storage/queries';
import { problem } from '../../lib/validation/problem';
import { problemText } from '../../lib/ui/problem-text';

export type GuideNotice = 'guideSaved' | 'guideImported' | 'templateValidated' | 'templateBackToDraft' | null;

/** A new brand's first guide: the example guide's voice and rules, its templates as drafts to adapt. */
export function starterGuide(brandId: string, now = new Date()): StyleGuide {
  const g = demoGuide();
  return {
    ...g,
    brandId,
    templates: g.templates.map((t) => ({ ...t, validation: { state: 'draft' as const }, updatedAt: now.toISOString() })),
    updatedAt: now.toISOString(),
  };
}

export function createGuideModel(db: VeilleDb) {
  const brandId = signal<string | null>(null);
  const guide = signal<StyleGuide | null | undefined>(undefined);
  const editing = signal<string | null>(null);
  const agent = signal('');
  const error = signal<string | null>(null);
  const notice = signal<GuideNotice>(null);

  let sub: Subscription | null = null;
  // The agent name may be seeded by the worker (first install) or changed in another tab.
  const unwatchAgent = agentNameItem.watch((v) => (agent.value = v ?? ''));

  /** Show a brand's guide, live: a guide the worker writes meanwhile (the demo guide, on first install) shows up. */
  async function load(id: string | null): Promise<void> {
    // Already showing that brand's live guide: keep it (a reload would unmount the forms and lose typing).
    if (id !== null && id === brandId.value && sub !== null) return;
    brandId.value = id;
    editing.value = null;
    error.value = null;
    guide.value = undefined;
    sub?.unsubscribe();
    sub = null;
    if (id === null) guide.value = null;
    else {
      sub = liveQuery(() => guideOf(db, id)).subscribe({
        next: (g) => {
          if (brandId.value === id) guide.value = g;
        },
        error: (e: unknown) => (error.value = problemText(e)),
      });
    }
    agent.value = await agentNameItem.getValue();
  }

  function dispose(): void {
    sub?.unsubscribe();
    unwatchAgent();
  }

  /** Validate and store; `keepTime`: an import keeps the file's updatedAt (a round trip gives the same guide back). */
  async function store(next: StyleGuide, done: GuideNotice, keepTime = false): Promise<boolean> {
    error.value = null;
    notice.value = null;
    try {
      guide.value = await saveGuide(db, keepTime ? next : { ...next, updatedAt: new Date().toISOString() });
      notice.value = done;
      return true;
    } catch (e) {
      error.value = problemText(e);
      return false;
    }
  }

  async function create(): Promise<void> {
    if (brandId.value) await store(starterGuide(brandId.value), 'guideSaved');
  }

  async function saveTemplate(id: string, changes: TemplateChanges): Promise<void> {
    const g = guide.value;
    if (!g) return;
    try {
      const before = g.templates.find((t) => t.id === id);
      if (!before) return;
      const after = editTemplate(before, changes, new Date());
      const ok = await store({ ...g, templates: g.templates.map((t) => (t.id === id ? after : t)) }, 'guideSaved');
      if (ok && before.validation.state === 'validated' && after.validation.state === 'draft') notice.value = 'templateBackToDraft';
    } catch (e) {
      error.value = problemText(e);
    }
  }

  async function addTemplate(): Promise<void> {
    const g = guide.value;
    if (!g) return;
    const ids = new Set(g.templates.map((t) => t.id));
    let n = g.templates.length + 1;
    while (ids.has(`t${n}`)) n++;
    const t: ReplyTemplate = {
      id: `t${n}`,
      title: '…',
      text: '{author}, …',
      lang: g.languages[0]!,
      intents: ['other'],
      sentiments: [],
      platforms: [],
      validation: { state: 'draft' },
      updatedAt: new Date().toISOString(),
    };
    if (await store({ ...g, templates: [...g.templates, t] }, 'guideSaved')) editing.value = t.id;
  }

  async function removeTemplate(id: string): Promise<void> {
    const g = guide.value;
    if (g && (await store({ ...g, templates: g.templates.filter((t) => t.id !== id) }, 'guideSaved'))) editing.value = null;
  }

  async function validate(id: string): Promise<void> {
    const g = guide.value;
    if (!g) return;
    try {
      const who = agent.value.trim();
      const next = g.templates.map((t) => (t.id === id ? validateTemplate(t, who, new Date()) : t));
      await store({ ...g, templates: next }, 'templateValidated');
    } catch (e) {
      error.value = problemText(e);
    }
  }

  async function setAgent(name: string): Promise<void> {
    agent.value = name.slice(0, 80);
    await agentNameItem.setValue(agent.value.trim());
  }

  /** Reads a chosen file; refuses a too large one before reading it. The guide goes to the selected brand. */
  async function importFile(file: File): Promise<void> {
    error.value = null;
    notice.value = null;
    const id = brandId.value;
    if (!id) return;
    try {
      if (file.size > MAX_IMPORT_CHARS * 4) throw new GuideError('(file)', problem('problemFileTooLargeBytes', `too large (${file.size} bytes)`, file.size));
      const imported = importGuide(await file.text());
      await store({ ...imported, brandId: id }, 'guideImported', true);
    } catch (e) {
      error.value = problemText(e);
    }
  }

  function exportText(): string | null {
    return guide.value ? exportGuide(guide.value) : null;
  }

  /** Voice and vocabulary edits (VoiceForm): checked by parseGuide like any write. */
  /** Resolves to false when the guide was refused (the error says which field), so the form keeps what was typed. */
  function saveVoice(next: StyleGuide): Promise<boolean> {
    return store(next, 'guideSaved');
  }

  return { brandId, guide, editing, agent, error, notice, load, dispose, create, saveVoice, saveTemplate, addTemplate, removeTemplate, validate, setAgent, importFile, exportText };
}

export type GuideModel = ReturnType<typeof createGuideModel>;

export function replyBrands(brands: readonly Brand[]): Brand[] {
  return brands.filter((b) => !b.competitor);
}
