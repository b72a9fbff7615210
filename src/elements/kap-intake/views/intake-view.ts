/**
 * What `<kap-intake>`'s views read: its words (`ui`), the flow, where the form comes from, the
 * clinic's phone, and the page shown as the element laid it out before render (`layoutPage`).
 * Views are template functions of this; they change state only from event handlers, through the flow.
 */
import type { TemplateResult } from 'lit';
import type { ElementUi } from '../../../base/element-ui.js';
import { markdown } from '../../../base/markdown-template.js';
import type { KapIntakePageDetail } from '../../../events/kap-intake-page.js';
import type { ResolvedForm, ResolvedPage } from '../../../forms/definition.js';
import { indexForm } from '../../../forms/form-index.js';
import type { FormSource } from '../controllers/form-source.js';
import type { IntakeFlow } from '../controllers/intake-flow.js';

/** The page shown: what is visible, where it stands among the pages, and where the crisis panel goes. */
export interface PageLayout {
  form: ResolvedForm;
  seen: IntakeFlow['visible'];
  /** The pages shown for these answers. */
  pages: ResolvedPage[];
  page: ResolvedPage;
  check: boolean;
  /** The page's place among the pages shown (1-based). */
  step: number;
  /** The answer slot on the page after which the crisis panel goes (the first safety answer there). */
  crisisAfter: string | undefined;
  /** What `kap-intake-page` says: positions in the definition. */
  position: KapIntakePageDetail;
}

export interface IntakeView {
  ui: ElementUi;
  /** The element's shadow root, where fields are found to take focus. */
  root: ParentNode;
  flow: IntakeFlow;
  source: FormSource;
  /** The clinic's phone (`GET clinic`), for a crisis panel whose form names none. */
  clinicPhone: string | undefined;
  /** The page shown, laid out before render; `undefined` once the answers are sent. */
  layout: PageLayout | undefined;
}

/** What the page shown is made of, worked out before render (render only reads it). */
export function layoutPage(form: ResolvedForm, flow: IntakeFlow): PageLayout {
  const seen = flow.visible;
  const pages = form.pages.filter((page) => seen.pages.has(page.id));
  const check = flow.view === 'check';
  const page = form.pages[flow.page]!;
  // Next to the answer that raised it, when that is on this page (it never takes focus); else at the foot.
  const onPage = (key: string) => indexForm(form).byKey.get(key)?.page === page && seen.items.has(key);
  const crisisAfter = check || !flow.safety ? undefined : flow.safetyItems.find(onPage);
  // Positions in the definition, not among the pages shown: which pages are shown depends on
  // the answers, and listeners (analytics) must not be able to infer those.
  const position = { page: check ? form.pages.length + 1 : flow.page + 1, pageCount: form.pages.length };
  return { form, seen, pages, page, check, step: pages.indexOf(page) + 1, crisisAfter, position };
}

/** Markdown text of the definition; `lang` when it is in another language than the page's. */
export function markdownText(v: IntakeView, source: string | undefined, lang?: string): TemplateResult[] {
  // Web links open in a new tab: leaving the page would lose the answers given so far.
  const marked = lang ? { lang, pageLang: v.ui.language } : {};
  return source ? markdown(source, { newTab: v.ui.t('intakeNewTab'), ...marked }) : [];
}
