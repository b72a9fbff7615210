/**
 * Where the studio shows the checks' problems: under the heading of their question, page or
 * section (`itemProblems`), and listed at the top — quietly while the marketer edits
 * (`problemSummary`), as the GOV.UK error summary that takes focus once Publish is refused
 * (`refusedSummary`). Each entry links to its place. A problem with no plain words is shown in
 * the check's own words, marked English.
 */
import { html, nothing } from 'lit';
import { renderErrorSummary } from '../../src/base/error-summary.js';
import type { Translate } from '../i18n/index.js';
import type { Problem } from './problems.js';

/** The id of the heading a place's link leads to. */
export function anchor(place: string): string {
  const match = /^p(\d+)(?:\.i(\d+))?$/.exec(place);
  if (!match) return place === 'crisis' ? 'crisis-heading' : 'form-heading';
  return match[2] !== undefined ? `item-${match[1]}-${match[2]}-heading` : `page-${match[1]}-heading`;
}

/** "Page 2, question 3", "Page 2", "The form", "Crisis resources". */
export function placeWords(t: Translate, place: string): string {
  const match = /^p(\d+)(?:\.i(\d+))?$/.exec(place);
  if (!match) return t(place === 'crisis' ? 'studioPlaceCrisis' : 'studioPlaceForm');
  const page = Number(match[1]) + 1;
  return match[2] !== undefined ? t('studioPlaceItem', { page, item: Number(match[2]) + 1 }) : t('studioPlacePage', { page });
}

const words = (problem: Problem) => problem.plain ?? html`<span lang="en">${problem.detail}</span>`;

/** The problems of one place, under its heading. */
export function itemProblems(t: Translate, problems: readonly Problem[]) {
  if (!problems.length) return nothing;
  return html`<ul class="item-problems">
    ${problems.map((problem) => html`<li><span class="visually-hidden">${t('errorPrefix')}</span> ${words(problem)}</li>`)}
  </ul>`;
}

/** Every problem, each a link to its place (`goTo`); or that there is none. */
export function problemSummary(t: Translate, problems: readonly Problem[], goTo: (place: string) => void) {
  if (!problems.length) return html`<p class="notice notice--success" id="problems">${t('studioNoProblems')}</p>`;
  return html`<div class="card" id="problems">
    <h3>${t('studioProblemsHeading', { count: problems.length })}</h3>
    <ul>
      ${problems.map(
        (problem) =>
          html`<li>
            <a
              href="#${anchor(problem.place)}"
              @click=${(event: Event) => {
                event.preventDefault();
                goTo(problem.place);
              }}
              >${placeWords(t, problem.place)}: ${words(problem)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** The error summary of a refused Publish. */
export function refusedSummary(t: Translate, problems: readonly Problem[], goTo: (place: string) => void) {
  return renderErrorSummary(
    (title) => html`<h3>${title}</h3>`,
    t('studioPublishRefused'),
    problems.map((problem) => ({
      href: `#${anchor(problem.place)}`,
      message: `${placeWords(t, problem.place)}: ${problem.plain ?? problem.detail}`,
      ...(problem.plain ? {} : { lang: 'en' }),
      focus: () => goTo(problem.place),
    })),
  );
}
