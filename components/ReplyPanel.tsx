/**
 * The reply assistant for one mention: up to three validated suggestions
 * (arrow keys choose, Enter inserts), the editable draft linted live (each
 * finding says why, and offers its fix), Insert into the site's reply box /
 * Copy, and "Mark replied". Every text (mention, template, draft) is shown
 * as text, never as HTML.
 */
import type { ReplyModel } from '../entrypoints/popup/reply';
import type { Reason } from '../lib/replies/rank';
import { SITE_LABELS } from '../lib/sites/labels';
import type { SiteId } from '../lib/sites/types';
import { t, type MessageKey } from '../lib/ui/i18n';

/** A reason's substitutions are raw codes (sentiment, intent, language, site): shown translated. */
function reasonText(r: Reason): string {
  const code = (s: string): string => {
    if (s === 'positive' || s === 'neutral' || s === 'negative') return t(`sentiment_${s}`);
    if (s === 'fr' || s === 'en') return t(`langName_${s}`);
    if (s in SITE_LABELS) return SITE_LABELS[s as SiteId];
    const intentKey = `intent_${s}` as MessageKey;
    const translated = t(intentKey);
    return translated === intentKey ? s : translated;
  };
  return t(r.key as MessageKey, ...r.args.map(code));
}

interface Props {
  reply: ReplyModel;
  onReplied(key: string): void;
  onBack(): void;
}

export function ReplyPanel({ reply, onReplied, onBack }: Props) {
  const m = reply.mention.value;
  if (!m) return null;
  const guide = reply.guide.value;
  const list = reply.suggestions.value;
  const chosen = reply.chosen.value;
  const { count, max } = reply.length.value;

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      reply.choose(chosen + (e.key === 'ArrowDown' ? 1 : -1));
      e.preventDefault();
    } else if (e.key === 'Enter') {
      void reply.insert();
      e.preventDefault();
    }
  };

  return (
    <section class="reply" aria-labelledby="reply-title" data-testid="reply-panel">
      <div class="reply-head">
        <button type="button" data-testid="reply-back" onClick={onBack}>
          {t('back')}
        </button>
        <h2 id="reply-title">{t('replyTo', m.author ?? m.handle ?? t('anonymousAuthor'))}</h2>
      </div>
      <p class="text quoted" dir="auto">
        {m.text.length > 280 ? m.text.slice(0, 280) + '…' : m.text}
      </p>
      {guide === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : guide === null ? (
        <p class="empty" data-testid="no-guide">
          {t('noGuide')}
        </p>
      ) : list.length === 0 ? (
        <p class="empty" data-testid="no-suggestion">
          {t('noSuggestion')}
        </p>
      ) : (
        <>
          <h3 id="suggestions-label">{t('suggestions')}</h3>
          <ul
            role="listbox"
            aria-labelledby="suggestions-label"
            aria-activedescendant={`suggestion-${chosen}`}
            tabIndex={0}
            class="suggestions"
            data-testid="suggestions"
            onKeyDown={onListKey}
          >
            {list.map((s, i) => (
              <li
                key={s.template.id}
                id={`suggestion-${i}`}
                role="option"
                aria-selected={i === chosen}
                data-testid="suggestion"
                data-template={s.template.id}
                onClick={() => reply.choose(i)}
              >
                <span class="title">{s.template.title}</span>
                <span class="why">{s.reasons.slice(0, 3).map(reasonText).join(' · ')}</span>
                {s.missing.length > 0 ? (
                  <span class="missing" data-testid="suggestion-missing">
                    {t('placeholdersMissing', s.missing.map((n) => `{${n}}`).join(', '))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {guide ? (
        <>
          <label for="draft" class="draft-label">
            {t('draft')}{' '}
            <span class={max !== null && count > max ? 'over' : 'count'} data-testid="draft-length">
              {max !== null ? `${count} / ${max}` : String(count)}
            </span>
          </label>
          <textarea
            id="draft"
            data-testid="draft"
            dir="auto"
            value={reply.draft.value}
            onInput={(e) => (reply.draft.value = e.currentTarget.value)}
            rows={6}
          />
          <ul class="findings" aria-live="polite" data-testid="findings">
            {reply.findings.value.map((f, i) => (
              <li key={`${f.rule}-${f.start}-${i}`} class={f.severity} data-rule={f.rule} data-testid="finding">
                <span>{t(f.messageKey as MessageKey, ...f.args)}</span>
                {f.fix ? (
                  <button type="button" data-testid="apply-fix" onClick={() => reply.fix(f)}>
                    {t('applyFix')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="primary" data-testid="insert-reply" disabled={reply.draft.value === ''} onClick={() => void reply.insert()}>
              {t('insertReply')}
            </button>
            <button type="button" data-testid="copy-reply" disabled={reply.draft.value === ''} onClick={() => void reply.copy()}>
              {t('copyReply')}
            </button>
            <button type="button" data-testid="mark-replied" onClick={() => onReplied(m.key)}>
              {t('markReplied')}
            </button>
          </div>
          {reply.outcome.value ? (
            <p role="status" class="notice" data-testid="reply-outcome" data-outcome={reply.outcome.value}>
              {t(`replyOutcome_${reply.outcome.value}`)}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
