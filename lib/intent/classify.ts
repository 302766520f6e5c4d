/**
 * Intent of a short social text or review, French or English: a first,
 * rule-based version. Several intents may hold at once ("Still no refund,
 * can you help?" is a complaint, a request and a question); 'other' is
 * returned alone when none does.
 *
 *  - question: a question mark, or an interrogative form — a question word or
 *    an auxiliary opening a sentence ("how do I", "is there", "comment",
 *    "pourquoi"), French inversion ("pouvez-vous", "y a-t-il"), "est-ce que",
 *    or an indirect question ("I want to know", "je me demande").
 *  - request: asking the brand to act — help / aide, refund / remboursement,
 *    cancel / annuler / résilier, delivery / livraison / colis, replace,
 *    unblock…; request forms ("I need", "I want", "can you", "could you",
 *    "please", "j'aimerais", "je voudrais", "merci de", "svp") and imperatives
 *    opening a sentence ("send me…", "envoyez-moi…"). A first-person report of
 *    a service failure ("my top-up didn't go through", "je n'ai pas reçu mon
 *    colis") is a request too: the customer expects the brand to fix it.
 *  - complaint: a problem cue — a failure (late / retard, lost / perdu, broken
 *    / cassé, never received / jamais reçu, still waiting / toujours pas,
 *    cancelled flight, charged twice, "doesn't work" / "ne marche pas"…) or a
 *    grievance (customer service / service client, rude, ignored, refund…) —
 *    unless the text is positive and thanks or praises; or a strongly negative
 *    word (worst, scam, #fail / pire, honte, inadmissible…) in a text that is
 *    not positive; or a negative text (or a 1–2 star rating) that asks or
 *    requests something; or sarcastic thanks ("thanks for nothing").
 *  - praise: a positive text (or a 4–5 star rating) with a praise cue (thanks,
 *    love, great, recommend, a positive emoji… / merci, bravo, génial, top…),
 *    or explicit thanks / compliments in a text that is neither negative nor
 *    reporting a problem.
 *
 * `opts.sentiment` is the label from the sentiment scorer (the caller runs it
 * first); without it, only the cues decide. `opts.lang` limits the cues to
 * that language; without it (or 'other') both languages' cues are used.
 * Matching is case- and accent-insensitive; URLs and @mentions are ignored,
 * hashtags are read as words ("#NeverAgain" → "never again").
 */

export const INTENTS = ['complaint', 'question', 'request', 'praise', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentOptions {
  lang?: 'fr' | 'en' | 'other';
  sentiment?: 'positive' | 'neutral' | 'negative';
  rating?: number | null;
}

/** Only this many characters are looked at. */
const MAX_CHARS = 5000;

/** Cue patterns of one language, written for lower-case, accent-folded text. */
interface CueSet {
  question: RegExp;
  request: RegExp;
  /** A service failure: something did not happen, arrive or work as expected. */
  failure: RegExp;
  /** A grievance that is not a failure by itself (bad service, waiting, fees…). */
  grievance: RegExp;
  strongNegative: RegExp;
  /** Praise cues, counted when the text is positive. */
  praise: RegExp;
  /** Explicit thanks or compliments, counted unless the text is negative or reports a problem. */
  explicitPraise: RegExp;
  /** Sarcastic or refused thanks ("thanks for nothing", "non merci"). */
  falsePraise: RegExp;
  firstPerson: RegExp;
  /** Addressing the brand ("you", "your", "vous", "votre"). */
  secondPerson: RegExp;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_EDGE = /[\p{L}\p{N}]/u;

/**
 * Word-bounded alternation of literal phrases (already folded; a space matches
 * any run of spaces). A phrase that ends with an apostrophe ("j'", "merci d'")
 * may be followed by a letter.
 */
function words(list: readonly string[]): string {
  // Phrases with a word character at both ends share one pair of boundary checks
  // ("(?<!x)(?:late|delay|…)(?!x)"): far cheaper for the regex engine than one
  // lookbehind per alternative, and the same matches.
  const bounded: string[] = [];
  const other: string[] = [];
  for (const w of list) {
    const body = escape(w).replace(/ /g, '\\s+');
    const before = WORD_EDGE.test(w[0] ?? '');
    const after = WORD_EDGE.test(w[w.length - 1] ?? '');
    if (before && after) bounded.push(body);
    else other.push(`${before ? NOT_WORD_BEFORE : ''}${body}${after ? NOT_WORD_AFTER : ''}`);
  }
  // Longest first, so a phrase wins over its own prefix inside the group ("thank you" before "thank").
  bounded.sort((a, b) => b.length - a.length);
  const alts = bounded.length > 0 ? [`${NOT_WORD_BEFORE}(?:${bounded.join('|')})${NOT_WORD_AFTER}`, ...other] : other;
  return `(?:${alts.join('|')})`;
}

/** Start of the text or of a sentence (after . ! ? ; : newline or a dash). */
const OPENING = '(?:^|[.!?;:\\n]\\s*|\\s[-–—]\\s*)';

/** Regex sources that must open a sentence. */
function opening(sources: readonly string[]): string {
  return `${OPENING}(?:${sources.join('|')})${NOT_WORD_AFTER}`;
}

/**
 * A value built on first use. The cue patterns below are large Unicode regular
 * expressions; building them lazily keeps them off the start-up of every page
 * that merely imports this module (the popup, the options page, the worker).
 */
function lazy<T>(build: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= build());
}

function re(...sources: string[]): RegExp {
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'u');
}

/** Negative emojis and emoticons (grievance cues). */
const NEGATIVE_SYMBOLS = '(?:[😡😠🤬😤😒🙄😞😟😢😭😩😫👎💩😑😐🤦]|(?<![\\p{L}\\p{N}]):-?\\((?!\\p{L})|>:\\()';

/** Positive emojis and emoticons (praise cues when the text is positive). */
const POSITIVE_SYMBOLS = '(?:[❤♥💙💚💛💜🧡💕💖💗💓💞😍🥰😘😊☺🙂😀😃😄😁😆👍👏🙌💯🎉⭐🌟✨🙏]|(?<![\\p{L}\\p{N}]):-?[)D]|(?<![\\p{L}\\p{N}]);-?\\)|<3)';

// ---------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------

const EN_AUX = [
  'is', 'are', 'am', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'shall',
  'may', 'might', 'have', 'has', 'had', "isn't", "aren't", "wasn't", "don't", "doesn't", "didn't", "can't",
  "won't", "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't", 'isnt', 'arent', 'dont', 'doesnt', 'didnt',
  'cant', 'wont',
].join('|');
const EN_SUBJECT = 'i|you|we|it|they|he|she|there|this|that|my|your|the|any|anyone|someone|somebody|u|ya|y\'all|yall';
/** Negation before an expected outcome ("didn't arrive", "has not gone through", "isn't working"). */
const EN_NEG =
  "(?:(?:is|are|was|were|do|does|did|has|have|had|ca|could|wo|would|should|ai)n'?t|can'?t|cannot|not|never|no longer|yet to)";
const EN_OUTCOME = [
  'work', 'works', 'working', 'worked', 'arrive', 'arrived', 'arriving', 'receive', 'received', 'recieved', 'recived',
  'come', 'came', 'go through', 'gone through', 'going through', 'went through', 'show', 'shown', 'showing', 'showed',
  'show up', 'showed up', 'appear', 'appeared', 'appearing', 'available', 'accepted', 'allowed', 'refunded',
  'delivered', 'processed', 'credited', 'reflected', 'updated', 'recogni[sz]e', 'recogni[sz]ed', 'load', 'loading',
  'connect', 'connecting', 'verified', 'verify', 'returned', 'back', 'answer', 'answered', 'respond', 'responded',
  'reply', 'replied', 'called back', 'get through', 'got through', 'fixed', 'resolved', 'here', 'there', 'mine',
  'authori[sz]ed', 'made', 'make', 'do', 'did', 'get', 'got', 'let', 'letting', 'happen', 'happened',
].join('|');

const EN = lazy((): CueSet => ({
  question: re(
    // Question word opening a sentence; not the exclamative "what a…" / "how nice…".
    opening([
      'why', 'what(?!\\s+an?\\s)', "what's", 'whats', 'when', 'where', "where's", 'wheres', 'which', 'who', 'whom',
      'whose', "how's", 'hows', `how\\s+(?:${EN_AUX}|to|long|much|many|come|about|often|soon|far|else)`,
    ]),
    // Auxiliary + subject opening a sentence: "is there…", "can I…", "do you…".
    `${OPENING}(?:${EN_AUX})\\s+(?:${EN_SUBJECT})${NOT_WORD_AFTER}`,
    words([
      'i want to know', 'i would like to know', "i'd like to know", 'i need to know', 'wondering', 'i wonder',
      'any idea', 'any ideas', 'anyone know', 'does anyone', 'do you know', 'can you tell me', 'could you tell me',
      'please tell me', 'tell me how', 'tell me why', 'tell me what', 'tell me if', 'explain', 'not sure how',
      'not sure why', 'not sure if', "don't know how", "don't know why", "don't know what", "don't understand",
      'how to', 'how long', 'how much', 'how many', 'how do i', 'how can i', 'how does', 'is it possible',
      'is there a way', 'is there any', 'what happens', 'what happened', "what's going on", 'what is going on',
      'where is my', 'where are my', 'when will', 'when can', 'when do', 'when does', 'what do i', 'what should i',
      'what can i', 'can i', 'do i have to', 'do i need to', 'am i able', 'are there',
    ]),
    `${NOT_WORD_BEFORE}why\\s+(?:${EN_AUX})${NOT_WORD_AFTER}`,
  ),
  request: re(
    words([
      'help', 'assist', 'assistance', 'refund', 'refunds', 'reimburse', 'reimbursement', 'compensate', 'compensation',
      'voucher', 'cancel', 'cancelled my', 'cancellation', 'rebook', 'reschedule', 'change my', 'switch my', 'replace',
      'replacement', 'exchange', 'delivery', 'deliver', 'shipping', 'shipment', 'package', 'parcel', 'tracking',
      'my order', 'i need', 'we need', 'need to', 'need a', 'need my', 'i want', 'we want', 'i wanted to', "i'd like",
      'i would like', "i'd rather", 'i require', 'i am trying', "i'm trying", 'i tried', 'trying to', 'can you',
      'could you', 'would you', 'will you', 'can u', 'could u', 'can someone', 'can anyone', 'could someone', 'please',
      'pls', 'plz', 'kindly', 'let me know', 'let us know', 'tell me', 'send me', 'give me', 'get me', 'call me',
      'email me', 'dm me', 'dm us', 'please dm', 'send a dm', 'direct message', 'contact me', 'reach out',
      'get back to me', 'fix', 'resolve', 'sort out', 'look into', 'check on', 'reset', 'unlock', 'unblock',
      'activate', 'deactivate', 'update my', 'close my', 'delete my', 'block my', 'freeze my', 'stop my',
      'is it possible', 'how do i', 'how can i', 'where can i', 'where do i', 'what do i', 'what should i',
    ]),
    // An imperative opening a sentence: "send me…", "fix it", "delete my account".
    opening([
      'send', 'give', 'call me', 'call us', 'email', 'dm', 'fix', 'help', 'cancel', 'refund', 'delete', 'remove',
      'block', 'unblock', 'close', 'change', 'update', 'reset', 'stop', 'tell', 'explain', 'contact', 'let me',
      'let us', 'make sure', 'look into',
    ]),
  ),
  failure: re(
    `${NOT_WORD_BEFORE}${EN_NEG}\\s+(?:\\p{L}+\\s+){0,2}?(?:${EN_OUTCOME})${NOT_WORD_AFTER}`,
    words([
      'late', 'delay', 'delays', 'delayed', 'lost', 'missing', 'missed', 'broken', 'broke', 'damaged', 'stuck',
      'stranded', 'cancelled', 'canceled', 'cancelled flight', 'cancelled flightled', 'never received', 'never got',
      'never arrived', 'still waiting', 'still no', 'still not', "still haven't", 'still have not', 'still pending',
      'pending', 'on hold', 'overbooked', 'oversold', 'bumped', 'diverted', 'charged twice', 'double charged',
      'double-charged', 'overcharged', 'extra charge', 'duplicate charge', 'duplicate charges', 'hidden fee',
      'unauthorized', 'unauthorised', 'fraudulent', 'stolen', 'stole', 'hacked', 'declined', 'rejected', 'denied',
      'failed', 'fail', 'fails', 'failing', 'error', 'wrong', 'incorrect', 'problem', 'problems', 'issue', 'issues',
      'trouble', 'glitch', 'bug', 'malfunction', 'malfunctioning', 'broken down', 'expired', 'locked out', 'locked',
      'blocked', 'frozen', "can't", 'cant', 'cannot', 'unable', "couldn't", 'couldnt', "won't let", 'no way to',
      'hung up', 'hang up', 'hangs up', 'dropped call', "don't recognize", "don't recognise", 'do not recognize',
      'disappeared', 'vanished', 'forgot', 'forgotten', 'crash', 'crashed', 'crashes', 'crashing', 'double booked',
      'double-booked', 'strand', 'without telling', 'without notice', 'without warning', 'no use', 'no explanation',
      'no explanations', 'nothing happened', 'nothing has happened', 'pushed back', 'supposed to', 'given up',
      'gave up',
    ]),
    // Something expected is missing: "no wifi", "no update", "no luggage", "no one to help".
    `${NOT_WORD_BEFORE}(?:no|zero|0)\\s+(?:\\p{L}+\\s+)?(?:wifi|wi-fi|update|updates|answer|answers|reply|response|info|information|idea|luggage|bags?|baggage|seat|seats|refund|call|callback|call back|email|help|agent|agents|staff|explanation|communication|notice|notification|signal|service|power|food|water|record|confirmation|crew|pilot|gate|movement|progress|compensation|option|options|reason|status)${NOT_WORD_AFTER}`,
    // Still stuck in a situation: "still sitting", "still waiting", "still on the tarmac".
    `${NOT_WORD_BEFORE}still\\s+(?:\\p{L}+ing|on|at|in)${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}(?:sitting|sat|stuck|waiting|standing|waited|wait)\\s+(?:\\p{L}+\\s+){0,2}?(?:gate|tarmac|plane|runway|line|queue|phone|hold|airport|platform|train|station)${NOT_WORD_AFTER}`,
  ),
  grievance: re(
    words([
      'customer service', 'customer care', 'customer support', 'rude', 'unhelpful', 'not helpful', 'no help',
      'useless', 'refused', 'refuse', 'refusing', 'ignore', 'ignored', 'ignoring', 'no answer',
      'no response', 'no reply', 'nobody', 'no one', 'noone', 'waiting for', 'waiting on', 'been waiting',
      'keep waiting', 'wait time', 'hold time', 'for hours', 'hours late', 'too busy', 'lack of', 'poor', 'waste',
      'wasted', 'dirty', 'fee', 'fees', 'charged', 'scam', 'ripoff', 'rip off', 'complaint', 'complain',
      'disappointed', 'disappointing', 'frustrated', 'frustrating', 'unacceptable', 'ridiculous', 'confusing',
      'impossible', 'not fair', 'unfair', 'misleading', 'lied', 'lies', 'lying', 'excuse', 'excuses', 'apology',
      'complaining', 'disconnect', 'disconnects', 'disconnected', 'mess', 'inept', 'shocked', 'confused', 'no clue',
      'avoid', 'subpar', 'shitty', 'bs', 'unfortunately', 'sadly', 'pity', 'expected better', 'do better',
      'better than this', 'you owe me', 'owe me', 'seriously', 'how come', "what's up with", 'whats up with',
      'what happened to', 'what happened with', 'abysmal', 'fiasco', 'slowest', 'understaffed', 'under staffed',
      'too long', 'tired of', 'sick of', 'fed up', 'less than', 'drop the ball', 'dropped the ball', 'sux', 'sad to',
      'forever', 'for days', 'for weeks', 'for an hour', 'a lie', 'uncool',
    ]),
    // A waiting time: "2 hrs", "45 min", "3+ hours".
    `${NOT_WORD_BEFORE}\\d+\\s*\\+?\\s*(?:hours?|hrs?|mins?|minutes|days)${NOT_WORD_AFTER}`,
    // "#brandfail", "#epicfail".
    '\\p{L}{2,}fail(?:s|ed)?(?![\\p{L}\\p{N}])',
    // A negated good: "not acceptable", "not impressed", "wasn't helpful".
    `${NOT_WORD_BEFORE}${EN_NEG}\\s+(?:\\p{L}+\\s+)?(?:good|great|happy|impressed|acceptable|ok|okay|fair|right|nice|helpful|professional|honest|worth it|satisfied|pleased)${NOT_WORD_AFTER}`,
    // A reproachful "why": "why would you…", "why did you…", "why can't I…".
    `${NOT_WORD_BEFORE}why\\s+(?:${EN_AUX})${NOT_WORD_AFTER}`,
    NEGATIVE_SYMBOLS,
  ),
  strongNegative: re(
    words([
      'worst', 'terrible', 'horrible', 'awful', 'disgusting', 'disgrace', 'disgraceful', 'pathetic', 'appalling',
      'atrocious', 'unacceptable', 'ridiculous', 'outrageous', 'absurd', 'joke', 'scam', 'never again', 'neveragain',
      'shame', 'shameful', 'hate', 'furious', 'angry', 'pissed', 'incompetent', 'nightmare', 'sucks', 'suck', 'fuck',
      'fucking', 'wtf', 'smh', 'lies', 'liar', 'liars', 'rude', 'useless', 'hell', 'poor', 'bad', 'horrendous',
      'unbelievable', 'insane', 'clueless', 'garbage', 'trash', 'crap', 'shit',
    ]),
    '\\p{L}{2,}fail(?:s|ed)?(?![\\p{L}\\p{N}])',
  ),
  praise: re(
    words([
      'thank', 'thanks', 'thank you', 'thankyou', 'thx', 'thnx', 'thnk', 'ty', 'tks', 'love', 'loved', 'loving', 'luv',
      'great', 'awesome', 'amazing', 'excellent', 'exceptional', 'fantastic', 'wonderful', 'outstanding', 'best',
      'perfect', 'superb', 'brilliant', 'kudos', 'shoutout', 'shout out', 'props', 'well done', 'good job',
      'great job', 'nice job', 'hats off', 'respect', 'proud', 'appreciate', 'appreciated', 'grateful', 'impressed',
      'impressive', 'happy', 'glad', 'pleasure', 'recommend', 'beautiful', 'lovely', 'nice', 'good', 'cool', 'sweet',
      'rock', 'rocks', 'rocked', 'a+', 'favorite', 'favourite', 'helpful', 'friendly', 'kind', 'smooth', 'easy',
      'quick', 'fast', 'efficient', 'comfortable', 'comfy', 'on time', 'early', 'bravo', 'congrats', 'congratulations',
      'yay', 'woohoo', 'enjoy', 'enjoyed', 'fun', 'excited', "can't wait", 'cant wait', 'looking forward', 'better',
      'never disappoints', 'like a charm', 'lifesaver', 'hero', 'heroes', 'stellar', 'top notch', 'terrific', 'fabulous',
      'incredible', 'delicious', 'yummy', 'classy', 'professional', 'courteous', 'worth',
    ]),
    POSITIVE_SYMBOLS,
  ),
  explicitPraise: re(
    words([
      'thank you', 'thanks', 'thank', 'thx', 'thnx', 'ty', 'kudos', 'shoutout', 'shout out', 'well done', 'great job',
      'good job', 'nice job', 'hats off', 'love you', 'love u', 'you rock', 'you guys rock', 'appreciate it',
      'much appreciated', 'bravo', 'congrats', 'you guys are the best', 'you are the best', "you're the best",
    ]),
  ),
  falsePraise: re(
    words(['thanks for nothing', 'thanks a lot for nothing', 'no thanks', 'no thank you', 'thanks but no']),
    // Sarcastic thanks for a failure: "thank you for cancelling my flight", "thanks for making me miss…".
    `${NOT_WORD_BEFORE}(?:thanks?|thx)\\s+(?:you\\s+|a lot\\s+|so much\\s+)?for\\s+(?:\\p{L}+\\s+){0,2}?(?:nothing|making me|ruining|losing|cancel\\p{L}*|delay\\p{L}*|wasting|sending me|leaving me|stranding|the delay|the wait|breaking)`,
  ),
  firstPerson: re(words(['i', "i'm", 'im', "i've", "i'd", 'my', 'me', 'mine', 'we', "we're", 'our', 'us'])),
  secondPerson: re(words(['you', 'your', 'yours', "you're", 'youre', 'u', 'ur', 'y\'all', 'yall', 'ya'])),
}));

/**
 * "Merci de me rappeler", "merci d'envoyer…": a polite request, not thanks
 * (unlike "merci de votre aide", "merci pour…").
 */
const MERCI_DE = `${NOT_WORD_BEFORE}merci\\s+(?:de\\s+|d')(?!(?:votre|vos|ta|ton|tes|la|le|les|l'|cette|ce|tout|rien|m'avoir|nous avoir|avoir)${NOT_WORD_AFTER})`;
const MERCI_DE_RE = lazy(() => new RegExp(MERCI_DE, 'gu'));

// ---------------------------------------------------------------------------
// French (accent-folded: "reçu" → "recu"; "où" is kept, as "ou" means "or")
// ---------------------------------------------------------------------------

const FR_PRONOUNS = 'je|tu|il|elle|on|nous|vous|ils|elles|ce';
/** Negation before an expected outcome ("n'est pas arrivé", "pas été remboursé", "ne fonctionne plus"). */
const FR_NEG = '(?:pas|plus|jamais|toujours pas|toujours rien|rien)';
const FR_OUTCOME = [
  'recu', 'recue', 'recus', 'arrive', 'arrivee', 'arrives', 'livre', 'livree', 'livres', 'rembourse', 'remboursee',
  'fonctionne', 'marche', 'passe', 'passee', 'valide', 'validee', 'accepte', 'acceptee', 'debloque', 'active',
  'activee', 'credite', 'creditee', 'traite', 'traitee', 'repondu', 'rappele', 'resolu', 'regle', 'reglee', 'envoye',
  'envoyee', 'expedie', 'expediee', 'venu', 'venue', 'possible', 'acces', 'connecter',
].join('|');

const FR = lazy((): CueSet => ({
  question: re(
    words(['est-ce que', 'est ce que', "est-ce qu'", "est ce qu'", "qu'est-ce", "qu'est ce", "n'est-ce pas"]),
    // Inversion: "pouvez-vous", "avez-vous", "y a-t-il", "peut-on", "sait-on" (not "rendez-vous").
    `${NOT_WORD_BEFORE}(?!rendez-)(?:\\p{L}{2,}|a-t)-(?:${FR_PRONOUNS})(?![\\p{L}\\p{N}-])`,
    opening([
      'comment', 'pourquoi', 'quand', 'combien', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'qui',
      'quoi', 'où', 'a quel', 'a quelle', 'a qui', 'de quoi', 'depuis quand', "c'est quand", "c'est normal",
      "c'est possible", 'y a t il', 'il y a moyen', 'on peut', 'je peux', 'peut on',
    ]),
    words([
      'je me demande', 'je voudrais savoir', "j'aimerais savoir", 'je souhaiterais savoir', 'savez-vous', 'sauriez-vous',
      "quelqu'un sait", "quelqu'un a", 'une idee', 'comment faire', 'comment on fait', 'pourquoi', 'combien de temps',
      "c'est normal", 'est-il possible', 'est il possible', 'serait-il possible', 'serait il possible', 'dites-moi',
      'dites moi', 'expliquez', 'savoir si', 'savoir comment', 'savoir pourquoi', 'savoir quand', 'savoir où',
      "c'est où", 'est où', 'sont où',
    ]),
  ),
  request: re(
    words([
      'aide', 'aider', 'aidez', 'aidez-moi', 'help', 'assistance', 'sav', 'rembourser', 'remboursez', 'remboursement',
      'etre rembourse', 'dedommagement', 'dedommager', 'geste commercial', 'compensation', 'annuler', 'annulez',
      'annulation', 'resilier', 'resiliation', 'resiliez', 'desabonner', 'desabonnement', 'livraison', 'livrer',
      'colis', 'ma commande', 'mon colis', 'envoi', 'expedition', 'suivi de', 'echanger', 'remplacer', 'remplacement',
      'reparer', 'reparation', 'changer mon', 'changer ma', 'modifier mon', 'modifier ma', "j'aimerais", 'jaimerais',
      'je voudrais', 'je souhaite', 'je souhaiterais', 'je veux', "j'ai besoin", "besoin d'",
      'pourriez-vous', 'pourriez vous', 'pouvez-vous', 'pouvez vous', 'pourrais-je', 'puis-je', 'peux-tu', 'tu peux',
      'vous pouvez', 'svp', "s'il vous plait", "s'il te plait", 'stp', 'svpl', 'contactez-moi', 'contactez moi',
      'recontacter', 'rappeler', 'rappelez', 'repondre', 'repondez', 'en mp', 'par mp', 'en dm', 'message prive',
      'debloquer', 'activer', 'reinitialiser', 'je cherche', 'faites quelque chose', 'regler', 'reglez', 'resoudre',
      'comment faire',
    ]),
    MERCI_DE,
    // An imperative opening a sentence: "envoyez-moi…", "rendez-moi…", "remboursez…" (not "rendez-vous").
    opening([
      '\\p{L}+ez-(?:moi|nous)', 'envoyez', 'rendez(?!-vous)', 'donnez', 'appelez', 'rappelez', 'contactez', 'remboursez',
      'annulez', 'supprimez', 'bloquez', 'debloquez', 'changez', 'corrigez', 'verifiez', 'regardez', 'expliquez',
      'dites', 'faites',
    ]),
  ),
  failure: re(
    `${NOT_WORD_BEFORE}${FR_NEG}\\s+(?:\\p{L}+\\s+){0,2}?(?:${FR_OUTCOME})${NOT_WORD_AFTER}`,
    words([
      'retard', 'retards', 'en retard', 'retarde', 'retardee', 'perdu', 'perdue', 'perdus', 'perte', 'egare', 'egaree',
      'casse', 'cassee', 'abime', 'abimee', 'endommage', 'defectueux', 'defectueuse', 'panne', 'en panne', 'bloque',
      'bloquee', 'annule', 'annulee', 'jamais recu', 'jamais recue', 'pas recu', 'pas recue', 'toujours pas',
      'toujours rien', 'toujours en attente', "j'attends toujours", 'en attente', 'sans nouvelles', 'aucune nouvelle',
      'preleve deux fois', 'debite deux fois', 'erreur', 'probleme', 'problemes', 'souci', 'soucis', 'bug', 'bugue',
      'ne marche pas', 'marche pas', 'ne marche plus', 'ne fonctionne pas', 'fonctionne pas', 'ne fonctionne plus',
      "n'arrive pas", 'arrive pas', "n'arrive plus", 'impossible de', 'pas possible de', 'vole', 'volee', 'pirate',
      'fraude', 'frauduleux', 'refuse', 'refusee', 'rejete', 'rejetee', 'oublie',
    ]),
  ),
  grievance: re(
    words([
      'service client', 'service clients', 'sav', 'hotline', 'injoignable', 'aucune reponse', 'pas de reponse',
      'sans reponse', "j'attends", 'des heures', 'facturation', 'preleve', 'prelevement',
      'debite', 'des frais', 'frais de', 'impossible', 'honte', 'inadmissible', 'inacceptable', 'scandale',
      'scandaleux', 'arnaque', 'reclamation', 'plainte', 'decu', 'decue', 'decus', 'decevant', 'decevante', 'marre',
      'ras le bol', 'galere', "n'importe quoi", 'mepris', 'irrespectueux', 'desagreable', 'incompetence',
      'aucun respect', 'aucun suivi', 'malheureusement', 'dommage', 'on attend', 'toujours rien', 'mensonge',
      'mensonges', 'menteurs', 'vous me devez', 'serieusement', 'pas normal', 'pas acceptable', 'a eviter',
    ]),
    // A negated good: "pas satisfait", "pas du tout content", "pas terrible".
    `${NOT_WORD_BEFORE}(?:pas|plus|jamais)\\s+(?:\\p{L}+\\s+){0,2}?(?:satisfait|satisfaite|content|contente|terrible|serieux|professionnel|normal|acceptable|top|genial)${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}pourquoi\\s+(?:\\p{L}+\\s+)?(?:vous|tu|on|je|j'|il|elle|est-ce|ne|n')`,
    NEGATIVE_SYMBOLS,
  ),
  strongNegative: re(
    words([
      'nul', 'nulle', 'nuls', 'pire', 'horrible', 'honteux', 'honte', 'scandale', 'scandaleux', 'inadmissible',
      'inacceptable', 'lamentable', 'pitoyable', 'minable', 'arnaque', 'arnaqueurs', 'escroc', 'escrocs', 'voleurs',
      'catastrophe', 'catastrophique', 'deplorable', 'degoute', 'degoutee', 'marre', 'ras le bol', 'ras-le-bol',
      'jamais plus', 'plus jamais', 'a fuir', 'fuyez', 'incompetent', 'incompetents', 'foutage de gueule', 'merde',
      'putain', 'mauvais', 'naze', 'craint', 'nullissime', 'affligeant', 'consternant', 'insupportable',
    ]),
  ),
  praise: re(
    words([
      'merci', 'merci beaucoup', 'mille mercis', 'thanks', 'thank you', 'bravo', 'felicitations', 'chapeau', 'top',
      'super', 'genial', 'geniale', 'excellent', 'excellente', 'parfait', 'parfaite', 'parfaitement', 'formidable',
      'magnifique', 'merveilleux', 'merveilleuse', 'incroyable', 'adore', "j'adore", 'aime', "j'aime", 'love',
      'coup de coeur', 'bien', 'tres bien', 'bon', 'bonne', 'sympa', 'agreable', 'efficace', 'rapide', 'ravi', 'ravie',
      'content', 'contente', 'satisfait', 'satisfaite', 'recommande', 'je recommande', 'a recommander', 'au top',
      'nickel', 'impeccable', 'chouette', 'cool', 'beau', 'belle', 'meilleur', 'meilleure', 'qualite', 'professionnel',
      'reactif', 'reactive', 'reactivite', "a l'ecoute", 'gentil', 'gentille', 'bluffant', 'chef-d\'oeuvre',
      "chef d'oeuvre", 'sublime', 'emouvant', 'drole', 'hilarant', 'touchant', 'reussi', 'reussite', 'plaisir',
      'vivement', 'hate', 'fier', 'fiere',
    ]),
    POSITIVE_SYMBOLS,
  ),
  explicitPraise: re(
    words([
      'merci', 'merci beaucoup', 'mille mercis', 'bravo', 'felicitations', 'chapeau', 'je recommande', 'au top',
      'vous etes les meilleurs', 'vous etes au top', 'un grand merci',
    ]),
  ),
  falsePraise: re(words(['merci pour rien', 'merci de rien', 'non merci', 'merci bien pour rien'])),
  firstPerson: re(words(['je', "j'", 'mon', 'ma', 'mes', 'moi', 'nous', 'notre', 'nos', 'on'])),
  secondPerson: re(words(['vous', 'votre', 'vos', 'tu', 'ton', 'ta', 'tes', 'toi'])),
}));

/**
 * Set phrases whose words would read as a problem or a request but do not
 * ("can't wait", "no problem", "thanks for your help", "pas mal", "sans souci"):
 * blanked before the complaint and request cues are looked for.
 */
const NOT_A_PROBLEM = lazy(() => new RegExp(
  words([
    "can't wait", 'cant wait', 'cannot wait', "can't thank", 'cant thank', "couldn't be happier", "couldn't ask for",
    "can't complain", "can't go wrong", "can't beat", 'never disappoint', 'never disappoints', 'no problem',
    'no problems', 'not a problem', 'not bad', 'not too bad', 'no issue', 'no issues', 'no worries', 'no complaints',
    'without a problem', 'without any problem', 'without any problems', 'without issue', 'without any issue',
    'for the help', 'for your help', 'for all the help', 'for all your help', 'for helping', 'pas mal', 'sans probleme',
    'sans souci', 'sans soucis', 'aucun probleme', 'aucun souci', 'pas de probleme', 'pas de souci', 'pas de soucis',
    "n'hesitez pas", 'pour votre aide', 'pour ton aide', "pour l'aide", 'de votre aide', 'de ton aide', 'pas decu', 'pas decue', 'jamais decu',
    'jamais decue', 'pas nul',
  ]),
  'gu',
));

const FOLD_MAP: Readonly<Record<string, string>> = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss' };

/**
 * Lower-case, typographic apostrophes and hyphens made plain, accents removed
 * except in "où" (so it stays apart from "ou"), URLs and @mentions removed,
 * hashtags turned into words ("#NeverAgain" → "never again").
 */
export function normalizeForIntent(text: string): string {
  const head = text.slice(0, MAX_CHARS);
  // Plain ASCII (most English texts): no accents, curly apostrophes or ligatures to fold.
  const ascii = !NON_ASCII.test(head);
  const base = (ascii ? head : head.normalize('NFC'))
    .replace(/https?:\/\/\S+|www\.\S+/gu, ' ')
    .replace(/(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu, '$1 ')
    .replace(/#(\p{L}[\p{L}\p{N}_]*)/gu, (_m, tag: string) => tag.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'))
    .toLowerCase();
  const folded = !ascii
    ? base
        .replace(/[’‘ʼ`´]/gu, "'")
        .replace(/[‐‑]/gu, '-')
        .replace(/où/gu, '\uE000')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/\uE000/gu, 'où')
        .replace(/[œæß]/gu, (c) => FOLD_MAP[c] ?? c)
    : base.replace(/`/g, "'");
  return folded.replace(/[ \t]+/gu, ' ').trim();
}

/** Outside printable ASCII, tabs and line breaks. */
const NON_ASCII = /[^\t\n\r -~]/u;

function cueSets(lang: IntentOptions['lang']): readonly CueSet[] {
  if (lang === 'fr') return [FR()];
  if (lang === 'en') return [EN()];
  return [EN(), FR()];
}

const QUESTION_MARK = /[?？¿]/u;

/** The cue flags of a text, before the sentiment label and the rating are taken into account. */
export interface IntentCues {
  question: boolean;
  /** A service failure ("delayed", "never received", "ne marche pas"…). */
  failure: boolean;
  /** A failure or a grievance ("customer service", "rude", "on hold"…). */
  problem: boolean;
  strongNegative: boolean;
  falsePraise: boolean;
  explicitPraise: boolean;
  praiseCue: boolean;
  request: boolean;
  secondPerson: boolean;
}

/** The cue flags of `text` (see the module comment); used by `classifyIntent` and by the sentiment scorer's features. */
export function intentCues(text: string, lang?: IntentOptions['lang']): IntentCues | null {
  const t = normalizeForIntent(typeof text === 'string' ? text : '');
  if (t === '') return null;
  const masked = t.replace(NOT_A_PROBLEM(), ' ');
  const sets = cueSets(lang);
  const inText = (key: keyof CueSet): boolean => sets.some((s) => s[key].test(t));
  const inMasked = (key: keyof CueSet): boolean => sets.some((s) => s[key].test(masked));
  const question = QUESTION_MARK.test(t) || inText('question');
  const failure = inMasked('failure');
  const problem = failure || inMasked('grievance');
  const strongNegative = inMasked('strongNegative');
  const falsePraise = inText('falsePraise');
  const forPraise = t.replace(MERCI_DE_RE(), ' ');
  const inPraiseText = (key: keyof CueSet): boolean => sets.some((s) => s[key].test(forPraise));
  const explicitPraise = inPraiseText('explicitPraise') && !falsePraise;
  const praiseCue = (inPraiseText('praise') && !falsePraise) || explicitPraise;
  const request = inMasked('request') || (failure && inText('firstPerson'));
  return {
    question,
    failure,
    problem,
    strongNegative,
    falsePraise,
    explicitPraise,
    praiseCue,
    request,
    secondPerson: inText('secondPerson'),
  };
}

/**
 * The intents of `text` (at least one; 'other' alone when none holds). See the
 * module comment for the rules. `cues` may be passed when already computed
 * (for the same text and language).
 */
export function classifyIntent(text: string, opts: IntentOptions = {}, cues?: IntentCues | null): Intent[] {
  const c = cues === undefined ? intentCues(text, opts.lang) : cues;
  if (c === null) return ['other'];

  const rating = typeof opts.rating === 'number' && Number.isFinite(opts.rating) ? opts.rating : null;
  const negative = opts.sentiment === 'negative' || (rating !== null && rating <= 2);
  const positive = opts.sentiment === 'positive' || (rating !== null && rating >= 4);
  const { question, failure, problem, falsePraise, explicitPraise, praiseCue, request } = c;
  const strong = c.strongNegative;

  const out: Intent[] = [];
  const complaint =
    ((failure || strong) && !(positive && explicitPraise)) ||
    (problem && !(positive && praiseCue && !strong)) ||
    (negative && (request || question || c.secondPerson)) ||
    falsePraise;
  if (complaint) out.push('complaint');
  if (question) out.push('question');
  if (request) out.push('request');
  const praise = !falsePraise && ((positive && praiseCue) || (explicitPraise && !negative && !problem));
  if (praise) out.push('praise');
  return out.length > 0 ? out : ['other'];
}
