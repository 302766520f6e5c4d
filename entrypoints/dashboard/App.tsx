import { useComputed } from '@preact/signals';
import { useLayoutEffect, useMemo } from 'preact/hooks';
import { BarChart, type BarSeries } from '../../components/BarChart';
import { markFirstRender } from '../../lib/dashboard/first-render';
import { formatDuration, formatNumber, formatPercent, type DashboardData } from '../../lib/dashboard/shape';
import type { DayVolume, Ranked } from '../../lib/kpi/formulas';
import { SITE_LABELS } from '../../lib/sites/labels';
import type { SiteId } from '../../lib/sites/types';
import { t, uiLang, type MessageKey } from '../../lib/ui/i18n';
import { createDashboardModel, type DashboardModel } from './model';
import { usePageModel } from '../../components/use-page-model';

const LABELS = ['positive', 'neutral', 'negative'] as const;
const COLORS = { positive: '--pos', neutral: '--neu', negative: '--neg' } as const;
const SITES = Object.keys(SITE_LABELS) as SiteId[];

const siteName = (site: string) => SITE_LABELS[site as SiteId] ?? site;

export function App() {
  const model = usePageModel(createDashboardModel);
  const data = model.data.value;
  // Layout effect: right after the DOM has the figures, before that frame is painted.
  useLayoutEffect(() => {
    if (data) markFirstRender();
  }, [data]);
  const f = model.filters.value;

  return (
    <main>
      <header>
        <h1>{t('dashTitle')}</h1>
        <Filters model={model} />
      </header>
      {model.error.value ? (
        <p role="alert" class="error">
          {t('statusError', model.error.value)}
        </p>
      ) : null}
      {model.range.value === null ? (
        <p role="alert" class="error" data-testid="range-invalid">
          {t('dashRangeInvalid')}
        </p>
      ) : null}
      {data === null ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <div aria-busy={model.stale.value} data-testid="dashboard" data-from={f.from} data-to={f.to} data-brand={f.brandId ?? ''} data-site={f.site ?? ''} data-stale={String(model.stale.value)}>
          <Kpis data={data} />
          <Volume days={data.days} />
          <div class="grid">
            <Share data={data} />
            <Ratings data={data} />
          </div>
          <div class="grid">
            <TopTable title={t('dashTopSites')} head={t('siteLabel')} rows={data.topSites} testId="top-sites" name={siteName} />
            <TopTable title={t('dashTopAuthors')} head={t('dashAuthor')} rows={data.topAuthors} testId="top-authors" name={(k) => k} />
          </div>
          <Crisis model={model} data={data} />
        </div>
      )}
    </main>
  );
}

function Filters({ model }: { model: DashboardModel }) {
  const f = model.filters.value;
  const brands = model.brands.value;
  return (
    <form class="filters" aria-label={t('dashFilters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('dateFrom')}
        <input type="date" data-testid="filter-from" value={f.from} required onChange={(e) => e.currentTarget.value && model.setFilters({ from: e.currentTarget.value })} />
      </label>
      <label>
        {t('dateTo')}
        <input type="date" data-testid="filter-to" value={f.to} required onChange={(e) => e.currentTarget.value && model.setFilters({ to: e.currentTarget.value })} />
      </label>
      <label>
        {t('dashBrand')}
        <select data-testid="filter-brand" value={f.brandId ?? ''} onChange={(e) => model.setFilters({ brandId: e.currentTarget.value || null })}>
          <option value="">{t('allBrands')}</option>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.competitor ? `${b.name} (${t('competitorLabel')})` : b.name}
            </option>
          ))}
          {f.brandId !== null && !brands.some((b) => b.id === f.brandId) ? <option value={f.brandId}>{f.brandId}</option> : null}
        </select>
      </label>
      <label>
        {t('siteLabel')}
        <select data-testid="filter-site" value={f.site ?? ''} onChange={(e) => model.setFilters({ site: e.currentTarget.value || null })}>
          <option value="">{t('allSites')}</option>
          {SITES.map((s) => (
            <option key={s} value={s}>
              {SITE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

/** One figure: its label, the value as text, and the exact number in data-value (for tests and tools). */
function Kpi({ id, label, value, text, detail }: { id: string; label: string; value: number | null; text: string; detail?: string }) {
  return (
    <div class="kpi" data-testid={`kpi-${id}`} data-value={value === null ? '' : String(value)}>
      <dt>{label}</dt>
      <dd>
        <span class="kpi-value">{text}</span>
        {detail ? <span class="kpi-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

function Kpis({ data }: { data: DashboardData }) {
  const lang = uiLang();
  const na = t('dashNotAvailable');
  const pct = (x: number | null) => (x === null ? na : formatPercent(x, lang));
  const r = data.response;
  return (
    <section aria-labelledby="kpis-title">
      <h2 id="kpis-title" class="visually-hidden">
        {t('dashKpisTitle')}
      </h2>
      <dl class="kpis">
        <Kpi id="volume" label={t('dashKpiMentions')} value={data.counts.total} text={formatNumber(data.counts.total, lang)} />
        {LABELS.map((l) => (
          <Kpi key={l} id={`share-${l}`} label={t(`sentiment_${l}`)} value={data.share[l]} text={pct(data.share[l])} detail={t('countMentions', data.counts[l])} />
        ))}
        <Kpi id="net" label={t('dashKpiNet')} value={data.net} text={data.net === null ? na : formatNumber(data.net, lang)} />
        <Kpi id="health" label={t('dashKpiHealth')} value={data.health} text={pct(data.health)} />
        <Kpi id="response-rate" label={t('dashKpiResponseRate')} value={r.rate} text={pct(r.rate)} detail={t('dashRepliedOf', r.replied, r.eligible)} />
        <Kpi id="median-reply" label={t('dashKpiMedianReply')} value={r.medianMs} text={r.medianMs === null ? na : formatDuration(r.medianMs, lang)} />
        <Kpi id="mean-reply" label={t('dashKpiMeanReply')} value={r.meanMs} text={r.meanMs === null ? na : formatDuration(r.meanMs, lang)} />
        <Kpi id="open-follow-ups" label={t('dashKpiOpenFollowUps')} value={data.openFollowUps} text={formatNumber(data.openFollowUps, lang)} />
      </dl>
      <p class="hint">{t('dashResponseNote')}</p>
    </section>
  );
}

function Volume({ days }: { days: DayVolume[] }) {
  const lang = uiLang();
  const dayLabel = useMemo(() => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }), [lang]);
  const labels = useMemo(() => days.map((d) => dayLabel.format(new Date(`${d.day}T12:00:00`))), [days, dayLabel]);
  const series = useMemo<BarSeries[]>(() => [...LABELS].reverse().map((l) => ({ label: t(`sentiment_${l}`), color: COLORS[l], values: days.map((d) => d[l]) })), [days]);
  return (
    <section aria-labelledby="volume-title" class="panel">
      <h2 id="volume-title">{t('dashVolumeTitle')}</h2>
      <Legend />
      <BarChart labels={labels} series={series} stacked testId="chart-volume" />
      <details>
        <summary>{t('dashShowFigures')}</summary>
        <table data-testid="table-volume">
          <caption class="visually-hidden">{t('dashVolumeTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashDay')}</th>
              {LABELS.map((l) => (
                <th key={l} scope="col">
                  {t(`sentiment_${l}`)}
                </th>
              ))}
              <th scope="col">{t('dashTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} data-day={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.positive}</td>
                <td>{d.neutral}</td>
                <td>{d.negative}</td>
                <td>{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function Legend() {
  return (
    <ul class="legend" aria-hidden="true">
      {LABELS.map((l) => (
        <li key={l}>
          <span class={`swatch ${l}`} />
          {t(`sentiment_${l}`)}
        </li>
      ))}
    </ul>
  );
}

function Share({ data }: { data: DashboardData }) {
  const lang = uiLang();
  const labels = useMemo(() => LABELS.map((l) => t(`sentiment_${l}`)), []);
  // One series per label, each with its value at its own index only, so each bar takes its label's colour.
  const series = useMemo<BarSeries[]>(
    () => LABELS.map((l, i) => ({ label: t(`sentiment_${l}`), color: COLORS[l], values: LABELS.map((_, j) => (i === j ? data.share[l] : 0)) })),
    [data.share],
  );
  return (
    <section aria-labelledby="share-title" class="panel">
      <h2 id="share-title">{t('dashShareTitle')}</h2>
      <BarChart labels={labels} series={series} yMax={1} formatY={(v) => formatPercent(v, lang)} height={180} testId="chart-share" />
      <table data-testid="table-share">
        <thead>
          <tr>
            <th scope="col">{t('dashSentiment')}</th>
            <th scope="col">{t('dashKpiMentions')}</th>
            <th scope="col">{t('dashShare')}</th>
          </tr>
        </thead>
        <tbody>
          {LABELS.map((l) => (
            <tr key={l} data-label={l}>
              <th scope="row">{t(`sentiment_${l}`)}</th>
              <td>{data.counts[l]}</td>
              <td data-value={data.share[l]}>{formatPercent(data.share[l], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Ratings({ data }: { data: DashboardData }) {
  const lang = uiLang();
  const labels = useMemo(() => data.ratings.map((r) => siteName(r.site)), [data.ratings]);
  const series = useMemo<BarSeries[]>(() => [{ label: t('dashRating'), color: '--accent', values: data.ratings.map((r) => r.mean) }], [data.ratings]);
  return (
    <section aria-labelledby="ratings-title" class="panel">
      <h2 id="ratings-title">{t('dashRatingTitle')}</h2>
      {data.ratings.length === 0 ? (
        <p class="empty" data-testid="no-ratings">
          {t('dashNoRatings')}
        </p>
      ) : (
        <>
          <BarChart labels={labels} series={series} yMax={5} height={180} testId="chart-ratings" />
          <table data-testid="table-ratings">
            <thead>
              <tr>
                <th scope="col">{t('siteLabel')}</th>
                <th scope="col">{t('dashRating')}</th>
                <th scope="col">{t('dashRatedCount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.ratings.map((r) => (
                <tr key={r.site} data-site={r.site}>
                  <th scope="row">{siteName(r.site)}</th>
                  <td data-value={r.mean}>{formatNumber(r.mean, lang)}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function TopTable({ title, head, rows, testId, name }: { title: string; head: string; rows: Ranked[]; testId: string; name: (key: string) => string }) {
  const id = `${testId}-title`;
  return (
    <section aria-labelledby={id} class="panel">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t('dashNoMentions')}</p>
      ) : (
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t('dashKpiMentions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row" dir="auto">
                  {name(r.key)}
                </th>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Crisis({ model, data }: { model: DashboardModel; data: DashboardData }) {
  const lang = uiLang();
  const when = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }), [lang]);
  const names = useComputed(() => new Map(model.brands.value.map((b) => [b.id, b.name])));
  const level = (l: string) => t(`dashCrisisLevel_${l}` as MessageKey);
  return (
    <section aria-labelledby="crisis-title" class="panel">
      <h2 id="crisis-title">{t('dashCrisisTitle')}</h2>
      {data.crisis.length === 0 ? (
        <p class="empty" data-testid="no-crisis">
          {t('dashNoCrisis')}
        </p>
      ) : (
        <ol class="crisis" data-testid="crisis">
          {data.crisis.map((c) => (
            <li key={c.id ?? c.at} class={`crisis-${c.to}`} data-brand={c.brandId} data-to={c.to}>
              <time dateTime={new Date(c.at).toISOString()}>{when.format(c.at)}</time>
              <span class="crisis-brand">{names.value.get(c.brandId) ?? c.brandId}</span>
              <span class="crisis-change">
                {level(c.from)} → <strong>{level(c.to)}</strong>
              </span>
              <span class="crisis-detail">{t('dashCrisisNegatives', c.negatives, c.total)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
