/**
 * Data rights: what is stored (everything stays on this device), export all
 * or a filter (CSV / JSON), import a JSON export, erase one author, one brand
 * or everything, and the retention limit. Long work shows a progress bar and
 * a Cancel button.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MentionFilter } from '../../lib/data/transfer';
import { SITE_LABELS } from '../../lib/sites/labels';
import { SITE_IDS, type SiteId } from '../../lib/sites/types';
import { t } from '../../lib/ui/i18n';
import type { DataModel } from './data-model';
import type { OptionsModel } from './model';

const dayStart = (s: string): number | undefined => (s ? new Date(`${s}T00:00:00`).getTime() : undefined);
const dayEnd = (s: string): number | undefined => (s ? new Date(`${s}T23:59:59.999`).getTime() : undefined);

export function DataPanel({ model, data }: { model: OptionsModel; data: DataModel }) {
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [brandId, setBrandId] = useState('');
  const [site, setSite] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [author, setAuthor] = useState('');
  const [eraseBrandId, setEraseBrandId] = useState('');
  const [confirmAll, setConfirmAll] = useState('');
  const [days, setDays] = useState(String(data.retention.value));
  useEffect(() => void data.start().then(() => setDays(String(data.retention.value))), [data]);
  const busy = data.busy.value;
  const word = t('eraseAllWord');
  const filter = (): MentionFilter => ({
    ...(brandId ? { brandId } : {}),
    ...(site ? { site: site as SiteId } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: dayEnd(to) } : {}),
  });
  return (
    <div class="data">
      <p>{t('dataStatement')}</p>
      {busy ? (
        <div class="row" role="status" data-testid="data-progress">
          <label for="work-progress">{t(`work_${busy.what}`)}</label>
          <progress id="work-progress" max={busy.total || 1} value={busy.done} />
          <span>{busy.total ? `${busy.done} / ${busy.total}` : ''}</span>
          <button type="button" data-testid="cancel-work" onClick={data.cancel}>
            {t('cancel')}
          </button>
        </div>
      ) : null}
      {data.error.value ? (
        <p role="alert" class="error" data-testid="data-error">
          {data.error.value}
        </p>
      ) : null}
      {data.notice.value ? (
        <p role="status" class="notice" data-testid="data-notice">
          {t(data.notice.value.key, ...data.notice.value.args)}
        </p>
      ) : null}

      <h2>{t('exportData')}</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void data.exportData(filter(), format);
        }}
      >
        <label for="export-format">{t('exportFormat')}</label>
        <select id="export-format" data-testid="export-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as 'csv' | 'json')}>
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
        <label for="export-brand">{t('guideBrand')}</label>
        <select id="export-brand" value={brandId} onChange={(e) => setBrandId(e.currentTarget.value)}>
          <option value="">{t('allBrands')}</option>
          {model.brands.value.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <label for="export-site">{t('siteLabel')}</label>
        <select id="export-site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
          <option value="">{t('allSites')}</option>
          {SITE_IDS.map((s) => (
            <option key={s} value={s}>
              {SITE_LABELS[s]}
            </option>
          ))}
        </select>
        <label for="export-from">{t('dateFrom')}</label>
        <input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <label for="export-to">{t('dateTo')}</label>
        <input id="export-to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <button type="submit" class="primary" data-testid="export-data" disabled={busy !== null}>
          {t('exportData')}
        </button>
      </form>

      <h2>{t('importData')}</h2>
      <p class="row">
        <label for="import-data">{t('importDataHint')}</label>
        <input
          id="import-data"
          type="file"
          accept="application/json,.json"
          data-testid="import-data"
          disabled={busy !== null}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void data.importFile(f);
            e.currentTarget.value = '';
          }}
        />
      </p>

      <h2>{t('eraseData')}</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (author.trim()) void data.erase({ author: author.trim() });
        }}
      >
        <label for="erase-author">{t('eraseAuthor')}</label>
        <input id="erase-author" type="text" data-testid="erase-author-input" value={author} onInput={(e) => setAuthor(e.currentTarget.value)} />
        <button type="submit" class="danger" data-testid="erase-author" disabled={busy !== null || !author.trim()}>
          {t('erase')}
        </button>
      </form>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (eraseBrandId) void data.erase({ brandId: eraseBrandId });
        }}
      >
        <label for="erase-brand">{t('eraseBrand')}</label>
        <select id="erase-brand" value={eraseBrandId} onChange={(e) => setEraseBrandId(e.currentTarget.value)}>
          <option value="">—</option>
          {model.brands.value.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <button type="submit" class="danger" data-testid="erase-brand" disabled={busy !== null || !eraseBrandId}>
          {t('erase')}
        </button>
      </form>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmAll.trim().toUpperCase() === word.toUpperCase()) {
            void data.erase({ all: true });
            setConfirmAll('');
          }
        }}
      >
        <label for="erase-all">{t('eraseAllConfirm', word)}</label>
        <input id="erase-all" type="text" data-testid="erase-all-input" value={confirmAll} onInput={(e) => setConfirmAll(e.currentTarget.value)} />
        <button type="submit" class="danger" data-testid="erase-all" disabled={busy !== null || confirmAll.trim().toUpperCase() !== word.toUpperCase()}>
          {t('eraseAll')}
        </button>
      </form>

      <h2>{t('retention')}</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void data.saveRetention(Number(days));
        }}
      >
        <label for="retention-days">{t('retentionDays')}</label>
        <input id="retention-days" type="number" min={0} max={3650} data-testid="retention-days" value={days} onInput={(e) => setDays(e.currentTarget.value)} />
        <button type="submit" data-testid="save-retention" disabled={busy !== null}>
          {t('saveRetention')}
        </button>
      </form>
    </div>
  );
}
