/**
 * The background worker's service: it owns the database, checks every
 * message, scores and stores mentions, keeps the badge up to date and seeds
 * the demo brand on first install. entrypoints/background.ts only calls
 * `startBackground()`.
 */
import { browser } from 'wxt/browser';
import { DEMO_AGENT, DEMO_BRANDS } from '../brands/demo';
import { neutralWordsOf } from '../brands/normalize';
import { agentNameItem, brandsItem, crisisConfigItem, retentionDaysItem } from '../brands/settings';
import { DEFAULT_CRISIS_CONFIG, checkCrisisConfig } from '../crisis/detect';
import { applyRetention } from '../data/erase';
import { onMessage } from '../messaging';
import { isContentScript, isExtensionPage, parseOrThrow, reportItemsSchema, reportPageUrl, scanTabSchema, correctSentimentSchema, setMentionStatusSchema, watchSiteSchema } from '../messaging/guards';
import { scanTab, syncWatchedSites, watchSite } from './scan';
import { t } from '../ui/i18n';
import type { ReportedItem } from '../messaging/protocol';
import { applyCorrections, buildCorrectionModel, type CorrectionModel } from '../corrections/model';
import { classifyIntent } from '../intent/classify';
import { analyzeSentiment } from '../sentiment/analyze';
import { openDb, type VeilleDb } from '../storage/db';
import { correctSentiment, correctionsOf, recordItems, saveGuide, setStatus } from '../storage/queries';
import { countWaiting, followUpSchema, setFollowUp } from '../followup/followup';
import { startAlerts } from './alerts';
import { loadRuntimeData } from './runtime-data';
import { demoGuide } from '../replies/demo-guide';
import type { MentionRow, StoredSentiment } from '../storage/schema';

const KNOWN_TYPES = new Set(['reportItems', 'setMentionStatus', 'setFollowUp', 'correctSentiment', 'dataChanged', 'scanTab', 'watchSite']);
const RETENTION_ALARM = 'veille-retention';
const SCAN_MENU_ID = 'veille-scan-page';

/**
 * Sentiment and intents of a reported item: the brand's own terms carry no
 * sentiment, and the CM's corrections for the brands it names (their
 * correction models) apply after the scorer.
 */
export function scoreItem(
  item: ReportedItem,
  models: readonly CorrectionModel[] = [],
): StoredSentiment & { lang: MentionRow['lang']; intents: MentionRow['intents'] } {
  const neutralTerms = neutralWordsOf(item.matches.flatMap((m) => m.terms));
  const r = applyCorrections(item.text, analyzeSentiment(item.text, { rating: item.rating, neutralTerms }), models);
  const intents = classifyIntent(item.text, { lang: r.lang, sentiment: r.label, rating: item.rating });
  return { label: r.label, score: r.score, confidence: r.confidence, evidence: r.evidence, lang: r.lang, intents };
}

/**
 * The brands' correction models, built from the database on first use and
 * kept in memory (rebuilt after a service-worker restart, dropped when a
 * correction for the brand lands).
 */
export class CorrectionModels {
  private readonly cache = new Map<string, Promise<CorrectionModel>>();
  constructor(private readonly db: VeilleDb) {}

  of(brandIds: Iterable<string>): Promise<CorrectionModel[]> {
    return Promise.all(
      [...new Set(brandIds)].map((id) => {
        let m = this.cache.get(id);
        if (m === undefined) {
          m = correctionsOf(this.db, id).then((rows) => buildCorrectionModel(id, rows));
          m.catch(() => this.cache.delete(id));
          this.cache.set(id, m);
        }
        return m;
      }),
    );
  }

  invalidate(brandIds: Iterable<string>): void {
    for (const id of brandIds) this.cache.delete(id);
  }

  clear(): void {
    this.cache.clear();
  }
}

async function updateBadge(db: VeilleDb): Promise<void> {
  const n = await countWaiting(db);
  // MV3 has `action`; the Firefox MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: n > 0 ? String(n) : '' });
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
}

/** Log why a message was refused (the sender also gets the error), then rethrow. */
function logRefusals<A, R>(type: string, handler: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  return async (arg) => {
    try {
      return await handler(arg);
    } catch (err) {
      console.warn(`[veille] ${type} refused:`, err instanceof Error ? err.message : err);
      throw err;
    }
  };
}

export function startBackground(): void {
  const db = openDb();
  const corrections = new CorrectionModels(db);
  void loadRuntimeData();
  const alerts = startAlerts({
    db,
    updateBadge: () => updateBadge(db),
    brands: () => brandsItem.getValue(),
    crisisConfig: async () => {
      try {
        return checkCrisisConfig(await crisisConfigItem.getValue());
      } catch {
        return DEFAULT_CRISIS_CONFIG;
      }
    },
  });
  const extensionId = browser.runtime.id;
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install' && (await brandsItem.getValue()).length === 0) {
      await brandsItem.setValue(DEMO_BRANDS);
      // The demo brand's complete style guide (FR + EN templates, validated), unless one exists.
      if ((await db.guides.count()) === 0) await saveGuide(db, demoGuide());
      if ((await agentNameItem.getValue()) === '') await agentNameItem.setValue(DEMO_AGENT);
    }
    await updateBadge(db);
    // "Scan this page" on the toolbar icon's menu and the page's menu (grants activeTab on click).
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: SCAN_MENU_ID, title: t('scanThisPage'), contexts: ['action', 'page'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SCAN_MENU_ID || tab?.id === undefined) return;
    scanTab(tab.id).catch((err: unknown) => console.warn('[veille] scan refused:', err instanceof Error ? err.message : err));
  });

  /** A privileged handler: only our own extension pages may call it (logged and refused otherwise). */
  const fromExtensionPage = <A extends { sender: Parameters<typeof isExtensionPage>[0] }, R>(type: string, handler: (arg: A) => Promise<R>) =>
    logRefusals(type, async (arg: A) => {
      if (!isExtensionPage(arg.sender, extensionId, extensionOrigin)) throw new Error(`Refused ${type}: not from an extension page`);
      return handler(arg);
    });

  onMessage(
    'reportItems',
    logRefusals('reportItems', async ({ data, sender }) => {
      if (!isContentScript(sender, extensionId)) throw new Error('Refused reportItems: not from a content script');
      const { items, pageUrl } = parseOrThrow(reportItemsSchema, data, 'reportItems');
      await loadRuntimeData();
      const models = new Map((await corrections.of(items.flatMap((i) => i.matches.map((m) => m.brandId)))).map((m) => [m.brandId, m]));
      const score = (item: ReportedItem) => scoreItem(item, item.matches.flatMap((m) => models.get(m.brandId) ?? []));
      const result = await recordItems(db, items, reportPageUrl(sender.url!, pageUrl), score);
      alerts.onReported(items.flatMap((i) => i.matches.map((m) => m.brandId)));
      return result;
    }),
  );

  onMessage(
    'setMentionStatus',
    fromExtensionPage('setMentionStatus', async ({ data }) => {
      const { key, status } = parseOrThrow(setMentionStatusSchema, data, 'setMentionStatus');
      await setStatus(db, key, status);
      await updateBadge(db);
      await alerts.armReminder();
      return { ok: true as const };
    }),
  );

  onMessage(
    'setFollowUp',
    fromExtensionPage('setFollowUp', async ({ data }) => {
      await setFollowUp(db, parseOrThrow(followUpSchema, data, 'setFollowUp'));
      await updateBadge(db);
      await alerts.armReminder();
      return { ok: true as const };
    }),
  );

  onMessage(
    'correctSentiment',
    fromExtensionPage('correctSentiment', async ({ data }) => {
      const { key, label } = parseOrThrow(correctSentimentSchema, data, 'correctSentiment');
      corrections.invalidate(await correctSentiment(db, key, label));
      return { ok: true as const };
    }),
  );

  onMessage(
    'dataChanged',
    fromExtensionPage('dataChanged', async () => {
      corrections.clear();
      await updateBadge(db);
      await alerts.armReminder();
      return { ok: true as const };
    }),
  );

  onMessage(
    'scanTab',
    fromExtensionPage('scanTab', async ({ data }) => {
      const { tabId } = parseOrThrow(scanTabSchema, data, 'scanTab');
      await scanTab(tabId);
      return { ok: true as const };
    }),
  );

  onMessage(
    'watchSite',
    fromExtensionPage('watchSite', async ({ data }) => {
      const { url } = parseOrThrow(watchSiteSchema, data, 'watchSite');
      return { patterns: await watchSite(url) };
    }),
  );

  // The CM may revoke a site's permission in the browser: stop watching it.
  browser.permissions.onRemoved.addListener(() => void syncWatchedSites());

  // Do not drop unknown messages silently: log them (and answer nothing).
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) console.warn('[veille] unhandled message refused:', message);
    return undefined;
  });

  // Retention (RGPD): once a day, and at start-up, delete mentions not seen for the configured number of days.
  const retain = async () => {
    const removed = await applyRetention(db, await retentionDaysItem.getValue());
    if (removed > 0) {
      corrections.clear();
      await updateBadge(db);
    }
  };
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retain().catch((err: unknown) => console.warn('[veille] retention:', err));
  });
  void retain().catch((err: unknown) => console.warn('[veille] retention:', err));

  // The worker may have been stopped and restarted: the badge is recomputed from the stored data.
  void updateBadge(db);
  void syncWatchedSites().catch((err: unknown) => console.warn('[veille] watched sites:', err));
}
