/** The follow-up queue's filters: brand, site, sentiment, status, language, since (the list is sorted by urgency). */
import type { Brand } from '../lib/brands/types';
import type { QueueFilter } from '../lib/followup/followup';
import { SITE_LABELS } from '../lib/sites/labels';
import { SITE_IDS } from '../lib/sites/types';
import { STATUSES } from '../lib/storage/schema';
import { t } from '../lib/ui/i18n';

const DAY = 86_400_000;

export function QueueFilters({ filter, brands, onChange }: { filter: QueueFilter; brands: readonly Brand[]; onChange(f: QueueFilter): void }) {
  const set = (patch: Partial<QueueFilter>) => {
    const next: QueueFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as Array<keyof QueueFilter>) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const since = filter.from === undefined ? '' : String(Math.round((Date.now() - filter.from) / DAY));
  return (
    <fieldset class="filters" data-testid="queue-filters">
      <legend>{t('queueFilters')}</legend>
      <label>
        {t('guideBrand')}
        <select data-testid="filter-brand" value={filter.brandId ?? ''} onChange={(e) => set({ brandId: e.currentTarget.value || undefined })}>
          <option value="">{t('allBrands')}</option>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('siteLabel')}
        <select data-testid="filter-site" value={filter.site ?? ''} onChange={(e) => set({ site: (e.currentTarget.value || undefined) as QueueFilter['site'] })}>
          <option value="">{t('allSites')}</option>
          {SITE_IDS.map((s) => (
            <option key={s} value={s}>
              {SITE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sentimentLabel')}
        <select data-testid="filter-sentiment" value={filter.sentiment ?? ''} onChange={(e) => set({ sentiment: (e.currentTarget.value || undefined) as QueueFilter['sentiment'] })}>
          <option value="">{t('any')}</option>
          {(['negative', 'neutral', 'positive'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sentiment_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('statusLabel')}
        <select data-testid="filter-status" value={filter.status ?? 'follow_up'} onChange={(e) => set({ status: e.currentTarget.value as QueueFilter['status'] })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('langLabel')}
        <select data-testid="filter-lang" value={filter.lang ?? ''} onChange={(e) => set({ lang: (e.currentTarget.value || undefined) as QueueFilter['lang'] })}>
          <option value="">{t('any')}</option>
          <option value="fr">{t('langName_fr')}</option>
          <option value="en">{t('langName_en')}</option>
        </select>
      </label>
      <label>
        {t('sinceDays')}
        <select data-testid="filter-since" value={since} onChange={(e) => set({ from: e.currentTarget.value ? Date.now() - Number(e.currentTarget.value) * DAY : undefined })}>
          <option value="">{t('any')}</option>
          <option value="1">1</option>
          <option value="7">7</option>
          <option value="30">30</option>
        </select>
      </label>
    </fieldset>
  );
}
