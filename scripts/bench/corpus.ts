/**
 * Pure, deterministic parts of `npm run bench` (scripts/bench.ts): a seeded
 * PRNG, brand dictionaries, French/English social-media text, the naive
 * RegExp-loop baseline and the X-like feed posts. No I/O, no browser, so the
 * unit tests (tests/unit/cli/bench.test.ts) run them as they are.
 */
import { foldTerm } from '../../lib/brands/normalize';
import type { Brand } from '../../lib/brands/types';

/** mulberry32: a small seeded PRNG, so every run generates the same texts. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

// ─── Words ───────────────────────────────────────────────────────────────────

/** Common French words of social posts and reviews (accents included). */
export const FR_WORDS = (
  'le la les un une des du de et ou mais donc car ni que qui quoi dont où je tu il elle on nous vous ils elles ' +
  'mon ma mes ton ta tes son sa ses notre votre leur ce cette ces très trop peu plus moins bien mal encore déjà ' +
  'toujours jamais souvent parfois aujourd’hui hier demain vraiment franchement carrément super génial nul top ' +
  'merci bonjour salut service client commande livraison colis retard remboursement produit qualité prix cher ' +
  'promo offre magasin boutique équipe vendeur caisse attente téléphone appli site compte problème réponse ' +
  'question avis expérience déçu déçue content contente ravi ravie satisfait énervé fatigué incroyable horrible ' +
  'excellent parfait moyen correct rapide lent propre sale froid chaud café thé croissant pain gâteau repas ' +
  'déjeuner dîner menu plat dessert serveur serveuse accueil ambiance terrasse quartier ville Paris Lyon ' +
  'Marseille Bordeaux Lille Nantes métro train gare voiture vélo semaine mois année jour soir matin week-end ' +
  'été hiver printemps automne fête Noël anniversaire cadeau famille amis enfants collègues travail bureau ' +
  'réunion projet idée question envie besoin fois chose truc gens monde personne tout rien chaque autre même ' +
  'être avoir faire dire aller voir savoir pouvoir vouloir venir prendre mettre donner trouver penser aimer ' +
  'acheter payer attendre essayer recommander conseiller changer ouvrir fermer appeler écrire répondre ' +
  'est sont était ai as a avons avez ont suis es sommes êtes fait dit vu pris mis reçu perdu trouvé commandé ' +
  'livré payé attendu essayé recommandé adoré détesté testé goûté passé resté allé venu arrivé parti ' +
  'honnêtement clairement évidemment heureusement malheureusement enfin bref voilà ouais bah bon ah oh ' +
  'l’équipe l’accueil l’appli d’abord d’ailleurs qu’il qu’elle c’est j’ai j’adore n’est s’il jusqu’à'
).split(/\s+/u);

/** Common English words of social posts and reviews. */
export const EN_WORDS = (
  'the a an and or but so because if when while with without for from to of in on at by about into over ' +
  'after before under again I you he she it we they me him her us them my your his its our their this that ' +
  'these those very really too quite just still already always never often sometimes today yesterday tomorrow ' +
  'honestly literally totally super great awesome terrible awful bad good nice amazing love hate like thanks ' +
  'hello hi service customer order delivery package delay refund product quality price expensive cheap deal ' +
  'store shop team staff checkout queue phone app website account problem answer question review experience ' +
  'disappointed happy glad satisfied angry tired incredible horrible excellent perfect average fine fast slow ' +
  'clean dirty cold hot coffee tea bagel bread cake meal lunch dinner menu dish dessert waiter waitress ' +
  'welcome vibe patio neighborhood city London Paris Berlin Toronto Austin subway train station car bike week ' +
  'month year day night morning weekend summer winter spring fall party Christmas birthday gift family ' +
  'friends kids coworkers work office meeting project idea need time thing stuff people everyone nothing ' +
  'every other same be have do say go see know can want come take put give find think buy pay wait try ' +
  'recommend change open close call write reply is are was were has had did said seen took got lost found ' +
  'ordered delivered paid waited tried loved hated tested tasted stayed went came arrived left ' +
  "clearly obviously luckily unfortunately anyway well yeah ok oh wow lol tbh imo fyi don't can't won't it's " +
  "I'm you're they're that's there's wasn't isn't didn't couldn't shouldn't"
).split(/\s+/u);

const EMOJIS = ['😡', '😍', '🙏', '👍', '👎', '🔥', '☕', '😂', '😭', '🤔', '✨', '💸', '📦', '🚚', '❤️', '👏🏽', '🤷‍♀️'];
const PUNCT = ['.', '.', '.', '!', '?', '…', ' !', ' ?', '!!', '...'];

// ─── Brands: 500 terms ───────────────────────────────────────────────────────

const NAME_HEADS = [
  'Maison', 'Café', 'Brasserie', 'Boulangerie', 'Atelier', 'Comptoir', 'Librairie', 'Pharmacie', 'Garage', 'Hôtel',
  'Studio', 'Nordic', 'Urban', 'Green', 'Blue', 'Golden', 'Silver', 'Royal', 'Crédit', 'Banque',
];
const NAME_TAILS = [
  'Dufresne', 'Lumière', 'Étoile', 'Lévêque', 'Moreau', 'Bérénice', 'Azur', 'Océane', 'Châtelet', 'Rivière',
  'Harbor', 'Summit', 'Pioneer', 'Lantern', 'Maple', 'Falcon', 'Orchard', 'Beacon', 'Meridian', 'Nimbus',
];
const COINED = ['Zenora', 'Kalyx', 'Vostra', 'Quellio', 'Brisé', 'Nuvéa', 'Telmo', 'Ardentis', 'Solvéa', 'Mirako', 'Pexio', 'Ulmara', 'Fénix', 'Corvia', 'Lunetto'];

const asciiFold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const compact = (s: string) => asciiFold(s).replace(/[^\p{L}\p{N}]+/gu, '');

/** A plausible misspelling: one letter doubled, dropped or swapped, accents lost. */
function misspell(r: () => number, name: string): string {
  const s = asciiFold(name);
  const i = 1 + Math.floor(r() * Math.max(1, s.length - 2));
  const op = Math.floor(r() * 3);
  if (op === 0) return s.slice(0, i) + s[i] + s.slice(i);
  if (op === 1 && s.length > 4) return s.slice(0, i) + s.slice(i + 1);
  return s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1);
}

/**
 * `count` brands of five terms each (name, alias, misspelling, @handle,
 * #hashtag), so 100 brands = 500 terms; some names carry accents, every term
 * is distinct. Deterministic.
 */
export function generateBrands(count = 100, seed = 7): Brand[] {
  const r = rng(seed);
  const brands: Brand[] = [];
  const used = new Set<string>();
  let attempt = 0;
  while (brands.length < count && attempt < count * 100) {
    attempt++;
    const style = r();
    const name =
      style < 0.5
        ? `${pick(r, NAME_HEADS)} ${pick(r, NAME_TAILS)}`
        : style < 0.8
          ? `${pick(r, COINED)}${r() < 0.5 ? '' : ' ' + pick(r, ['Mobile', 'Énergie', 'Café', 'Labs', 'Bank', 'Beauté', 'Télécom', 'Auto'])}`
          : `${pick(r, NAME_TAILS)} & ${pick(r, NAME_TAILS)}`;
    const alias = r() < 0.5 ? `${name} ${pick(r, ['France', 'Paris', 'Officiel', 'Group', 'Store'])}` : `Les ${name}`;
    const terms = [name, alias, misspell(r, name), '@' + compact(name) + pick(r, ['', '_fr', 'FR', 'Officiel', '_help']), '#' + compact(name)];
    // Distinct as the matcher sees them (folded).
    const keys = terms.map((t) => foldTerm(t));
    if (keys.some((k) => used.has(k)) || new Set(keys).size !== keys.length) continue;
    for (const k of keys) used.add(k);
    brands.push({
      id: 'b' + brands.length,
      name,
      aliases: [alias],
      misspellings: [terms[2]!],
      handles: [terms[3]!],
      hashtags: [terms[4]!],
      exclusions: [],
      competitor: brands.length % 5 === 0,
    });
  }
  return brands;
}

/** Every term of the brands, as written (what the RegExp loop compiles, one RegExp each). */
export function brandTerms(brands: readonly Brand[]): string[] {
  return brands.flatMap((b) => [b.name, ...b.aliases, ...b.misspellings, ...b.handles, ...b.hashtags, ...b.exclusions]);
}

// ─── Text ────────────────────────────────────────────────────────────────────

/** How a post writes a brand term: as is, lower case, upper case, accents lost, l'/d' elision, possessive. */
function mention(r: () => number, term: string, fr: boolean): string {
  const x = r();
  let t = x < 0.4 ? term : x < 0.6 ? term.toLowerCase() : x < 0.7 ? term.toUpperCase() : x < 0.85 ? asciiFold(term) : term;
  if (!t.startsWith('@') && !t.startsWith('#')) {
    const y = r();
    if (fr && y < 0.15) t = pick(r, ["l'", 'l’', "d'", 'chez ']) + t;
    else if (!fr && y < 0.15) t = t + pick(r, ["'s", '’s']);
  }
  return t;
}

export interface PostOptions {
  /** Share of posts that name one of `terms`. */
  mentionRate: number;
  /** Terms a mention is drawn from. */
  terms: readonly string[];
}

/** One social post (1–4 sentences, FR or EN, emojis, @mentions, #tags, links), maybe naming a term. */
export function generatePost(r: () => number, opts: PostOptions): string {
  const fr = r() < 0.55;
  const words = fr ? FR_WORDS : EN_WORDS;
  const sentences: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let s = 0; s < n; s++) {
    const len = 4 + Math.floor(r() * 16);
    const ws: string[] = [];
    for (let w = 0; w < len; w++) {
      const z = r();
      if (z < 0.015) ws.push('@' + pick(r, words).replace(/[^\p{L}]/gu, '') + Math.floor(r() * 100));
      else if (z < 0.025) ws.push('#' + pick(r, words).replace(/[^\p{L}]/gu, ''));
      else if (z < 0.03) ws.push(String(Math.floor(r() * 500)) + pick(r, ['€', ' €', '$', '%', 'h', ' min']));
      else if (z < 0.04) ws.push(pick(r, EMOJIS));
      else ws.push(pick(r, words));
    }
    let sentence = ws.join(' ');
    sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1) + pick(r, PUNCT);
    sentences.push(sentence);
  }
  if (r() < opts.mentionRate && opts.terms.length) {
    const s = Math.floor(r() * sentences.length);
    const ws = sentences[s]!.split(' ');
    ws.splice(Math.floor(r() * (ws.length + 1)), 0, mention(r, pick(r, opts.terms), fr));
    sentences[s] = ws.join(' ');
  }
  if (r() < 0.05) sentences.push(`https://example.${fr ? 'fr' : 'com'}/${pick(r, words).replace(/[^\p{L}]/gu, '')}/${Math.floor(r() * 1e6)}`);
  if (r() < 0.2) sentences.push(pick(r, EMOJIS));
  return sentences.join(' ');
}

/**
 * Posts of about `minBytes` UTF-8 bytes in all, grouped into documents of
 * about `docBytes` (posts joined by newlines, as a page or a thread would hold
 * them). Deterministic.
 */
export function generateCorpus(minBytes: number, opts: PostOptions & { seed?: number; docBytes?: number }): { docs: string[]; posts: number; bytes: number } {
  const r = rng(opts.seed ?? 42);
  const docBytes = opts.docBytes ?? 1_000_000;
  const docs: string[] = [];
  let current: string[] = [];
  let currentBytes = 0;
  let bytes = 0;
  let posts = 0;
  while (bytes < minBytes) {
    const p = generatePost(r, opts);
    const b = Buffer.byteLength(p, 'utf8') + 1;
    current.push(p);
    currentBytes += b;
    bytes += b;
    posts++;
    if (currentBytes >= docBytes) {
      docs.push(current.join('\n'));
      current = [];
      currentBytes = 0;
    }
  }
  if (current.length) docs.push(current.join('\n'));
  return { docs, posts, bytes };
}

// ─── The naive baseline ──────────────────────────────────────────────────────

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** One case-insensitive, word-bounded RegExp per term: what a naive content script would do. */
export function compileRegexLoop(terms: readonly string[]): RegExp[] {
  return terms.map((t) => new RegExp('(?<![\\p{L}\\p{N}_])' + escapeRegExp(t) + '(?![\\p{L}\\p{N}_])', 'giu'));
}

/** Indexes of the terms a text names, by the RegExp loop (each RegExp stops at its first hit). */
export function regexLoopMatch(regexps: readonly RegExp[], text: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < regexps.length; i++) {
    const re = regexps[i]!;
    re.lastIndex = 0;
    if (re.test(text)) found.push(i);
  }
  return found;
}

// ─── The X-like feed ─────────────────────────────────────────────────────────

/** One feed post as the bench page renders it (scripts/bench/feed.ts). */
export interface FeedPost {
  id: string;
  name: string;
  handle: string;
  datetime: string;
  text: string;
}

/** The terms of the demo brand "Acme" the feed posts name (lib/brands/demo.ts). */
export const FEED_TERMS = ['Acme', 'Acme', 'Acme', 'Acme Café', 'Cafés Acme', '@AcmeFrance', '@acme_cafe', '#Acme', '#AcmeCafe', 'Akme'];

const FIRST = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Jules', 'Zoé', 'Amir', 'Sofia', 'Noah', 'Emma', 'Liam', 'Olivia', 'Yanis', 'Maëlle', 'Théo', 'Anaïs'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Garcia', 'Nguyen', 'Smith', 'Johnson', 'Moreau', 'Laurent', 'Rousseau', 'Brown', 'Fontaine', 'Chevalier'];

/** `count` X-like posts, about `mentionRate` of them naming the demo brand; unique status ids. */
export function generateFeedPosts(count: number, mentionRate = 0.05, seed = 99): FeedPost[] {
  const r = rng(seed);
  const posts: FeedPost[] = [];
  const t0 = Date.UTC(2025, 10, 20, 12, 0, 0);
  for (let i = 0; i < count; i++) {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const handle = asciiFold(first + last).replace(/[^\w]/gu, '').slice(0, 11) + Math.floor(r() * 1000);
    posts.push({
      id: String(1990000000000000000n + BigInt(i)),
      name: `${first} ${last}`,
      handle,
      datetime: new Date(t0 - i * 37_000).toISOString(),
      text: generatePost(r, { mentionRate, terms: FEED_TERMS }),
    });
  }
  return posts;
}
