import { describe, expect, test } from 'vitest';
import { isContentScript, isExtensionPage, parseOrThrow, reportItemsSchema, reportPageUrl, setMentionStatusSchema } from '../../../lib/messaging/guards';
import { MAX_TEXT } from '../../../lib/storage/schema';

const item = {
  site: 'x',
  id: '1860000000000000001',
  kind: 'post',
  text: 'Merci @AcmeFrance !',
  author: 'Léa',
  handle: '@lea',
  permalink: 'https://x.com/lea/status/1860000000000000001',
  timestamp: '2026-11-20T10:00:00.000Z',
  rating: null,
  matches: [{ brandId: 'acme', competitor: false, terms: ['@AcmeFrance'] }],
  truncated: false,
  originalLength: 19,
};

describe('reportItems payloads that are accepted', () => {
  test('a well-formed item', () => {
    expect(parseOrThrow(reportItemsSchema, { items: [item] }, 'reportItems').items[0]!.text).toBe(item.text);
  });
  test('unknown fields are dropped, not stored', () => {
    const out = parseOrThrow(reportItemsSchema, { items: [{ ...item, evil: '<script>' }] }, 'reportItems');
    expect(out.items[0]).not.toHaveProperty('evil');
  });
  test('an oversized text is cut and flagged, not refused', () => {
    const out = parseOrThrow(reportItemsSchema, { items: [{ ...item, text: 'a'.repeat(1_000_000) }] }, 'reportItems');
    expect(out.items[0]!.text).toHaveLength(MAX_TEXT);
    expect(out.items[0]!.truncated).toBe(true);
    expect(out.items[0]!.originalLength).toBe(1_000_000);
  });
  test('hostile text stays a string as it was', () => {
    const text = '<script>alert(1)</script> \u202Eacme\u200b';
    expect(parseOrThrow(reportItemsSchema, { items: [{ ...item, text }] }, 'reportItems').items[0]!.text).toBe(text);
  });
});

describe('payloads that are refused, naming the field', () => {
  test.each([
    ['not an object', null, '(root)'],
    ['no items', {}, 'items'],
    ['empty items', { items: [] }, 'items'],
    ['unknown site', { items: [{ ...item, site: 'myspace' }] }, 'items.0.site'],
    ['empty id', { items: [{ ...item, id: '' }] }, 'items.0.id'],
    ['text not a string', { items: [{ ...item, text: 42 }] }, 'items.0.text'],
    ['javascript: permalink', { items: [{ ...item, permalink: 'javascript:alert(1)' }] }, 'items.0.permalink'],
    ['rating out of range', { items: [{ ...item, rating: 11 }] }, 'items.0.rating'],
    ['bad timestamp', { items: [{ ...item, timestamp: 'yesterday' }] }, 'items.0.timestamp'],
    ['no brand match', { items: [{ ...item, matches: [] }] }, 'items.0.matches'],
    ['too many items', { items: Array.from({ length: 201 }, () => item) }, 'items'],
  ])('%s', (_label, payload, field) => {
    expect(() => parseOrThrow(reportItemsSchema, payload, 'reportItems')).toThrow(`Refused reportItems: ${field}:`);
  });
  test('an unknown status', () => {
    expect(() => parseOrThrow(setMentionStatusSchema, { key: 'x:1', status: 'deleted' }, 'setMentionStatus')).toThrow(/status/);
  });
});

describe('trust comes from the sender', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  test('extension pages', () => {
    expect(isExtensionPage({ id, url: origin + 'popup.html' }, id, origin)).toBe(true);
    expect(isExtensionPage({ id, url: 'https://x.com/', tab: { id: 1 } }, id, origin)).toBe(false);
    expect(isExtensionPage({ id: 'other', url: origin + 'popup.html' }, id, origin)).toBe(false);
  });
  test('content scripts', () => {
    expect(isContentScript({ id, url: 'https://x.com/a', tab: { id: 3 } }, id)).toBe(true);
    expect(isContentScript({ id, url: origin + 'popup.html' }, id)).toBe(false);
    expect(isContentScript({ id: 'other', url: 'https://x.com/a', tab: { id: 3 } }, id)).toBe(false);
  });
});

describe('the page a report is filed under', () => {
  test.each([
    ['https://x.com/home', undefined, 'https://x.com/home'],
    ['https://x.com/home', 'https://x.com/AcmeFrance/status/1', 'https://x.com/AcmeFrance/status/1'],
    ['https://x.com/home', 'https://evil.example/', 'https://x.com/home'],
    ['https://x.com/home', 'not a url', 'https://x.com/home'],
  ])('sender %s, claimed %s', (sender, claimed, out) => {
    expect(reportPageUrl(sender, claimed)).toBe(out);
  });
});
