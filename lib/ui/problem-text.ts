/**
 * A refusal in the CM's language: the field, then what is wrong with it
 * ("templates[3].text : trop long (5001 caractères, au plus 5000)"). Errors
 * that are not a FieldError (storage, the browser) are shown as they are.
 */
import { FieldError } from '../validation/problem';
import { t } from './i18n';

export function problemText(e: unknown): string {
  if (!(e instanceof FieldError)) return String(e);
  const where = e.path === '(file)' ? t('problemPathFile') : e.path === '(root)' ? t('problemPathRoot') : e.path;
  return t('problemAt', where, t(e.key, ...e.args.map((a) => (typeof a === 'string' ? a : t(a.key)))));
}
