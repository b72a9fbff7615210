/**
 * The schema of a `LocalText` (see `local-text.ts`): a plain string or a non-empty map of BCP 47
 * language tags to strings, each string checked like the plain one. Shared by the intake form
 * definition and the checklist definition, so both accept `{"en": "…", "es": "…"}` the same way.
 * Apart from `local-text.ts` so that modules which only pick texts (the Spanish module) stay free of zod.
 */
import * as z from 'zod/mini';
import { hasSomeText, type LocalText } from './local-text.js';

/** A BCP 47 language tag as used in maps of texts: `en`, `es`, `es-MX`, `pt-BR`, `zh-Hant`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const LanguageTag = z.string().check(z.regex(LANGUAGE_TAG, 'must be a language tag such as "en", "es" or "es-MX"'), z.maxLength(35));

/** `text`, or a map of language tags to strings each checked by `text`. */
export function localText<T extends z.ZodMiniType<string>>(text: T): z.ZodMiniType<LocalText, LocalText> {
  return z.union([text, z.record(LanguageTag, text).check(z.refine(hasSomeText, 'must give the text in at least one language'))]) as unknown as z.ZodMiniType<
    LocalText,
    LocalText
  >;
}
