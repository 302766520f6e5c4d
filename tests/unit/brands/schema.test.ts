import { describe, expect, test } from 'vitest';
import { BrandError, MAX_TERMS, brandIdFor, parseBrand, parseBrands } from '../../../lib/brands/schema';
import { DEMO_BRANDS } from '../../../lib/brands/demo';

const base = { id: 'acme', name: 'Acme', aliases: [], handles: [], hashtags: [], misspellings: [], exclusions: [], competitor: false };

describe('parseBrand', () => {
  test('the demo brands are valid as they are', () => {
    expect(parseBrands(DEMO_BRANDS)).toEqual(DEMO_BRANDS);
  });
  test('trims, drops empty lines, dedupes ignoring case and accents, adds @ and #', () => {
    const b = parseBrand({ ...base, aliases: [' Cafés Acme ', '', 'cafes acme', 'Acme Café'], handles: ['AcmeFrance', '@acme_cafe'], hashtags: ['Acme', '#acme'] });
    expect(b.aliases).toEqual(['Cafés Acme', 'Acme Café']);
    expect(b.handles).toEqual(['@AcmeFrance', '@acme_cafe']);
    expect(b.hashtags).toEqual(['#Acme']);
  });
  test('errors name the field', () => {
    expect(() => parseBrand({ ...base, name: '  ' })).toThrow('name: must not be empty');
    expect(() => parseBrand({ ...base, aliases: ['ok', 42] })).toThrow(/^aliases\[1\]: /u);
    expect(() => parseBrand({ ...base, exclusions: ['x'.repeat(101)] })).toThrow(/^exclusions\[0\]: too long \(101 characters, at most 100\)/u);
    expect(() => parseBrand({ ...base, misspellings: Array.from({ length: MAX_TERMS + 1 }, (_, i) => `m${i}`) })).toThrow(/^misspellings: too many items \(201, at most 200\)/u);
    expect(() => parseBrand({ ...base, id: 'Bad Id' })).toThrow(/^id: /u);
    expect(() => parseBrand({ ...base, competitor: 'yes' })).toThrow(/^competitor: /u);
    expect(() => parseBrand(null)).toThrow(BrandError);
  });
  test('a list: unique ids, at most 50 brands', () => {
    expect(() => parseBrands([base, base])).toThrow('the id "acme" is used twice');
    expect(() => parseBrands([base, { ...base, id: 'b', name: '' }])).toThrow('brands[1].name: must not be empty');
    expect(() => parseBrands('nope')).toThrow('brands: expected a list');
  });
});

describe('brandIdFor', () => {
  test('slug from the name, unique', () => {
    expect(brandIdFor('Cafés Acme', [])).toBe('cafes-acme');
    expect(brandIdFor('Cafés Acme', ['cafes-acme', 'cafes-acme-2'])).toBe('cafes-acme-3');
    expect(brandIdFor('☕', [])).toBe('brand');
    expect(brandIdFor('L’Oréal Paris', [])).toBe('l-oreal-paris');
  });
});
