/**
 * A form's draft of part of the style guide: it follows the stored guide
 * (saved here or by another form, imported, seeded by the worker) until the CM
 * types, keeps what was typed while a save is refused, and follows again once
 * a save went through.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StyleGuide } from '../../lib/replies/guide';

export function useGuideDraft<T>(guide: StyleGuide, derive: (g: StyleGuide) => T) {
  const [draft, setDraft] = useState(() => derive(guide));
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setDraft(derive(guide));
    // `derive` is a module-level function of each form; the draft follows the guide and the dirty flag only.
  }, [guide, dirty]);
  return {
    draft,
    setDraft,
    /** The CM typed: the stored guide no longer replaces the draft. */
    touch: () => setDirty(true),
    /** Hand over a save: once it went through, the draft follows the stored guide again. */
    saving: (save: Promise<boolean>) => {
      void save.then((saved) => {
        if (saved) setDirty(false);
      });
    },
  };
}
