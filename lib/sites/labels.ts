import type { SiteId } from './types';

/** Display names of the sites (brand names: the same in every language). */
export const SITE_LABELS: Record<SiteId, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  'google-maps': 'Google Maps',
  trustpilot: 'Trustpilot',
  tripadvisor: 'Tripadvisor',
  amazon: 'Amazon',
  generic: 'Web',
};
