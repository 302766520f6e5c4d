/**
 * The style guide of one brand: who validates (the agent name), the reply
 * templates (edit, validate, delete, add), import and export as one JSON file.
 * Template texts are edited in text areas and shown as text, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { GUIDE_LANGS, SENTIMENTS, TEMPLATE_INTENTS, type ReplyTemplate, type TemplateChanges } from '../../lib/replies/guide';
import { SITE_LABELS } from '../../lib/sites/labels';
import { SITE_IDS, type SiteId } from '../../lib/sites/types';
import { t, type MessageKey } from '../../lib/ui/i18n';
import type { GuideModel } from './guide-model';
import { replyBrands } from './guide-model';
import { PlatformForm } from './PlatformForm';
import { VoiceForm } from './VoiceForm';
import type { OptionsModel } from './model';

function toggle<T>(list: readonly T[], v: T, on: boolean): T[] {
  return on ? [...new Set([...list, v])] : list.filter((x) => x !== v);
}

function Checks<T extends string>({ legend, all, value, label, onChange, name }: {
  legend: string;
  all: readonly T[];
  value: readonly T[];
  label: (v: T) => string;
  onChange: (v: T[]) => void;
  name: string;
}) {
  return (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {all.map((v) => (
        <label key={v}>
          <input type="checkbox" name={name} checked={value.includes(v)} onChange={(e) => onChange(toggle(value, v, e.currentTarget.checked))} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

function TemplateForm({ tpl, guide }: { tpl: ReplyTemplate; guide: GuideModel }) {
  const [d, setD] = useState<TemplateChanges>({});
  useEffect(() => setD({}), [tpl.id, tpl.updatedAt]);
  const v = { ...tpl, ...d } as ReplyTemplate;
  const set = (p: TemplateChanges) => setD({ ...d, ...p });
  return (
    <form
      class="template-form"
      data-testid="template-form"
      onSubmit={(e) => {
        e.preventDefault();
        void guide.saveTemplate(tpl.id, d);
      }}
    >
      <div class="field">
        <label for="tpl-title">{t('templateTitle')}</label>
        <input id="tpl-title" type="text" value={v.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="tpl-text">{t('templateText')}</label>
        <textarea id="tpl-text" dir="auto" rows={5} value={v.text} aria-describedby="tpl-text-hint" onInput={(e) => set({ text: e.currentTarget.value })} />
        <span class="hint" id="tpl-text-hint">
          {t('templateTextHint')}
        </span>
      </div>
      <div class="field">
        <label for="tpl-lang">{t('templateLang')}</label>
        <select id="tpl-lang" value={v.lang} onChange={(e) => set({ lang: e.currentTarget.value as ReplyTemplate['lang'] })}>
          {GUIDE_LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`langName_${l}`)}
            </option>
          ))}
        </select>
      </div>
      <Checks legend={t('templateIntents')} name="intents" all={TEMPLATE_INTENTS} value={v.intents} label={(i) => t(`intent_${i}` as MessageKey)} onChange={(intents) => set({ intents })} />
      <Checks legend={t('templateSentiments')} name="sentiments" all={SENTIMENTS} value={v.sentiments} label={(s) => t(`sentiment_${s}`)} onChange={(sentiments) => set({ sentiments })} />
      <Checks legend={t('templatePlatforms')} name="platforms" all={SITE_IDS} value={v.platforms} label={(s: SiteId) => SITE_LABELS[s]} onChange={(platforms) => set({ platforms })} />
      <div class="row">
        <button type="submit" class="primary" data-testid="save-template">
          {t('saveTemplate')}
        </button>
        <button type="button" class="danger" data-testid="delete-template" onClick={() => void guide.removeTemplate(tpl.id)}>
          {t('deleteTemplate')}
        </button>
      </div>
    </form>
  );
}

export function GuidePanel({ model, guide }: { model: OptionsModel; guide: GuideModel }) {
  const brands = replyBrands(model.brands.value);
  const g = guide.guide.value;
  const [exportUrl, setExportUrl] = useState<string | null>(null);
  useEffect(() => {
    if (guide.brandId.value === null && brands[0]) void guide.load(brands[0].id);
  }, [brands.length]);
  useEffect(() => () => void (exportUrl && URL.revokeObjectURL(exportUrl)), [exportUrl]);

  const editing = g?.templates.find((x) => x.id === guide.editing.value) ?? null;
  return (
    <div class="guide">
      <div class="row">
        <label for="guide-brand">{t('guideBrand')}</label>
        <select id="guide-brand" data-testid="guide-brand" value={guide.brandId.value ?? ''} onChange={(e) => void guide.load(e.currentTarget.value)}>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <label for="agent-name">{t('agentName')}</label>
        <input id="agent-name" type="text" data-testid="agent-name" value={guide.agent.value} onChange={(e) => void guide.setAgent(e.currentTarget.value)} />
      </div>
      {guide.error.value ? (
        <p role="alert" class="error" data-testid="guide-error">
          {guide.error.value}
        </p>
      ) : null}
      {guide.notice.value ? (
        <p role="status" class="notice" data-testid="guide-notice">
          {t(guide.notice.value)}
        </p>
      ) : null}
      <div class="row">
        <label class="file">
          {t('importGuide')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-guide"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void guide.importFile(f);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {g ? (
          <button
            type="button"
            data-testid="export-guide"
            onClick={() => {
              const text = guide.exportText();
              if (text === null) return;
              const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
              setExportUrl(url);
              const a = document.createElement('a');
              a.href = url;
              a.download = `veille-guide-${g.brandId}.json`;
              a.click();
            }}
          >
            {t('exportGuide')}
          </button>
        ) : null}
      </div>
      {g === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : g === null ? (
        <p>
          {t('noGuideYet')}{' '}
          <button type="button" data-testid="create-guide" onClick={() => void guide.create()}>
            {t('createGuide')}
          </button>
        </p>
      ) : (
        <>
          <h2>{t('templates')}</h2>
          <table class="templates" data-testid="templates">
            <thead>
              <tr>
                <th scope="col">{t('templateTitle')}</th>
                <th scope="col">{t('templateLang')}</th>
                <th scope="col">{t('templateState')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('actionsLabel')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.templates.map((x) => (
                <tr key={x.id} data-testid="template-row" data-template={x.id} data-state={x.validation.state}>
                  <td>{x.title}</td>
                  <td>{x.lang}</td>
                  <td>
                    {x.validation.state === 'validated'
                      ? t('validatedBy', x.validation.by, new Date(x.validation.at).toLocaleDateString())
                      : t('draftState')}
                  </td>
                  <td class="row">
                    <button type="button" data-testid="edit-template" onClick={() => (guide.editing.value = x.id)}>
                      {t('editTemplate')}
                    </button>
                    {x.validation.state === 'draft' ? (
                      <button type="button" data-testid="validate-template" disabled={guide.agent.value.trim() === ''} onClick={() => void guide.validate(x.id)}>
                        {t('validateTemplate')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" data-testid="add-template" onClick={() => void guide.addTemplate()}>
              {t('addTemplate')}
            </button>
          </p>
          {editing ? <TemplateForm tpl={editing} guide={guide} /> : null}
          <VoiceForm guide={g} onSave={guide.saveVoice} />
          <PlatformForm guide={g} onSave={guide.saveVoice} />
        </>
      )}
    </div>
  );
}
