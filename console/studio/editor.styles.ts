/** The form studio editor's own layout: question cards, their problems, options and condition rows, locked blocks, the drop target. */
import { css } from 'lit';

export const editorStyles = css`
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-inline-start: 4px solid var(--_color-border);
  }
  .item--problem {
    border-inline-start-color: var(--_color-error);
  }
  .item-head {
    cursor: grab;
  }
  .item-head h4,
  .page h3 {
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  .item-problems {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25em;
    color: var(--_color-error);
    font-weight: 600;
  }
  .option,
  .condition-row {
    margin: 0 0 var(--_space);
    padding: 0 0 var(--_space);
    border-bottom: 1px solid var(--_color-border);
  }
  .locked {
    border-inline-start: 4px solid var(--_color-muted);
    padding-inline-start: 0.75rem;
  }
  .drop-target {
    outline: 3px dashed var(--_color-focus);
  }
`;
