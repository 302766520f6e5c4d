import { tabArrowKeys } from '../../components/tabs';
import { t } from '../../lib/ui/i18n';
import { BrandsPanel } from './BrandsPanel';
import { AlertsPanel } from './AlertsPanel';
import { DataPanel } from './DataPanel';
import { GuidePanel } from './GuidePanel';
import { createOptionsModel, type OptionsTab } from './model';
import { usePageModel } from '../../components/use-page-model';

const TABS: Array<{ id: OptionsTab; label: () => string }> = [
  { id: 'brands', label: () => t('optionsTabBrands') },
  { id: 'guide', label: () => t('optionsTabGuide') },
  { id: 'alerts', label: () => t('optionsTabAlerts') },
  { id: 'data', label: () => t('optionsTabData') },
];

export function App() {
  const model = usePageModel(createOptionsModel);
  const current = model.tab.value;

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onTabKey = tabArrowKeys(
    TABS.map((x) => x.id),
    current,
    (id) => (model.tab.value = id),
  );

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <nav role="tablist" aria-label={t('optionsTitle')} onKeyDown={onTabKey}>
        {TABS.map((x) => (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={current === x.id}
            aria-controls={`panel-${x.id}`}
            tabIndex={current === x.id ? 0 : -1}
            onClick={() => (model.tab.value = x.id)}
          >
            {x.label()}
          </button>
        ))}
      </nav>
      <section id={`panel-${current}`} role="tabpanel" aria-labelledby={`tab-${current}`}>
        {current === 'brands' ? (
          <BrandsPanel model={model} />
        ) : current === 'guide' ? (
          <GuidePanel model={model} guide={model.guide} />
        ) : current === 'alerts' ? (
          <AlertsPanel />
        ) : (
          <DataPanel model={model} data={model.data} />
        )}
      </section>
    </main>
  );
}
