/** Brands: the list on the left, the selected brand's form on the right. Lists are edited one entry per line. */
import { t, type MessageKey } from '../../lib/ui/i18n';
import type { BrandDraft, OptionsModel } from './model';

type ListField = 'aliases' | 'handles' | 'hashtags' | 'misspellings' | 'exclusions';

const LIST_FIELDS: Array<{ key: ListField; label: MessageKey; hint: MessageKey }> = [
  { key: 'aliases', label: 'brandAliases', hint: 'brandAliasesHint' },
  { key: 'handles', label: 'brandHandles', hint: 'brandHandlesHint' },
  { key: 'hashtags', label: 'brandHashtags', hint: 'brandHashtagsHint' },
  { key: 'misspellings', label: 'brandMisspellings', hint: 'brandMisspellingsHint' },
  { key: 'exclusions', label: 'brandExclusions', hint: 'brandExclusionsHint' },
];

export function BrandsPanel({ model }: { model: OptionsModel }) {
  const d = model.draft.value;
  const set = (patch: Partial<BrandDraft>) => (model.draft.value = { ...model.draft.value, ...patch });
  return (
    <div class="layout">
      <div>
        <h2 id="brands-heading">{t('optionsTabBrands')}</h2>
        <ul class="brand-list" aria-labelledby="brands-heading" data-testid="brand-list">
          {model.brands.value.map((b) => (
            <li key={b.id}>
              <button type="button" aria-current={model.selected.value === b.id} onClick={() => model.select(b.id)}>
                {b.name} {b.competitor ? <span class="tag">({t('competitorLabel')})</span> : null}
              </button>
            </li>
          ))}
        </ul>
        <p>
          <button type="button" data-testid="add-brand" onClick={() => model.select(null)}>
            {t('addBrand')}
          </button>
        </p>
      </div>
      <form
        data-testid="brand-form"
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <h2>{d.id === null ? t('newBrand') : d.name}</h2>
        <div class="field">
          <label for="brand-name">{t('brandName')}</label>
          <input id="brand-name" type="text" required value={d.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </div>
        {LIST_FIELDS.map((f) => (
          <div class="field" key={f.key}>
            <label for={`brand-${f.key}`}>{t(f.label)}</label>
            <textarea
              id={`brand-${f.key}`}
              aria-describedby={`brand-${f.key}-hint`}
              value={d[f.key]}
              onInput={(e) => set({ [f.key]: e.currentTarget.value })}
            />
            <span class="hint" id={`brand-${f.key}-hint`}>
              {t(f.hint)}
            </span>
          </div>
        ))}
        <div class="field row">
          <input id="brand-competitor" type="checkbox" checked={d.competitor} onChange={(e) => set({ competitor: e.currentTarget.checked })} />
          <label for="brand-competitor">{t('brandCompetitor')}</label>
        </div>
        {model.error.value ? (
          <p role="alert" class="error" data-testid="brand-error">
            {model.error.value}
          </p>
        ) : null}
        {model.notice.value ? (
          <p role="status" class="notice">
            {t(model.notice.value)}
          </p>
        ) : null}
        <div class="row">
          <button type="submit" class="primary" data-testid="save-brand">
            {t('saveBrand')}
          </button>
          {d.id !== null ? (
            <button type="button" class="danger" data-testid="delete-brand" onClick={() => void model.remove()}>
              {t('deleteBrand')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
