/**
 * A small, fast, dependency-free French / English / other detector for short
 * social texts (tweets, comments, reviews).
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
 * The language with the most evidence wins; a tie, no evidence, or a text whose
 * letters are mostly non-Latin (Arabic, Cyrillic, CJK…) gives 'other'.
 *
 * Limits: one or two words are often not enough ("Super !" is 'other', "Top" is
 * 'other'); mixed-language texts go to the majority; Spanish, Italian or
 * Portuguese texts that avoid the listed words can be taken for French, German
 * or Dutch ones for English; franglais and SMS spellings ("jsp", "stp") are
 * weak evidence; the text is not normalised beyond lower-casing. A later issue
 * may replace it with a measured library (eld, tinyld).
 */

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

/** French, English or other; see the module comment for the method and its limits. */
export function detectLanguage(text: string): Lang {
  const sample = text.slice(0, MAX_DETECT).replace(STRIP, ' ');

  let latin = 0;
  let other = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
    } else if (LETTER.test(ch)) {
      if (LATIN.test(ch)) latin++;
      else other++;
    }
  }
  if (latin === 0 || other > latin) return 'other';

  let fr = 0;
  let en = 0;
  let oth = 0;
  for (const m of sample.toLowerCase().matchAll(WORDS)) {
    const word = m[0];
    const parts = word.split(/['’]/);
    if (parts.length > 1) {
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
    if (FR_DIACRITICS.test(word)) fr += 1;
    if (OTHER_LETTERS.test(word)) oth += 1;
  }

  const best = Math.max(fr, en);
  if (best < 1 || oth >= best) return 'other';
  if (fr > en) return 'fr';
  if (en > fr) return 'en';
  return 'other';
}
