/**
 * Crisis thresholds (lib/crisis/detect.ts): the window, the baseline, the σ of
 * each level and the floors. Checked before saving (an error names the field);
 * "Reset" goes back to the documented defaults.
 */
import { useEffect, useState } from 'preact/hooks';
import { crisisConfigItem } from '../../lib/brands/settings';
import { CrisisConfigError, DEFAULT_CRISIS_CONFIG, checkCrisisConfig, type CrisisConfig, type CrisisConfigRule } from '../../lib/crisis/detect';
import { t, type MessageKey } from '../../lib/ui/i18n';

type Field = 'windowHours' | 'baselineDays' | 's0' | 's1' | 's2' | 'minNegatives' | 'minNegativeShare';

const FIELDS: Array<{ key: Field; label: MessageKey; step: string }> = [
  { key: 'windowHours', label: 'crisisWindowHours', step: '1' },
  { key: 'baselineDays', label: 'crisisBaselineDays', step: '1' },
  { key: 's0', label: 'crisisSigmaMinime', step: '0.1' },
  { key: 's1', label: 'crisisSigmaModeree', step: '0.1' },
  { key: 's2', label: 'crisisSigmaSevere', step: '0.1' },
  { key: 'minNegatives', label: 'crisisMinNegatives', step: '1' },
  { key: 'minNegativeShare', label: 'crisisMinShare', step: '0.05' },
];

/** The form field of a CrisisConfigError's field ("sigmas[1]" → s1). */
const FIELD_OF: Readonly<Record<string, Field>> = {
  windowHours: 'windowHours',
  baselineDays: 'baselineDays',
  'sigmas[0]': 's0',
  'sigmas[1]': 's1',
  'sigmas[2]': 's2',
  minNegatives: 'minNegatives',
  minNegativeShare: 'minNegativeShare',
};

const RULE_MESSAGE: Readonly<Record<CrisisConfigRule, MessageKey>> = {
  positive: 'crisisErrPositive',
  integer: 'crisisErrInteger',
  increasing: 'crisisErrIncreasing',
  nonNegative: 'crisisErrNonNegative',
  share: 'crisisErrShare',
};

function toFields(c: CrisisConfig): Record<Field, string> {
  return {
    windowHours: String(c.windowHours),
    baselineDays: String(c.baselineDays),
    s0: String(c.sigmas[0]),
    s1: String(c.sigmas[1]),
    s2: String(c.sigmas[2]),
    minNegatives: String(c.minNegatives),
    minNegativeShare: String(c.minNegativeShare),
  };
}

export function AlertsPanel() {
  const [f, setF] = useState<Record<Field, string>>(toFields(DEFAULT_CRISIS_CONFIG));
  const [error, setError] = useState<{ text: string; field: Field | null } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void crisisConfigItem.getValue().then((c) => setF(toFields(c))), []);
  const save = async (c: CrisisConfig) => {
    setSaved(false);
    try {
      await crisisConfigItem.setValue(checkCrisisConfig(c));
      setError(null);
      setSaved(true);
      setF(toFields(c));
    } catch (e) {
      if (e instanceof CrisisConfigError) {
        const field = FIELD_OF[e.field] ?? null;
        const label = field ? t(FIELDS.find((x) => x.key === field)!.label) : e.field;
        setError({ text: t(RULE_MESSAGE[e.rule], label), field });
      } else setError({ text: e instanceof Error ? e.message : String(e), field: null });
    }
  };
  return (
    <form
      class="alerts"
      data-testid="alerts-form"
      onSubmit={(e) => {
        e.preventDefault();
        const n = (k: Field) => Number(f[k]);
        void save({ ...DEFAULT_CRISIS_CONFIG, windowHours: n('windowHours'), baselineDays: n('baselineDays'), sigmas: [n('s0'), n('s1'), n('s2')], minNegatives: n('minNegatives'), minNegativeShare: n('minNegativeShare') });
      }}
    >
      <p>{t('crisisExplain')}</p>
      {FIELDS.map((x) => (
        <div class="field" key={x.key}>
          <label for={`crisis-${x.key}`}>{t(x.label)}</label>
          <input
            id={`crisis-${x.key}`}
            type="number"
            step={x.step}
            min="0"
            data-testid={`crisis-${x.key}`}
            value={f[x.key]}
            aria-invalid={error?.field === x.key ? 'true' : undefined}
            aria-describedby={error?.field === x.key ? 'alerts-error' : undefined}
            onInput={(e) => setF({ ...f, [x.key]: e.currentTarget.value })}
          />
        </div>
      ))}
      {error ? (
        <p role="alert" class="error" id="alerts-error" data-testid="alerts-error">
          {error.text}
        </p>
      ) : null}
      {saved ? (
        <p role="status" class="notice">
          {t('crisisSaved')}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" class="primary" data-testid="save-alerts">
          {t('saveRetention')}
        </button>
        <button type="button" data-testid="reset-alerts" onClick={() => void save(DEFAULT_CRISIS_CONFIG)}>
          {t('crisisReset')}
        </button>
      </div>
    </form>
  );
}
