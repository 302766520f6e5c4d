/**
 * The adapter registry: every site adapter, and which one handles a URL.
 * The generic adapter is the fallback for pages no site adapter claims.
 */
import { amazon } from './amazon';
import { facebook } from './facebook';
import { generic } from './generic';
import { googleMaps } from './google-maps';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { reddit } from './reddit';
import { tiktok } from './tiktok';
import { tripadvisor } from './tripadvisor';
import { trustpilot } from './trustpilot';
import type { SiteAdapter, SiteId } from './types';
import { x } from './x';
import { youtube } from './youtube';

/** Site adapters, most specific first; `generic` is not in this list. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [x, facebook, instagram, linkedin, reddit, youtube, tiktok, googleMaps, trustpilot, tripadvisor, amazon];

export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SITE_ADAPTERS, generic];

export function adapterById(id: SiteId): SiteAdapter {
  const a = ALL_ADAPTERS.find((x) => x.id === id);
  if (!a) throw new Error(`No adapter for ${id}`);
  return a;
}

/**
 * The adapter for a URL: the site adapter whose host matches and that
 * supports the page, else the generic one (schema.org and comment heuristics).
 */
export function adapterFor(url: URL | string): SiteAdapter {
  const u = typeof url === 'string' ? new URL(url) : url;
  return SITE_ADAPTERS.find((a) => a.isSupportedPage(u)) ?? generic;
}
