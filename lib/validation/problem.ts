/**
 * Refusals that name the field and say what is wrong with it in the CM's
 * language. A `FieldError` carries a message key of the UI (public/_locales)
 * and its substitutions besides the English text: lib code stays free of the
 * browser's i18n, and the options page renders the key (lib/ui/problem-text.ts)
 * while logs, the CLI and tests read the English.
 *
 *   valibot issue ──issueProblem──▶ Problem { key, args, text }
 *   FieldError(path, problem)  ·  message = "path: text"
 *
 * Used by the style guide (GuideError), the brands (BrandError) and the data
 * import (TransferError).
 */
import type * as v from 'valibot';

/** What a field's problem can be (one UI message each). */
export const PROBLEM_KEYS = [
  'problemMissing',
  'problemExpected',
  'problemOneOf',
  'problemTooMany',
  'problemTooLong',
  'problemTooFew',
  'problemEmpty',
  'problemIsoDate',
  'problemInteger',
  'problemMin',
  'problemMax',
  'problemListedTwice',
  'problemIdChars',
  'problemTagHash',
  'problemMentionKey',
  'problemInvalid',
  'problemTooManyValues',
  'problemForbiddenKey',
  'problemVoiceMissing',
  'problemDuplicateId',
  'problemDuplicateBrandId',
  'problemLangNotInGuide',
  'problemNotText',
  'problemFileTooLarge',
  'problemFileTooLargeBytes',
  'problemNotJson',
  'problemNotGuide',
  'problemNotExport',
  'problemUnknownVersion',
  'problemNewerVersion',
] as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[number];

/** Names of kinds of value, substituted into problemExpected and problemOneOf (translated too). */
export const KIND_KEYS = ['kindText', 'kindNumber', 'kindBoolean', 'kindList', 'kindObject', 'kindNull', 'kindNothing'] as const;
export type KindKey = (typeof KIND_KEYS)[number];

/** What is wrong: a message key, its substitutions (a `{ key }` one is a kind of value, translated as well), and the English text. */
export interface Problem {
  key: ProblemKey;
  args: ReadonlyArray<string | { key: KindKey }>;
  text: string;
}

export const problem = (key: ProblemKey, text: string, ...args: Array<string | number | { key: KindKey }>): Problem => ({
  key,
  text,
  args: args.map((a) => (typeof a === 'number' ? String(a) : a)),
});

/** A refusal that names the field: `path` is "templates[3].text", "(file)" or "(root)". */
export class FieldError extends Error {
  readonly path: string;
  /** In English. */
  readonly problem: string;
  readonly key: ProblemKey;
  readonly args: Problem['args'];
  constructor(path: string, p: Problem) {
    super(`${path}: ${p.text}`);
    this.name = 'FieldError';
    this.path = path;
    this.problem = p.text;
    this.key = p.key;
    this.args = p.args;
  }

  /**
   * The same problem, of the same class, inside a larger value: `within('guide')`
   * turns "templates[3].text" into "guide.templates[3].text"; `root` is how this
   * error names the value itself ("(root)", "brand"), which becomes the prefix alone.
   */
  within(prefix: string, root = '(root)'): this {
    const Same = this.constructor as new (path: string, p: Problem) => this;
    return new Same(joinPath(prefix, this.path === root ? '' : this.path), { key: this.key, args: this.args, text: this.problem });
  }
}

/** A path inside another: "mentions[3]" + "text" → "mentions[3].text", + "[0]" → "mentions[3][0]", + "" → "mentions[3]". */
export function joinPath(prefix: string, path: string): string {
  return path === '' ? prefix : path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** "templates[3].text" from a valibot issue path ("" when the issue is about the value itself). */
export function issuePath(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const { key } of path ?? []) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out === '' ? '' : '.') + String(key);
  }
  return out;
}

type Kind = { text: string; key?: KindKey };

/** What a value is, in a few words (never the value itself: it may be 50 MB): English, and its message key. */
function describe(input: unknown): Kind {
  if (input === null) return { text: 'null', key: 'kindNull' };
  if (input === undefined) return { text: 'nothing', key: 'kindNothing' };
  if (Array.isArray(input)) return { text: 'a list', key: 'kindList' };
  if (typeof input === 'string') return { text: `a string of ${input.length} characters`, key: 'kindText' };
  if (typeof input === 'object') return { text: 'an object', key: 'kindObject' };
  if (typeof input === 'number') return { text: 'a number', key: 'kindNumber' };
  // true and false are the same words in every language.
  if (typeof input === 'boolean') return { text: String(input) };
  // No parsed JSON or stored value is anything else.
  return { text: `a ${typeof input}` };
}

const kindArg = (k: Kind) => (k.key ? { key: k.key } : k.text);

export const EXPECTED = {
  string: { text: 'a string', key: 'kindText' },
  number: { text: 'a number', key: 'kindNumber' },
  boolean: { text: 'true or false', key: 'kindBoolean' },
  array: { text: 'a list', key: 'kindList' },
  object: { text: 'an object', key: 'kindObject' },
} as const satisfies Record<string, { text: string; key: KindKey }>;

/** "expected X, got Y". */
export function expected(what: { text: string; key: KindKey }, input: unknown): Problem {
  const got = describe(input);
  return problem('problemExpected', `expected ${what.text}, got ${got.text}`, { key: what.key }, kindArg(got));
}

/** The English messages of the schemas' own checks, and what they say. */
const CUSTOM: Readonly<Record<string, ProblemKey>> = {
  'listed twice': 'problemListedTwice',
  'letters, digits, "-", "_" and "." only': 'problemIdChars',
  'a tag starts with "#"': 'problemTagHash',
  'key must be "site:itemId"': 'problemMentionKey',
};

/** What one valibot issue says, in a short sentence. */
export function issueProblem(issue: v.BaseIssue<unknown>): Problem {
  // A required key that is absent.
  if (issue.kind === 'schema' && issue.input === undefined) return problem('problemMissing', 'missing');
  const req = String(issue.requirement);
  switch (issue.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
      return expected(EXPECTED[issue.type], issue.input);
    case 'nullable':
      // Nullable strings and numbers.
      return expected(issue.expected?.includes('number') ? EXPECTED.number : EXPECTED.string, issue.input);
    case 'picklist':
    case 'literal':
    case 'variant': {
      const one = issue.expected ?? '?';
      // A short string is shown as it is (it is what the CM typed or the file holds); anything else by its kind.
      const got = typeof issue.input === 'string' && issue.input.length <= 40 ? { text: `"${issue.input}"` } : describe(issue.input);
      return problem('problemOneOf', `expected one of ${one}, got ${got.text}`, one, kindArg(got));
    }
    case 'max_length': {
      const length = String((issue.input as { length?: number }).length);
      return Array.isArray(issue.input)
        ? problem('problemTooMany', `too many items (${length}, at most ${req})`, length, req)
        : problem('problemTooLong', `too long (${length} characters, at most ${req})`, length, req);
    }
    case 'min_length':
      return Array.isArray(issue.input) ? problem('problemTooFew', `needs at least ${req} item(s)`, req) : problem('problemEmpty', 'must not be empty');
    case 'iso_timestamp':
      return problem('problemIsoDate', 'expected an ISO date and time such as 2025-01-15T10:00:00.000Z');
    case 'integer':
      return problem('problemInteger', 'expected a whole number');
    case 'min_value':
      return problem('problemMin', `must be at least ${req}`, req);
    case 'max_value':
      return problem('problemMax', `must be at most ${req}`, req);
    default: {
      const custom = CUSTOM[issue.message];
      return custom ? problem(custom, issue.message) : problem('problemInvalid', issue.message);
    }
  }
}
