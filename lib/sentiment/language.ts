/**
 * A fast French / English / other detector for short social texts (tweets,
 * comments, reviews): our word lists decide when their evidence is clear, and
 * eld (Nito-ELD, Apache-2.0, its 'extrasmall' n-gram database, bundled)
 * decides the rest. Measured by `npm run eval` (section languageId) on the
 * 12,943 rows of the shared data: word lists alone 0.972, eld alone 0.990 at
 * ~21,000 texts/s, tinyld 0.919; this combination 0.990 (0.975 on texts of
 * at most 60 characters) at ~70,000–120,000 texts/s, as eld only sees the
 * ~10 % of texts the lists cannot call.
 *
 * Evidence, counted over the words of the first 5,000 characters (URLs and
 * @mentions removed):
 *  - function words / stopwords typical of French or of English (+1 each);
 *    words common to both ("a", "on", "me", "son", "plus", "or", "an") are not counted;
 *  - French elisions (l', d', qu', j', c', n', s', m', t', jusqu'…, also with ’) (+1.5)
 *    and English contractions (n't, 's, 're, 'm, 'll, 've, 'd) (+1.5);
 *  - French diacritics (é, è, ê, à, ç, œ…) (+1 per word);
 *  - distinctive words and letters of Spanish, Italian, Portuguese, German and Dutch
 *    (ñ, ã, ß, "el", "und", "het"…), which count for "other".
 * A text whose letters are mostly non-Latin (Arabic, Cyrillic, CJK…) is 'other'.
 * The word lists decide when the leading language has at least 2 points and
 * leads by at least 1 (and the other-language cues do not match it); otherwise
 * eld answers (on the text without URLs, handles and '#'), and when eld says
 * neither French nor English, a lean of the word lists still wins over 'other'.
 *
 * Limits: one or two words are often not enough ("Super !" may be 'other');
 * mixed-language texts go to the majority; Spanish, Italian or
 * Portuguese texts that avoid the listed words can be taken for French, German
 * or Dutch ones for English; franglais and SMS spellings ("jsp", "stp") are
 * weak evidence; the text is not normalised beyond lower-casing. eld's own
 * limits apply to the texts it decides (hashtag-only tweets, product names).
 */

import { eld } from 'eld/extrasmall';
import type { Lang } from './types';

const FR_WORDS: ReadonlySet<string> = new Set(
  (
    'le la les un une des du de et est sont suis je tu il elle nous vous ils elles ce cet cette ces ça ' +
    'mon ma mes ton ta tes sa ses notre nos votre vos leur leurs qui que quoi dont où ou mais donc car ' +
    'pas ne rien jamais très trop aussi avec sans pour par dans sur sous chez vers au aux avoir ai avez ont ' +
    'été être fait faire moi toi lui eux bien merci bonjour salut oui non alors encore déjà toujours quand ' +
    'comme comment pourquoi parce tout tous toute toutes même autre fois peu beaucoup vraiment enfin voilà ' +
    'cela ceci celui quel quelle si était avait sera peut faut veux vais va vont était avons nul génial ' +
    'ici là entre après avant depuis chaque mais puis cette'
  ).split(' '),
);

const EN_WORDS: ReadonlySet<string> = new Set(
  (
    'the and is are was were be been being to of in for with my your you i it this that these those not ' +
    'have has had do does did can will would could should just at from by we they he she what why how so ' +
    'but if our their there here get got thanks thank please still again all any about after before out ' +
    'up now new only very really when who which than then them him her his am its been yet because ' +
    'great good love hate bad worst best never'
  ).split(' '),
);

/** Frequent words that are distinctive of other Latin-script languages. */
const OTHER_WORDS: ReadonlySet<string> = new Set(
  (
    'el los las y es por con una muy pero está estoy esto eso hola gracias del tengo ' + // es
    'della che sono gli questo molto grazie anche perché ' + // it
    'não você uma muito obrigado obrigada isso então ' + // pt
    'der die das und ist nicht ich sie ein eine mit auf auch danke wir ' + // de
    'het een niet ik zijn wat voor maar ook' // nl
  ).split(' '),
);

const FR_ELISIONS: ReadonlySet<string> = new Set([
  'l', 'd', 'j', 'c', 'n', 's', 'm', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'aujourd',
]);
const EN_CONTRACTIONS: ReadonlySet<string> = new Set(['t', 's', 're', 'm', 'll', 've', 'd']);

const FR_DIACRITICS = /[àâçéèêëîïôûùÿœæ]/;
const OTHER_LETTERS = /[áíóúñãõßäö¿¡]/;
const STRIP = /https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+/gu;
const WORDS = /\p{L}+(?:['’]\p{L}+)*/gu;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** Only this many characters are looked at. */
const MAX_DETECT = 5000;
/** eld sees at most this many characters (its n-gram scoring is linear in the length). */
const ELD_SAMPLE = 1000;
const HASH = /#/g;

/** Evidence counts for one text (see the module comment). */
export interface LanguageEvidence {
  fr: number;
  en: number;
  other: number;
  /** The letters are mostly non-Latin (or there are none). */
  nonLatin: boolean;
}

/** The word-list evidence of the first MAX_DETECT characters (URLs and @mentions removed). */
export function languageEvidence(text: string): LanguageEvidence {
  const sample = text.slice(0, MAX_DETECT).replace(STRIP, ' ');

  let latin = 0;
  let nonLatin = 0;
  let ascii = true;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
      continue;
    }
    ascii = false;
    // A surrogate pair is one character: read it whole, once.
    const ch = String.fromCodePoint(sample.codePointAt(i)!);
    if (ch.length === 2) i++;
    if (LETTER.test(ch)) {
      if (LATIN.test(ch)) latin++;
      else nonLatin++;
    }
  }
  if (latin === 0 || nonLatin > latin) return { fr: 0, en: 0, other: 0, nonLatin: true };

  let fr = 0;
  let en = 0;
  let oth = 0;
  for (const m of sample.toLowerCase().matchAll(WORDS)) {
    const word = m[0];
    const parts = word.includes("'") || word.includes('’') ? word.split(/['’]/) : null;
    if (parts !== null) {
      const head = parts[0]!;
      const tail = parts[parts.length - 1]!;
      if (FR_ELISIONS.has(head)) {
        fr += 1.5;
        if (FR_WORDS.has(parts[1]!)) fr += 1;
      } else if (EN_CONTRACTIONS.has(tail)) {
        en += 1.5;
      }
    } else {
      if (FR_WORDS.has(word)) fr += 1;
      if (EN_WORDS.has(word)) en += 1;
      if (OTHER_WORDS.has(word)) oth += 1;
    }
    if (!ascii) {
      if (FR_DIACRITICS.test(word)) fr += 1;
      if (OTHER_LETTERS.test(word)) oth += 1;
    }
  }
  return { fr, en, other: oth, nonLatin: false };
}

/** The decision from the word lists alone: null when the evidence is too thin or too close to call. */
export function decideFromEvidence(e: LanguageEvidence): Lang | null {
  if (e.nonLatin) return 'other';
  const best = Math.max(e.fr, e.en);
  if (best < 2 || e.other >= best) return null;
  if (e.fr - e.en >= 1) return 'fr';
  if (e.en - e.fr >= 1) return 'en';
  return null;
}

/** eld's ISO 639-1 answer for the cleaned sample, folded into fr / en / other. */
function eldLanguage(text: string): Lang {
  const sample = text.slice(0, ELD_SAMPLE).replace(STRIP, ' ').replace(HASH, ' ');
  const code = eld.detect(sample).language;
  return code === 'fr' ? 'fr' : code === 'en' ? 'en' : 'other';
}

/**
 * French, English or other; see the module comment for the method and its limits.
 * The word lists decide when their evidence is clear (most texts, ~130,000 texts/s);
 * otherwise eld (n-gram detector, 60 languages) decides.
 */
export function detectLanguage(text: string): Lang {
  const evidence = languageEvidence(text);
  const decided = decideFromEvidence(evidence);
  if (decided !== null) return decided;
  const byEld = eldLanguage(text);
  if (byEld !== 'other') return byEld;
  // eld saw another language (or nothing): a lean of the word lists still wins over "other".
  if (evidence.other === 0 && evidence.fr !== evidence.en) return evidence.fr > evidence.en ? 'fr' : 'en';
  return 'other';
}
