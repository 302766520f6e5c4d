/**
 * The guide's voice and vocabulary as forms: formality and signatures per
 * language, the emoji policy, tone words, banned terms ("term => replacement |
 * reason", one per line) and product names ("Name: misspelling, misspelling").
 * Saved through the guide model, so parseGuide checks everything first.
 */
import { useEffect, useState } from 'preact/hooks';
import { EMOJI_POLICIES, type EmojiPolicy, type StyleGuide } from '../../lib/replies/guide';
import { bannedToText, productsToText, textToBanned, textToProducts } from './vocabulary';
import { t } from '../../lib/ui/i18n';

export function VoiceForm({ guide, onSave }: { guide: StyleGuide; onSave(next: StyleGuide): void }) {
  const [g, setG] = useState(guide);
  const [banned, setBanned] = useState(bannedToText(guide.vocabulary.banned));
  const [products, setProducts] = useState(productsToText(guide.vocabulary.products));
  const [tone, setTone] = useState(guide.voice.tone.join(', '));
  // A newer guide (saved here, imported, or seeded by the worker) replaces the form, unless the CM is typing.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (dirty) return;
    setG(guide);
    setBanned(bannedToText(guide.vocabulary.banned));
    setProducts(productsToText(guide.vocabulary.products));
    setTone(guide.voice.tone.join(', '));
  }, [guide, dirty]);
  const fr = g.voice.fr;
  const en = g.voice.en;
  return (
    <form
      class="voice-form"
      data-testid="voice-form"
      onInput={() => setDirty(true)}
      onChange={() => setDirty(true)}
      onSubmit={(e) => {
        e.preventDefault();
        setDirty(false);
        onSave({
          ...g,
          voice: { ...g.voice, tone: tone.split(',').map((s) => s.trim()).filter((s) => s !== '') },
          vocabulary: { ...g.vocabulary, banned: textToBanned(banned, guide.vocabulary.banned), products: textToProducts(products) },
        });
      }}
    >
      <h2>{t('voiceTitle')}</h2>
      <div class="field">
        <label for="voice-tone">{t('voiceTone')}</label>
        <input id="voice-tone" type="text" value={tone} onInput={(e) => setTone(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="voice-emoji">{t('voiceEmoji')}</label>
        <select id="voice-emoji" value={g.voice.emoji} onChange={(e) => setG({ ...g, voice: { ...g.voice, emoji: e.currentTarget.value as EmojiPolicy } })}>
          {EMOJI_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`emoji_${p}`)}
            </option>
          ))}
        </select>
      </div>
      {fr ? (
        <fieldset class="checks">
          <legend>{t('langName_fr')}</legend>
          <label>
            {t('voiceFormality')}{' '}
            <select data-testid="voice-fr-formality" value={fr.formality} onChange={(e) => setG({ ...g, voice: { ...g.voice, fr: { ...fr, formality: e.currentTarget.value as 'vous' | 'tu' } } })}>
              <option value="vous">vous</option>
              <option value="tu">tu</option>
            </select>
          </label>
          <label>
            {t('voiceSignature')} <input type="text" value={fr.signature} onInput={(e) => setG({ ...g, voice: { ...g.voice, fr: { ...fr, signature: e.currentTarget.value } } })} />
          </label>
        </fieldset>
      ) : null}
      {en ? (
        <fieldset class="checks">
          <legend>{t('langName_en')}</legend>
          <label>
            {t('voiceFormality')}{' '}
            <select value={en.formality} onChange={(e) => setG({ ...g, voice: { ...g.voice, en: { ...en, formality: e.currentTarget.value as 'formal' | 'casual' } } })}>
              <option value="formal">formal</option>
              <option value="casual">casual</option>
            </select>
          </label>
          <label>
            {t('voiceSignature')} <input type="text" value={en.signature} onInput={(e) => setG({ ...g, voice: { ...g.voice, en: { ...en, signature: e.currentTarget.value } } })} />
          </label>
        </fieldset>
      ) : null}
      <div class="field">
        <label for="voice-banned">{t('voiceBanned')}</label>
        <textarea id="voice-banned" data-testid="voice-banned" rows={6} value={banned} aria-describedby="voice-banned-hint" onInput={(e) => setBanned(e.currentTarget.value)} />
        <span class="hint" id="voice-banned-hint">
          {t('voiceBannedHint')}
        </span>
      </div>
      <div class="field">
        <label for="voice-products">{t('voiceProducts')}</label>
        <textarea id="voice-products" rows={3} value={products} aria-describedby="voice-products-hint" onInput={(e) => setProducts(e.currentTarget.value)} />
        <span class="hint" id="voice-products-hint">
          {t('voiceProductsHint')}
        </span>
      </div>
      <button type="submit" class="primary" data-testid="save-voice">
        {t('saveVoice')}
      </button>
    </form>
  );
}
