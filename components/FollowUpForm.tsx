/**
 * A mention's follow-up details, under a disclosure button: due date (a
 * reminder fires then), priority, note, tags. Saved through the worker.
 */
import { useState } from 'preact/hooks';
import { PRIORITIES, type MentionRow, type Priority } from '../lib/storage/schema';
import { t } from '../lib/ui/i18n';

export interface FollowUpValues {
  dueAt: number | null;
  note: string;
  priority: Priority;
  tags: string[];
}

/** "2026-06-10T14:30" (local time) ⇄ ms. */
function toLocalInput(ms: number | null | undefined): string {
  if (ms == null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(s: string): number | null {
  if (!s) return null;
  const ms = new Date(s).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function FollowUpForm({ mention: m, onSave }: { mention: MentionRow; onSave(key: string, v: FollowUpValues): void }) {
  const [open, setOpen] = useState(false);
  const [due, setDue] = useState(toLocalInput(m.dueAt));
  const [priority, setPriority] = useState<Priority>(m.priority ?? 'normal');
  const [note, setNote] = useState(m.note ?? '');
  const [tags, setTags] = useState((m.tags ?? []).join(', '));
  const id = `fu-${m.key}`;
  return (
    <div class="followup">
      <button type="button" aria-expanded={open} aria-controls={id} data-testid="followup-toggle" onClick={() => setOpen(!open)}>
        {t('followUpDetails')}
        {m.dueAt ? ` · ${t('dueLabel', new Date(m.dueAt).toLocaleString())}` : ''}
      </button>
      {open ? (
        <form
          id={id}
          class="followup-form"
          data-testid="followup-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSave(m.key, {
              dueAt: fromLocalInput(due),
              priority,
              note: note.slice(0, 2000),
              tags: tags
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== '')
                .slice(0, 20),
            });
            setOpen(false);
          }}
        >
          <label for={`${id}-due`}>{t('dueDate')}</label>
          <input id={`${id}-due`} type="datetime-local" data-testid="followup-due" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          <label for={`${id}-priority`}>{t('priority')}</label>
          <select id={`${id}-priority`} data-testid="followup-priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority_${p}`)}
              </option>
            ))}
          </select>
          <label for={`${id}-note`}>{t('note')}</label>
          <textarea id={`${id}-note`} data-testid="followup-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <label for={`${id}-tags`}>{t('tags')}</label>
          <input id={`${id}-tags`} type="text" data-testid="followup-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          <button type="submit" data-testid="followup-save">
            {t('saveFollowUp')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
