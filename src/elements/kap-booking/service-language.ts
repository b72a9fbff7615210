/**
 * The services of `GET services` in the page's language: `name` and `description` from their
 * `translations` where the clinic gave them (the page's language, then its base language, then the
 * plain fields in the response's `lang`; `src/i18n/local-text.ts`), the rest unchanged. A name
 * left in another language carries `langs`, so it is shown with its own `lang`.
 */
import type { Service, ServicesResponse } from '../../api/schemas.js';
import { inLanguage } from '../../base/local-template.js';
import { foreignLang, translatedField } from '../../i18n/local-text.js';

/** A service as the element shows it. */
export interface ShownService extends Service {
  /** The language of `name` / `description` where it is not the page's. */
  langs?: { name?: string; description?: string };
}

export function servicesIn({ lang, services }: ServicesResponse, pageLang: string): ShownService[] {
  return services.map((service) => {
    const name = translatedField(service, 'name', pageLang, lang ?? 'en');
    const description = translatedField(service, 'description', pageLang, lang ?? 'en');
    const langs = {
      ...(foreignLang(name, pageLang) ? { name: name.lang } : {}),
      ...(foreignLang(description, pageLang) ? { description: description.lang } : {}),
    };
    return { ...service, name: name.text, description: description.text, ...(Object.keys(langs).length ? { langs } : {}) };
  });
}

/** A service's name, in a `lang` span when it is in another language than the page's. */
export function serviceName(service: Service): unknown {
  return inLanguage(service.name, (service as ShownService).langs?.name);
}
