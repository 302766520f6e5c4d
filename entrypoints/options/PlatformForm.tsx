/**
 * The guide's per-platform rules (longest reply, links, personal matters to
 * private messages, signature form) and the disclosure of partner offers
 * (accepted tags and trigger words per language) as a form. A site without
 * rules stays without them unless the CM changes its row. Saved through the
 * guide model, so parseGuide checks everything first (a refused length names
 * its field).
 */
import { GUIDE_LANGS, LINK_POLICIES, SIGNATURE_FORMS, type GuideLang, type LinkPolicy, type PlatformRules, type SignatureForm, type StyleGuide } from '../../lib/replies/guide';
import { SITE_LABELS } from '../../lib/sites/labels';
import { SITE_IDS, type SiteId } from '../../lib/sites/types';
import { commaList, perLang } from './vocabulary';
import { useGuideDraft } from './use-guide-draft';
import { t } from '../../lib/ui/i18n';

/** What a site without rules behaves as (lint.ts reads an absent rule as no limit, links allowed, full signature). */
const DEFAULT_RULES: PlatformRules = { maxLength: null, links: 'allowed', moveToPrivate: false, signature: 'full' };

interface Row {
  /** The longest reply as typed ('' = no limit). */
  maxLength: string;
  links: LinkPolicy;
  moveToPrivate: boolean;
  signature: SignatureForm;
  /** The site had rules, or the CM changed its row. */
  kept: boolean;
}

type Rows = Record<SiteId, Row>;
type Lists = Record<'tags' | 'triggers', Record<GuideLang, string>>;

function rowsOf(guide: StyleGuide): Rows {
  return Object.fromEntries(
    SITE_IDS.map((s) => {
      const r = guide.platforms[s];
      const x = r ?? DEFAULT_RULES;
      return [s, { maxLength: x.maxLength === null ? '' : String(x.maxLength), links: x.links, moveToPrivate: x.moveToPrivate, signature: x.signature ?? 'full', kept: r !== undefined }];
    }),
  ) as Rows;
}

function listsOf(guide: StyleGuide): Lists {
  const joined = (m: Record<GuideLang, string[]>) => perLang((l) => (m[l] ?? []).join(', '));
  return { tags: joined(guide.disclosure.tags), triggers: joined(guide.disclosure.triggers) };
}

function draftOf(guide: StyleGuide): { rows: Rows; lists: Lists } {
  return { rows: rowsOf(guide), lists: listsOf(guide) };
}

/** '' → no limit; anything else is handed to parseGuide as a number, which refuses what is not a length. */
function lengthOf(typed: string): number | null {
  const s = typed.trim();
  return s === '' ? null : Number(s);
}

export function PlatformForm({ guide, onSave }: { guide: StyleGuide; onSave(next: StyleGuide): Promise<boolean> }) {
  const { draft, setDraft, touch, saving } = useGuideDraft(guide, draftOf);
  const { rows, lists } = draft;
  const setRows = (next: Rows) => setDraft({ ...draft, rows: next });
  const setLists = (next: Lists) => setDraft({ ...draft, lists: next });
  const change = (site: SiteId, patch: Partial<Row>) => setRows({ ...rows, [site]: { ...rows[site], ...patch, kept: true } });
  const cell = (site: SiteId, what: string) => `${SITE_LABELS[site]}: ${what}`;
  return (
    <form
      class="platform-form"
      data-testid="platform-form"
      onInput={touch}
      onChange={touch}
      onSubmit={(e) => {
        e.preventDefault();
        const platforms: StyleGuide['platforms'] = {};
        for (const s of SITE_IDS) {
          const r = rows[s];
          if (!r.kept) continue;
          platforms[s] = { maxLength: lengthOf(r.maxLength), links: r.links, moveToPrivate: r.moveToPrivate, signature: r.signature };
        }
        const split = (m: Record<GuideLang, string>) => perLang((l) => commaList(m[l]));
        // A refused guide leaves the form as typed (the error names the field); a saved one takes the stored version.
        saving(onSave({ ...guide, platforms, disclosure: { tags: split(lists.tags), triggers: split(lists.triggers) } }));
      }}
    >
      <h2>{t('platformTitle')}</h2>
      <table class="platform-rules">
        <caption>{t('platformCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('siteLabel')}</th>
            <th scope="col">{t('platformMaxLength')}</th>
            <th scope="col">{t('platformLinks')}</th>
            <th scope="col">{t('platformPrivate')}</th>
            <th scope="col">{t('platformSignature')}</th>
          </tr>
        </thead>
        <tbody>
          {SITE_IDS.map((s) => {
            const r = rows[s];
            return (
              <tr key={s} data-site={s}>
                <th scope="row">{SITE_LABELS[s]}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    data-testid={`platform-max-${s}`}
                    aria-label={cell(s, t('platformMaxLength'))}
                    placeholder={t('platformNoLimit')}
                    value={r.maxLength}
                    onInput={(e) => change(s, { maxLength: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <select aria-label={cell(s, t('platformLinks'))} data-testid={`platform-links-${s}`} value={r.links} onChange={(e) => change(s, { links: e.currentTarget.value as LinkPolicy })}>
                    {LINK_POLICIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`links_${p}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={cell(s, t('platformPrivate'))}
                    data-testid={`platform-private-${s}`}
                    checked={r.moveToPrivate}
                    onChange={(e) => change(s, { moveToPrivate: e.currentTarget.checked })}
                  />
                </td>
                <td>
                  <select aria-label={cell(s, t('platformSignature'))} value={r.signature} onChange={(e) => change(s, { signature: e.currentTarget.value as SignatureForm })}>
                    {SIGNATURE_FORMS.map((f) => (
                      <option key={f} value={f}>
                        {t(`signature_${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('disclosureTitle')}</h3>
      {GUIDE_LANGS.map((l) => (
        <fieldset key={l} class="checks">
          <legend>{t(`langName_${l}`)}</legend>
          {(['tags', 'triggers'] as const).map((field) => (
            <label key={field}>
              {t(field === 'tags' ? 'disclosureTags' : 'disclosureTriggers')}{' '}
              <input
                type="text"
                data-testid={`disclosure-${field}-${l}`}
                value={lists[field][l]}
                aria-describedby="disclosure-hint"
                onInput={(e) => setLists({ ...lists, [field]: { ...lists[field], [l]: e.currentTarget.value } })}
              />
            </label>
          ))}
        </fieldset>
      ))}
      <p class="hint" id="disclosure-hint">
        {t('disclosureHint')}
      </p>
      <button type="submit" class="primary" data-testid="save-platforms">
        {t('savePlatforms')}
      </button>
    </form>
  );
}
