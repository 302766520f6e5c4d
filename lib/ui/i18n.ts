/**
 * browser.i18n with a typed key list (public/_locales/en/messages.json is
 * the source of the keys). Falls back to the key itself when a message is
 * missing, so a gap shows up instead of an empty label.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  // Our keys are checked by MessageKey; WXT's generated overloads only list the @@ ones.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const msg = getMessage(key, subs.map(String));
  return msg || key;
}

/** The UI language the browser picked ("fr", "en"...). */
export function uiLang(): string {
  return browser.i18n.getUILanguage().split('-')[0] ?? 'en';
}
