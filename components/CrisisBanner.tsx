/** Brands in crisis now: the level and the seed's checklist for that level (assess, holding statement, single voice…). */
import { CRISIS_CHECKLIST, type CrisisLevel } from '../lib/crisis/detect';
import { t, type MessageKey } from '../lib/ui/i18n';

export function CrisisBanner({ levels, names }: { levels: ReadonlyMap<string, CrisisLevel>; names: (brandId: string) => string }) {
  const active = [...levels].filter(([, l]) => l !== 'none') as Array<[string, Exclude<CrisisLevel, 'none'>]>;
  if (active.length === 0) return null;
  return (
    <section class="crisis" aria-labelledby="crisis-title" data-testid="crisis-banner">
      {active.map(([brandId, level]) => (
        <div key={brandId} class={`crisis-${level}`} data-level={level}>
          <h2 id="crisis-title">{t('crisisTitleShort', t(`crisis_${level}`), names(brandId))}</h2>
          <ul>
            {CRISIS_CHECKLIST[level].map((k) => (
              <li key={k}>{t(k as MessageKey)}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
