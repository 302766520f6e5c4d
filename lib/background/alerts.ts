/**
 * The worker's alerts: follow-up reminders and crisis notifications.
 *
 *  - Reminders: one alarm ("veille-reminder") set at the next due date of a
 *    follow-up; when it fires, every due follow-up not yet reminded gets a
 *    notification (grouped beyond three), is marked reminded, and counts in
 *    the badge again (lib/followup). The alarm is re-armed after every change
 *    and at start-up (alarms survive worker restarts; the due dates are in
 *    IndexedDB, so a restart loses nothing).
 *  - Crisis: after mentions of a brand are stored, its level is assessed
 *    (debounced per brand); a rise (minime → modérée…) is stored and notified,
 *    a calming down only stored (lib/crisis/monitor.ts).
 *
 * Clicking a reminder opens the mention's permalink; clicking a crisis alert
 * opens the dashboard.
 */
import { browser } from 'wxt/browser';
import type { Brand } from '../brands/types';
import type { CrisisConfig } from '../crisis/detect';
import { checkBrand, isEscalation } from '../crisis/monitor';
import { dueForReminder, markReminded, nextDue } from '../followup/followup';
import type { VeilleDb } from '../storage/db';
import type { CrisisRow, MentionRow } from '../storage/schema';
import { t } from '../ui/i18n';

export const REMINDER_ALARM = 'veille-reminder';
const CRISIS_DEBOUNCE_MS = 5_000;
const ICON = '/icon/128.png';

export interface AlertsDeps {
  db: VeilleDb;
  updateBadge(): Promise<void>;
  brands(): Promise<Brand[]>;
  /** The CM's thresholds (options page); checked, the defaults when invalid. */
  crisisConfig(): Promise<CrisisConfig>;
}

function notify(id: string, title: string, message: string): Promise<string> {
  return browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL(ICON), title, message, priority: 2 });
}

function snippet(m: MentionRow): string {
  const text = m.text.replace(/\s+/gu, ' ').trim();
  return `${m.author ?? m.handle ?? ''}: ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`;
}

export function startAlerts(deps: AlertsDeps) {
  const { db } = deps;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  async function armReminder(now = Date.now()): Promise<void> {
    const next = await nextDue(db, now);
    if (next === null) await browser.alarms.clear(REMINDER_ALARM);
    else await browser.alarms.create(REMINDER_ALARM, { when: Math.max(next, now + 1000) });
  }

  async function remind(now = Date.now()): Promise<MentionRow[]> {
    const due = await dueForReminder(db, now);
    if (due.length > 0) {
      await markReminded(
        db,
        due.map((m) => m.key),
        now,
      );
      const shown = due.length > 3 ? [] : due;
      for (const m of shown) await notify(`veille-due:${m.key}`, t('reminderTitle'), snippet(m));
      if (due.length > 3) await notify('veille-due:many', t('reminderTitle'), t('remindersMany', due.length));
      await deps.updateBadge();
    }
    await armReminder(now);
    return due;
  }

  async function notifyCrisis(row: CrisisRow): Promise<void> {
    const brand = (await deps.brands()).find((b) => b.id === row.brandId);
    const name = brand ? `${brand.name}${brand.competitor ? ` (${t('competitorLabel')})` : ''}` : row.brandId;
    await notify(
      `veille-crisis:${row.brandId}:${row.at}`,
      t('crisisTitle', t(`crisis_${row.to}`), name),
      t('crisisMessage', row.negatives, Math.round(row.baselineMean * 10) / 10),
    );
  }

  /** Assess these brands soon (several reports in a row make one assessment). */
  function onReported(brandIds: Iterable<string>): void {
    for (const id of new Set(brandIds)) {
      if (pending.has(id)) continue;
      pending.set(
        id,
        setTimeout(() => {
          pending.delete(id);
          deps
            .crisisConfig()
            .then((config) => checkBrand(db, id, Date.now(), config))
            .then((row) => (row && isEscalation(row) ? notifyCrisis(row) : undefined))
            .catch((err: unknown) => console.warn('[veille] crisis check:', err));
        }, CRISIS_DEBOUNCE_MS),
      );
    }
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void remind().catch((err: unknown) => console.warn('[veille] reminders:', err));
  });

  browser.notifications.onClicked.addListener((id) => {
    void (async () => {
      if (id.startsWith('veille-due:')) {
        const m = await db.mentions.get(id.slice('veille-due:'.length));
        if (m?.permalink && /^https?:/u.test(m.permalink)) await browser.tabs.create({ url: m.permalink });
      } else if (id.startsWith('veille-crisis:')) {
        await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
      }
      await browser.notifications.clear(id);
    })().catch((err: unknown) => console.warn('[veille] notification click:', err));
  });

  // Start-up: reminders that fell due while the browser was closed, then the next alarm.
  void remind().catch((err: unknown) => console.warn('[veille] reminders:', err));

  return { onReported, armReminder, remind };
}
