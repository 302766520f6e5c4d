/** The guide's vocabulary as the options page edits it: one entry per line (see VoiceForm). */
import { GUIDE_LANGS, type BannedTerm, type GuideLang, type ProductName, type RequiredTerm } from '../../lib/replies/guide';

export function bannedToText(list: readonly BannedTerm[]): string {
  return list.map((b) => `${b.term}${b.replacement ? ` => ${b.replacement}` : ''}${b.reason ? ` | ${b.reason}` : ''}`).join('\n');
}

/** "term => replacement | reason" lines (replacement and reason optional); other fields of known terms are kept. */
export function textToBanned(text: string, before: readonly BannedTerm[]): BannedTerm[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [head, reason = ''] = line.split('|').map((s) => s.trim());
      const [term, replacement] = head!.split('=>').map((s) => s.trim());
      const old = before.find((b) => b.term === term);
      return { ...old, term: term!, reason: reason || old?.reason || '', ...(replacement ? { replacement } : { replacement: undefined }) };
    })
    .map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as unknown as BannedTerm);
}

export function productsToText(list: readonly ProductName[]): string {
  return list.map((p) => `${p.name}${p.misspellings.length ? `: ${p.misspellings.join(', ')}` : ''}`).join('\n');
}

export function textToProducts(text: string): ProductName[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const i = line.indexOf(':');
      const name = (i < 0 ? line : line.slice(0, i)).trim();
      const misspellings = i < 0 ? [] : line.slice(i + 1).split(',').map((s) => s.trim()).filter((s) => s !== '');
      return { name, misspellings };
    });
}


/** "term | reason" lines (reason optional); the language of a term already in the guide is kept. */
export function requiredToText(list: readonly RequiredTerm[]): string {
  return list.map((r) => `${r.term}${r.reason ? ` | ${r.reason}` : ''}`).join('\n');
}

export function textToRequired(text: string, before: readonly RequiredTerm[]): RequiredTerm[] {
  return linesOf(text).map((line) => {
    const bar = line.indexOf('|');
    const term = (bar < 0 ? line : line.slice(0, bar)).trim();
    const reason = bar < 0 ? '' : line.slice(bar + 1).trim();
    const old = before.find((r) => r.term === term);
    return { term, reason: reason || old?.reason || '', ...(old?.lang ? { lang: old.lang } : {}) };
  });
}

/** One entry per non-empty line, trimmed (greetings, closings). */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Comma-separated entries, trimmed (disclosure tags and trigger words). */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One value per guide language. */
export function perLang<T>(value: (lang: GuideLang) => T): Record<GuideLang, T> {
  return Object.fromEntries(GUIDE_LANGS.map((l) => [l, value(l)])) as Record<GuideLang, T>;
}
