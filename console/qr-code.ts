/**
 * `<console-qr-code value="otpauth://…" label="…">`: a QR code drawn here, as SVG, from the text
 * (uqr, no network): one path of dark modules, in the text colour, on the background colour.
 */
import { LitElement, css, svg, html } from 'lit';
import { encode } from 'uqr';

export class ConsoleQrCode extends LitElement {
  static override properties = { value: {}, label: {} };
  static override styles = css`
    :host {
      display: block;
      width: 12rem;
      max-width: 100%;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      /* A QR code reads only dark on light, whatever the scheme. */
      background: #ffffff;
      color: #000000;
    }
  `;
  declare value: string;
  declare label: string;

  constructor() {
    super();
    this.value = '';
    this.label = '';
  }

  override render() {
    if (!this.value) return html``;
    const { data, size } = encode(this.value, { border: 2 });
    let path = '';
    data.forEach((row, y) => row.forEach((dark, x) => (path += dark ? `M${x} ${y}h1v1h-1z` : '')));
    return html`<svg role="img" aria-label=${this.label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
      ${svg`<path d=${path} fill="currentColor"></path>`}
    </svg>`;
  }
}
if (!customElements.get('console-qr-code')) customElements.define('console-qr-code', ConsoleQrCode);
