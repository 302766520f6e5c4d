/**
 * One stored mention. Everything from the page is rendered as text nodes
 * (JSX escapes it); the only link is the permalink, and only when it is http(s).
 */
import type { SentimentLabel } from '../lib/sentiment/types';
import type { MentionRow, MentionStatus } from '../lib/storage/schema';
import { t } from '../lib/ui/i18n';
import { SITE_LABELS } from '../lib/sites/labels';
import { FollowUpForm, type FollowUpValues } from './FollowUpForm';

const DISPLAY_CHARS = 600;
const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

interface Props {
  mention: MentionRow;
  onStatus(key: string, status: MentionStatus): void;
  /** The CM corrects the sentiment label (it teaches the brand's correction model). */
  onCorrect(key: string, label: SentimentLabel): void;
  /** Open the reply assistant on this mention. */
  onReply(key: string): void;
  onFollowUp(key: string, v: FollowUpValues): void;
}

export function MentionCard({ mention: m, onStatus, onCorrect, onReply, onFollowUp }: Props) {
  const href = safeHref(m.permalink);
  const text = m.text.length > DISPLAY_CHARS ? m.text.slice(0, DISPLAY_CHARS) + '…' : m.text;
  const sentimentLabel = t(`sentiment_${m.sentiment.label}`);
  const intents = (m.intents ?? []).filter((i) => i !== 'other');
  const correctId = `correct-${m.key}`;
  return (
    <li class={`mention sentiment-${m.sentiment.label}`} data-key={m.key} data-testid="mention">
      <div class="mention-head">
        <span class="site" data-testid="mention-site">{SITE_LABELS[m.site]}</span>
        <span class="author" data-testid="mention-author">
          {m.author ?? m.handle ?? t('anonymousAuthor')}
          {m.handle && m.author && m.handle !== m.author ? <span class="handle"> {m.handle}</span> : null}
        </span>
        {m.competitor ? <span class="tag competitor">{t('competitorLabel')}</span> : null}
      </div>
      <p class="text" data-testid="mention-text" dir="auto">
        {text}
      </p>
      {m.truncated ? <p class="note">{t('truncatedNote', m.originalLength)}</p> : null}
      <div class="mention-meta">
        <span
          class={`badge sentiment ${m.sentiment.label}`}
          data-testid="mention-sentiment"
          data-sentiment={m.sentiment.label}
          title={m.sentiment.evidence.length ? t('evidenceLabel', m.sentiment.evidence.join(', ')) : undefined}
        >
          {sentimentLabel}
          {m.sentiment.corrected ? <span class="corrected"> {t('correctedMark')}</span> : null}
        </span>
        {intents.map((i) => (
          <span key={i} class={`tag intent ${i}`} data-testid="mention-intent" data-intent={i}>
            {t(`intent_${i}`)}
          </span>
        ))}
        {m.rating !== null ? (
          <span class="rating" data-testid="mention-rating" aria-label={t('ratingLabel', m.rating)}>
            {'★'.repeat(Math.round(m.rating))}
            {'☆'.repeat(5 - Math.round(m.rating))}
          </span>
        ) : null}
        <span class="status" data-testid="mention-status" data-status={m.status}>
          {t(`status_${m.status}`)}
        </span>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" class="permalink">
            {t('openPost')}
          </a>
        ) : null}
      </div>
      <div class="actions">
        {!m.competitor ? (
          <button type="button" data-testid="open-reply" onClick={() => onReply(m.key)}>
            {t('openReply')}
          </button>
        ) : null}
        <label class="correct" for={correctId}>
          {t('correctSentimentLabel')}
        </label>
        <select
          id={correctId}
          data-testid="correct-sentiment"
          value={m.sentiment.label}
          onChange={(e) => {
            const v = e.currentTarget.value as SentimentLabel;
            if (LABELS.includes(v) && v !== m.sentiment.label) onCorrect(m.key, v);
          }}
        >
          {LABELS.map((l) => (
            <option key={l} value={l}>
              {t(`sentiment_${l}`)}
            </option>
          ))}
        </select>
        {m.status !== 'follow_up' ? (
          <button type="button" data-testid="mark-follow-up" onClick={() => onStatus(m.key, 'follow_up')}>
            {t('markFollowUp')}
          </button>
        ) : null}
        {m.status !== 'done' ? (
          <button type="button" data-testid="mark-done" onClick={() => onStatus(m.key, 'done')}>
            {t('markDone')}
          </button>
        ) : (
          <button type="button" data-testid="reopen" onClick={() => onStatus(m.key, 'new')}>
            {t('reopen')}
          </button>
        )}
      </div>
      {m.status === 'follow_up' || m.status === 'new' ? <FollowUpForm mention={m} onSave={onFollowUp} /> : null}
      {m.note || m.tags?.length || (m.priority && m.priority !== 'normal') ? (
        <p class="note" data-testid="followup-summary">
          {m.priority && m.priority !== 'normal' ? `${t(`priority_${m.priority}`)} · ` : ''}
          {m.tags?.length ? `${m.tags.map((x) => `#${x}`).join(' ')} · ` : ''}
          {m.note ?? ''}
        </p>
      ) : null}
    </li>
  );
}
