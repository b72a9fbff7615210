/**
 * `<console-form-studio>`: one form in the studio — its editor (views/form-editor.ts), beside it the
 * live preview of the draft as it is being edited (form-preview.ts), and under that the form's
 * published versions (form-versions.ts). The editor tells every change (`studio-draft-change`), so
 * the preview follows each keystroke without asking the server; a version restored as the draft
 * reloads the editor, which tells the preview in turn. Only a form's definition passes through here,
 * never a client's answers.
 */
import { css, html, type PropertyDeclarations } from 'lit';
import type { ConsoleFormEditor } from '../views/form-editor.js';
import { ConsoleElement } from '../views/console-view.js';
import '../views/form-editor.js';
import './form-preview.js';
import './form-versions.js';

export class ConsoleFormStudio extends ConsoleElement {
  static override properties: PropertyDeclarations = { ...ConsoleElement.properties, formId: {}, draft: { state: true } };
  static override styles = [
    ...ConsoleElement.styles,
    css`
      .jump {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block-end: var(--_space);
      }
      .studio {
        display: grid;
        gap: var(--_space);
      }
      /* Side by side once both fit: the editor, and the preview with the versions. */
      @media (min-width: 75rem) {
        .studio {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
          align-items: start;
        }
      }
    `,
  ];
  declare formId: string;
  /** The draft as the editor last told it. */
  declare draft: Record<string, unknown> | undefined;

  constructor() {
    super();
    this.formId = '';
    this.draft = undefined;
  }

  override render() {
    const t = this.t;
    // The editor is long: a keyboard reaches the preview and the versions from here at once.
    return html`<nav class="jump" aria-label=${t('studioJumpLabel')}>
        <button class="button button--secondary" type="button" @click=${() => this.#focus('studio-form-preview', '#preview-heading')}>
          ${t('studioJumpPreview')}
        </button>
        <button class="button button--secondary" type="button" @click=${() => this.#focus('studio-form-versions', '#versions-heading')}>
          ${t('studioJumpVersions')}
        </button>
      </nav>
      <div class="studio">
      <console-form-editor .api=${this.api} .t=${this.t} .lang=${this.lang} .timeZone=${this.timeZone} .formId=${this.formId}
        @studio-draft-change=${this.#changed}></console-form-editor>
      <div>
        <studio-form-preview .api=${this.api} .t=${this.t} .lang=${this.lang} .definition=${this.draft}></studio-form-preview>
        <studio-form-versions .api=${this.api} .t=${this.t} .lang=${this.lang} .timeZone=${this.timeZone} .formId=${this.formId}
          @studio-draft-restored=${this.#restored}></studio-form-versions>
      </div>
    </div>`;
  }

  /** Focus on the editor's heading, as when the form is opened. */
  async focusHeading() {
    await this.updateComplete;
    const editor = this.#editor();
    await editor?.updateComplete;
    editor?.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  async #focus(child: string, heading: string) {
    const element = this.renderRoot.querySelector(child) as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
    await element?.updateComplete;
    element?.shadowRoot?.querySelector<HTMLElement>(heading)?.focus();
  }

  #changed = (event: CustomEvent<{ definition: Record<string, unknown> | undefined }>) => {
    this.draft = event.detail.definition;
  };

  /** The draft is now that version: the editor loads it again (and tells the preview). */
  #restored = () => void this.#editor()?.load();

  #editor(): ConsoleFormEditor | null {
    return this.renderRoot.querySelector('console-form-editor');
  }
}
if (!customElements.get('console-form-studio')) customElements.define('console-form-studio', ConsoleFormStudio);
