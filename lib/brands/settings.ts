/**
 * The watched brands, kept in extension storage (not IndexedDB) so content
 * scripts can read them and watch changes without a round trip.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_CRISIS_CONFIG, type CrisisConfig } from '../crisis/detect';
import type { Brand } from './types';

/** Brands the CM watches (seeded with the demo brand on first run). */
export const brandsItem = storage.defineItem<Brand[]>('local:brands', {
  fallback: [],
  version: 1,
});

/** The CM's first name, used for {agent} in replies and signatures ("— Léa, équipe Acme"). */
export const agentNameItem = storage.defineItem<string>('local:agentName', {
  fallback: '',
  version: 1,
});

/** Retention (RGPD): mentions not seen for this many days are deleted (0 = keep everything). */
export const retentionDaysItem = storage.defineItem<number>('local:retentionDays', {
  fallback: 0,
  version: 1,
});

/** The crisis thresholds (lib/crisis/detect.ts), editable on the options page; the defaults when never set. */
export const crisisConfigItem = storage.defineItem<CrisisConfig>('local:crisisConfig', {
  fallback: DEFAULT_CRISIS_CONFIG,
  version: 1,
});
