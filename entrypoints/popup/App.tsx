import { useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MentionCard } from '../../components/MentionCard';
import { ReplyPanel } from '../../components/ReplyPanel';
import { CrisisBanner } from '../../components/CrisisBanner';
import { QueueFilters } from '../../components/QueueFilters';
import { markFirstRender } from '../../lib/dashboard/first-render';
import { tabArrowKeys } from '../../components/tabs';
import { t } from '../../lib/ui/i18n';
import { createPopupModel, type PopupTab } from './model';
import { usePageModel } from '../../components/use-page-model';

const TABS: Array<{ id: PopupTab; label: () => string }> = [
  { id: 'page', label: () => t('tabThisPage') },
  { id: 'followUp', label: () => t('tabFollowUp') },
];

export function App() {
  const model = usePageModel(createPopupModel);

  const rows = model.visible.value;
  const reply = model.reply.value;
  const replying = reply?.mention.value != null;
  const current = model.tab.value;
  // `npm run bench` reads popup.firstRenderMs: the frame in which the list is first painted.
  useLayoutEffect(() => {
    if (rows !== null) markFirstRender();
  }, [rows]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onTabKey = tabArrowKeys(
    TABS.map((x) => x.id),
    current,
    (id) => (model.tab.value = id),
  );

  return (
    <main>
      <header>
        <div class="header-row">
          <h1>{t('popupTitle')}</h1>
          <button type="button" class="open-dashboard" data-testid="open-dashboard" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}>
            {t('dashOpen')}
          </button>
        </div>
        <div role="tablist" aria-label={t('mentionsListLabel')} onKeyDown={onTabKey}>
          {TABS.map((x) => (
            <button
              key={x.id}
              id={`tab-${x.id}`}
              type="button"
              role="tab"
              aria-selected={current === x.id}
              aria-controls="mention-panel"
              tabIndex={current === x.id ? 0 : -1}
              onClick={() => (model.tab.value = x.id)}
            >
              {x.label()}
              {x.id === 'followUp' && model.queue.value?.length ? <span class="count"> ({model.queue.value.length})</span> : null}
            </button>
          ))}
        </div>
      </header>
      {current === 'page' && model.tabId.value !== null ? (
        <div class="page-actions">
          <button type="button" data-testid="scan-page" onClick={() => void model.scanPage()}>
            {t('scanPage')}
          </button>
          {model.siteWatched.value === false ? (
            <button type="button" data-testid="watch-site" onClick={model.watchSite}>
              {t('watchSite')}
            </button>
          ) : null}
        </div>
      ) : null}
      <CrisisBanner levels={model.crisis.value} names={(id) => model.brands.value.find((b) => b.id === id)?.name ?? id} />
      {current === 'followUp' && !replying ? <QueueFilters filter={model.filter.value} brands={model.brands.value} onChange={model.setFilter} /> : null}
      {model.notice.value ? (
        <p role="status" class="notice">
          {t(model.notice.value)}
        </p>
      ) : null}
      {model.error.value ? (
        <p role="alert" class="error">
          {t('statusError', model.error.value)}
        </p>
      ) : null}
      {reply && replying ? (
        <ReplyPanel reply={reply} onReplied={(key) => void model.markReplied(key)} onBack={reply.close} />
      ) : null}
      <section hidden={replying} id="mention-panel" role="tabpanel" aria-labelledby={`tab-${current}`} data-testid={`panel-${current}`}>
        {rows === null ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : rows.length === 0 ? (
          <p class="empty" data-testid="empty">
            {current === 'page' ? t('noMentionsHere') : t('noFollowUps')}
          </p>
        ) : (
          <>
            <p class="summary" data-testid="count">
              {t('countMentions', rows.length)}
            </p>
            <ul class="mentions">
              {rows.map((m) => (
                <MentionCard key={m.key} mention={m} onStatus={model.setStatus} onCorrect={model.correctSentiment} onReply={(key) => void model.openReply(key)} onFollowUp={(key, v) => void model.saveFollowUp(key, v)} />
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
