import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originPattern, syncWatchedSites, watchSite, watchedSitesItem } from '../../../lib/background/scan';

test.each([
  ['https://blog.example.org/2026/acme?x=1#c', 'https://blog.example.org/*'],
  ['http://localhost:8080/forum', 'http://localhost/*'],
  ['chrome://extensions', null],
  ['file:///tmp/a.html', null],
  ['not a url', null],
])('originPattern(%s)', (url, out) => {
  expect(originPattern(url)).toBe(out);
});

beforeEach(() => {
  fakeBrowser.reset();
});

function stubBrowser(granted: string[]) {
  const registered: Array<{ id: string; matches?: string[] }> = [];
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))) };
  b.scripting = {
    getRegisteredContentScripts: vi.fn(async () => registered.slice()),
    unregisterContentScripts: vi.fn(async () => void registered.splice(0)),
    registerContentScripts: vi.fn(async (scripts: Array<{ id: string; matches?: string[] }>) => void registered.push(...scripts)),
  };
  return registered;
}

test('watching a site needs its permission, then registers the generic script there', async () => {
  const registered = stubBrowser(['https://blog.example.org/*']);
  await expect(watchSite('https://forum.example.net/t/1')).rejects.toThrow('No permission');
  expect(await watchSite('https://blog.example.org/post')).toEqual(['https://blog.example.org/*']);
  expect(await watchedSitesItem.getValue()).toEqual(['https://blog.example.org']);
  expect(registered).toEqual([expect.objectContaining({ id: 'veille-watched-sites', matches: ['https://blog.example.org/*'], js: ['content-scripts/scan.js'] })]);
});

test('a revoked permission drops the site from the registration', async () => {
  const registered = stubBrowser([]);
  await watchedSitesItem.setValue(['https://blog.example.org']);
  expect(await syncWatchedSites()).toEqual([]);
  expect(registered).toEqual([]);
});
