/**
 * The guide's voice and vocabulary as forms: formality, signatures, greetings
 * and closings per language, the emoji policy, tone words, banned terms
 * ("term => replacement | reason", one per line), required terms ("term |
 * reason") and product names ("Name: misspelling, misspelling").
 * Saved through the guide model, so parseGuide checks everything first.
 */
import { EMOJI_POLICIES, GUIDE_LANGS, type EmojiPolicy, type GuideLang, type LangVoice, type StyleGuide, type Voice } from '../../lib/replies/guide';
import { bannedToText, linesOf, perLang, productsToText, requiredToText, textToBanned, textToProducts, textToRequired } from './vocabulary';
import { useGuideDraft } from './use-guide-draft';
import { t } from '../../lib/ui/i18n';

const FORMALITIES: { [L in GuideLang]: readonly string[] } = { fr: ['vous', 'tu'], en: ['formal', 'casual'] };

/** The textareas' contents, kept as typed until the form is saved. */
interface Texts {
  banned: string;
  products: string;
  required: string;
  tone: string;
  greetings: Record<GuideLang, string>;
  closings: Record<GuideLang, string>;
}

function textsOf(guide: StyleGuide): Texts {
  const per = (pick: (v: LangVoice<string>) => string[]) => perLang((l) => (guide.voice[l] ? pick(guide.voice[l]) : []).join('\n'));
  return {
    banned: bannedToText(guide.vocabulary.banned),
    products: productsToText(guide.vocabulary.products),
    required: requiredToText(guide.vocabulary.required),
    tone: guide.voice.tone.join(', '),
    greetings: per((v) => v.greetings),
    closings: per((v) => v.closings),
  };
}

function LangFields({ lang, voice, texts, onVoice, onTexts }: {
  lang: GuideLang;
  voice: LangVoice<string>;
  texts: Texts;
  onVoice(next: LangVoice<string>): void;
  onTexts(next: Texts): void;
}) {
  const id = (field: string) => `voice-${lang}-${field}`;
  return (
    <fieldset class="checks lang-voice">
      <legend>{t(`langName_${lang}`)}</legend>
      <label>
        {t('voiceFormality')}{' '}
        <select data-testid={id('formality')} value={voice.formality} onChange={(e) => onVoice({ ...voice, formality: e.currentTarget.value })}>
          {FORMALITIES[lang].map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('voiceSignature')} <input type="text" value={voice.signature} onInput={(e) => onVoice({ ...voice, signature: e.currentTarget.value })} />
      </label>
      <label>
        {t('voiceShortSignature')}{' '}
        <input type="text" data-testid={id('short-signature')} value={voice.shortSignature} onInput={(e) => onVoice({ ...voice, shortSignature: e.currentTarget.value })} />
      </label>
      {(['greetings', 'closings'] as const).map((field) => (
        <div class="field" key={field}>
          <label for={id(field)}>{t(field === 'greetings' ? 'voiceGreetings' : 'voiceClosings')}</label>
          <textarea
            id={id(field)}
            data-testid={id(field)}
            rows={3}
            value={texts[field][lang]}
            aria-describedby="voice-lines-hint"
            onInput={(e) => onTexts({ ...texts, [field]: { ...texts[field], [lang]: e.currentTarget.value } })}
          />
        </div>
      ))}
    </fieldset>
  );
}

function draftOf(guide: StyleGuide): { voice: Voice; texts: Texts } {
  return { voice: guide.voice, texts: textsOf(guide) };
}

export function VoiceForm({ guide, onSave }: { guide: StyleGuide; onSave(next: StyleGuide): Promise<boolean> }) {
  const { draft, setDraft, touch, saving } = useGuideDraft(guide, draftOf);
  const { voice: v, texts } = draft;
  const setVoice = (next: Voice) => setDraft({ ...draft, voice: next });
  const setTexts = (next: Texts) => setDraft({ ...draft, texts: next });
  const langs = GUIDE_LANGS.filter((l) => v[l]);
  // The formality comes from FORMALITIES[lang], so the voice stays one of the language's forms.
  const setLangVoice = (lang: GuideLang, next: LangVoice<string>) => setVoice({ ...v, [lang]: next } as Voice);
  return (
    <form
      class="voice-form"
      data-testid="voice-form"
      onInput={touch}
      onChange={touch}
      onSubmit={(e) => {
        e.preventDefault();
        const lists = <F extends string>(lv: LangVoice<F>, l: GuideLang): LangVoice<F> => ({ ...lv, greetings: linesOf(texts.greetings[l]), closings: linesOf(texts.closings[l]) });
        const voice: Voice = {
          ...v,
          tone: texts.tone.split(',').map((s) => s.trim()).filter((s) => s !== ''),
          ...(v.fr ? { fr: lists(v.fr, 'fr') } : {}),
          ...(v.en ? { en: lists(v.en, 'en') } : {}),
        };
        // A refused guide leaves the form as typed (the error names the field); a saved one takes the stored version.
        // Only the voice and the vocabulary come from this form: the rest is the guide as stored now
        // (templates or platform rules saved meanwhile are kept).
        saving(onSave({
          ...guide,
          voice,
          vocabulary: {
            ...guide.vocabulary,
            banned: textToBanned(texts.banned, guide.vocabulary.banned),
            required: textToRequired(texts.required, guide.vocabulary.required),
            products: textToProducts(texts.products),
          },
        }));
      }}
    >
      <h2>{t('voiceTitle')}</h2>
      <div class="field">
        <label for="voice-tone">{t('voiceTone')}</label>
        <input id="voice-tone" type="text" value={texts.tone} onInput={(e) => setTexts({ ...texts, tone: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="voice-emoji">{t('voiceEmoji')}</label>
        <select id="voice-emoji" value={v.emoji} onChange={(e) => setVoice({ ...v, emoji: e.currentTarget.value as EmojiPolicy })}>
          {EMOJI_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`emoji_${p}`)}
            </option>
          ))}
        </select>
      </div>
      {langs.map((l) => (
        <LangFields key={l} lang={l} voice={v[l] as LangVoice<string>} texts={texts} onVoice={(next) => setLangVoice(l, next)} onTexts={setTexts} />
      ))}
      <p class="hint" id="voice-lines-hint">
        {t('voiceLinesHint')}
      </p>
      <div class="field">
        <label for="voice-banned">{t('voiceBanned')}</label>
        <textarea id="voice-banned" data-testid="voice-banned" rows={6} value={texts.banned} aria-describedby="voice-banned-hint" onInput={(e) => setTexts({ ...texts, banned: e.currentTarget.value })} />
        <span class="hint" id="voice-banned-hint">
          {t('voiceBannedHint')}
        </span>
      </div>
      <div class="field">
        <label for="voice-required">{t('voiceRequired')}</label>
        <textarea id="voice-required" data-testid="voice-required" rows={3} value={texts.required} aria-describedby="voice-required-hint" onInput={(e) => setTexts({ ...texts, required: e.currentTarget.value })} />
        <span class="hint" id="voice-required-hint">
          {t('voiceRequiredHint')}
        </span>
      </div>
      <div class="field">
        <label for="voice-products">{t('voiceProducts')}</label>
        <textarea id="voice-products" rows={3} value={texts.products} aria-describedby="voice-products-hint" onInput={(e) => setTexts({ ...texts, products: e.currentTarget.value })} />
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
