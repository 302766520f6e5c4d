import { describe, expect, test } from 'vitest';
import {
  MAX_CORRECTIONS_PER_BRAND,
  applyCorrections,
  buildCorrectionModel,
  contentWords,
  evidenceKey,
  type CorrectionRow,
} from '../../../lib/corrections/model';
import { analyzeSentiment } from '../../../lib/sentiment/analyze';
import type { SentimentLabel } from '../../../lib/sentiment/types';

let at = 1000;
function row(brandId: string, text: string, predicted: SentimentLabel, evidence: string[], label: SentimentLabel): CorrectionRow {
  return { brandId, mentionKey: `x:${at}`, text, predicted, evidence, label, at: at++ };
}

describe('contentWords', () => {
  test('folds case, accents and invisible characters, drops URLs, handles and stop words', () => {
    expect([...contentWords("L'appli d'@Acme est GÉNIALE https://t.co/x, vraiment gé\u200bniale")].sort()).toEqual(
      ['appli', 'geniale', 'vraiment'].sort(),
    );
  });
  test('reads only the start of a 1 MB text', () => {
    const t0 = performance.now();
    contentWords('mot '.repeat(250_000));
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('evidenceKey', () => {
  test('words and emojis are keys; ratings and correction notes are not', () => {
    expect(evidenceKey('Génial')).toBe('genial');
    expect(evidenceKey('😍')).toBe('😍');
    expect(evidenceKey('★4')).toBeNull();
    expect(evidenceKey('✎ sick → positive')).toBeNull();
  });
});

describe('applyCorrections: the same mistake is not made twice', () => {
  test('English slang: after one correction, "sick" means praise for this brand only', () => {
    const text = 'The new Acme board is sick';
    const before = analyzeSentiment(text);
    expect(before.label).toBe('negative');
    expect(before.evidence.map((e) => e.toLowerCase())).toContain('sick');
    const model = buildCorrectionModel('acme', [row('acme', text, before.label, before.evidence, 'positive')]);

    const later = 'Those Acme wheels are sick!!';
    const fresh = analyzeSentiment(later);
    expect(fresh.label).toBe('negative');
    const fixed = applyCorrections(later, fresh, [model]);
    expect(fixed.label).toBe('positive');
    expect(fixed.score).toBeGreaterThan(0);
    expect(fixed.evidence[0]).toMatch(/^✎ sick → positive/);

    // Another brand's texts are not affected.
    const other = buildCorrectionModel('zenith', []);
    expect(applyCorrections(later, fresh, [other]).label).toBe('negative');
    // A text where another, uncorrected word also decides keeps the scorer's label.
    const mixed = 'Acme board is sick but the delivery was terrible';
    const r = analyzeSentiment(mixed);
    expect(applyCorrections(mixed, r, [model]).label).toBe(r.label);
  });

  test('French: a corrected near-duplicate takes the corrected label', () => {
    const text = 'Franchement la nouvelle pub Acme avec le chat qui tombe du canapé, je suis mort de rire';
    const before = analyzeSentiment(text);
    const model = buildCorrectionModel('acme', [row('acme', text, before.label, before.evidence, before.label === 'positive' ? 'negative' : 'positive')]);
    const target = before.label === 'positive' ? 'negative' : 'positive';
    const copy = 'RT @fan: franchement la nouvelle pub Acme avec le chat qui tombe du canape, je suis mort de rire 😂';
    expect(applyCorrections(copy, analyzeSentiment(copy), [model]).label).toBe(target);
    // A different text about the brand is left alone.
    const different = 'Ma commande Acme est arrivée avec trois jours de retard';
    const d = analyzeSentiment(different);
    expect(applyCorrections(different, d, [model])).toEqual(d);
  });

  test('neutral corrections: a brand name that reads as a sentiment word stops counting', () => {
    const text = 'Orange annonce la fibre dans trois nouvelles villes';
    const fake = { label: 'positive' as SentimentLabel, score: 0.4, confidence: 0.6, evidence: ['orange'] };
    const model = buildCorrectionModel('orange', [row('orange', text, 'positive', ['orange'], 'neutral')]);
    const later = 'Orange ouvre une boutique à Lyon';
    expect(applyCorrections(later, { ...fake }, [model])).toMatchObject({ label: 'neutral', score: 0 });
  });

  test('the newest correction of a word wins', () => {
    const model = buildCorrectionModel('acme', [
      row('acme', 'acme is wicked', 'negative', ['wicked'], 'positive'),
      row('acme', 'acme support is wicked slow', 'positive', ['wicked'], 'negative'),
    ]);
    const r = applyCorrections('wicked acme', { label: 'neutral', score: 0, confidence: 0.5, evidence: ['wicked'] }, [model]);
    expect(r.label).toBe('negative');
  });

  test('no corrections, no change; a correction that agreed with the scorer teaches no word', () => {
    const r = { label: 'negative' as SentimentLabel, score: -0.5, confidence: 0.7, evidence: ['bad'] };
    expect(applyCorrections('acme is bad', r, [])).toBe(r);
    const agreed = buildCorrectionModel('acme', [row('acme', 'so bad', 'negative', ['bad'], 'negative')]);
    expect(agreed.terms.size).toBe(0);
  });

  test('a model keeps only the newest corrections of its own brand', () => {
    const rows: CorrectionRow[] = [];
    for (let i = 0; i < MAX_CORRECTIONS_PER_BRAND + 20; i++) rows.push(row('acme', `texte numéro ${i} sur acme`, 'neutral', [], 'positive'));
    rows.push(row('zenith', 'autre marque', 'neutral', [], 'negative'));
    const m = buildCorrectionModel('acme', rows);
    expect(m.size).toBe(MAX_CORRECTIONS_PER_BRAND);
    expect(m.examples.every((e) => e.label === 'positive')).toBe(true);
  });
});
