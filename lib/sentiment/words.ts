/**
 * The word tokens the English meta-model's word scores are looked up with
 * (see `meta.ts`): lower-cased words as GloVe spells them, from a text already
 * truncated, hashtag-expanded and masked. Web addresses and @mentions are
 * dropped (the training tweets have none: TweetEval removed the links and
 * anonymised the users). Runs of 3+ letters become 2 ("goooood" → "good"). "don't" gives "do" + "not", "can't" "can" + "not";
 * other clitics ("'s", "'re", "'ll"…) are dropped.
 *
 * Negation: the (up to) NEGATION_SCOPE words after a negator ("not", "no",
 * "never", "n't"…), within the same clause (a . , ! ? ; : ends it), except
 * function words ("at", "all", "very"…), come out prefixed with NEGATED ("!bad"): the model reads them with the opposite sign
 * (their vector, and so their word scores, negated), in training and at run
 * time alike, so "not bad" does not count as "bad".
 */

const URL_OR_MENTION = /\bhttps?:\/\/\S*|\bwww\.\S*|@\w+/giu;
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const ELONGATED = /(\p{L})\1\1/u;
const RUN3 = /(\p{L})\1{2,}/gu;

/**
 * The word part is a sum over the text's tokens divided by max(tokens, this):
 * a plain mean for ordinary texts, damped for very short ones ("landed :)",
 * "not bad at all"), where a couple of words' vectors would otherwise outweigh
 * the lexicon cue. Training (scripts/train-sentiment.ts) divides the same way.
 */
export const MIN_WORD_DIVISOR = 6;

/** Marks a word inside a negation's scope. */
export const NEGATED = '!';
export const NEGATION_SCOPE = 3;
const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'nor', 'cannot', 'without', 'neither']);
const CLAUSE_END = /[.,!?;:]/u;
/** Function words keep their sign inside a negation's scope ("not bad at all": only "bad" flips). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the at all to of in on for with by from that this it its is are was were be been being so very too really quite that much any even as up'.split(' '),
);

/** Irregular negated contractions ("can't" → "can not"); the others are X + "n't". */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'],
  "won't": ['will', 'not'],
  "ain't": ['is', 'not'],
  "shan't": ['shall', 'not'],
};

/** Lower-cased word tokens of `text` (at most `max`); words in a negation's scope carry the NEGATED prefix. */
export function wordTokens(text: string, max = 400): string[] {
  const out: string[] = [];
  const clean =
    text.includes('@') || text.includes('http') || text.includes('www.') ? text.replace(URL_OR_MENTION, ' ') : text;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let scope = 0;
  let last = 0;
  const push = (w: string) => {
    if (NEGATORS.has(w)) {
      out.push(w);
      scope = NEGATION_SCOPE;
    } else if (scope > 0) {
      out.push(FUNCTION_WORDS.has(w) ? w : NEGATED + w);
      scope--;
    } else out.push(w);
  };
  while ((m = WORD.exec(clean)) !== null && out.length < max) {
    if (scope > 0 && CLAUSE_END.test(clean.slice(last, m.index))) scope = 0;
    last = m.index + m[0].length;
    let w = m[0].toLowerCase();
    if (ELONGATED.test(w)) w = w.replace(RUN3, '$1$1'); // "goooood" -> "good"
    let q = w.indexOf("'");
    if (q < 0) q = w.indexOf('’');
    if (q < 0) {
      push(w);
      continue;
    }
    const a = w.replace('’', "'");
    const irregular = IRREGULAR[a];
    if (irregular) irregular.forEach(push);
    else if (a.endsWith("n't") && a.length > 3) {
      push(a.slice(0, -3));
      push('not');
    } else push(a.slice(0, q));
  }
  return out;
}
