/**
 * Development's mailbox (outside development both paths answer 404, whoever asks): `GET /console/dev-mail` shows the owner every
 * message the server would have sent — subject, recipient, the plain text with its links made
 * clickable, and the attachments — so a newcomer sees what the client would receive;
 * `GET /console/dev-mail/:id/:index` downloads an attachment (the `.ics`). Server-rendered, under
 * the console's strict CSP: no script, no inline style, every value escaped. The demo page's footer
 * links here, so a person who is not signed in as the owner gets a page saying how to get in (still
 * 401 or 403), not the API's JSON error.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import type { StaffEnv } from '../auth/staff-auth.js';
import type { DevMailRecord } from '../stores/types.js';
import { CONSOLE_CSP } from './console-assets.js';
import type { RouteContext } from './context.js';

const SHOWN = 50;

export function registerDevMailRoutes(app: Hono<AppEnv>, { stores, auth }: RouteContext, development: boolean): void {
  if (!development) {
    app.get('/console/dev-mail', (c) => strict(c.text('Not found', 404)));
    app.get('/console/dev-mail/*', (c) => strict(c.text('Not found', 404)));
    return;
  }
  const ownerOnly = auth.requireStaff('audit:read');
  const owner: MiddlewareHandler<StaffEnv> = async (c, next) => {
    try {
      await ownerOnly(c, next);
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
      const response = strict(c.html(refusedPage(error.status), error.status));
      for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value);
      return response;
    }
  };

  app.get('/console/dev-mail', owner, async (c) => {
    const mail = await stores.notifications.devMail(SHOWN);
    return strict(c.html(page(mail)));
  });

  app.get('/console/dev-mail/:id/:index', owner, async (c) => {
    const message = (await stores.notifications.devMail(SHOWN)).find((candidate) => candidate.id === c.req.param('id'));
    const attachment = message?.attachments[Number(c.req.param('index'))];
    if (!attachment) return strict(c.text('Not found', 404));
    c.header('Content-Type', attachment.contentType);
    c.header('Content-Disposition', `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`);
    return strict(c.body(attachment.content));
  });
}

function strict(response: Response): Response {
  response.headers.set('Content-Security-Policy', CONSOLE_CSP);
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

function page(mail: DevMailRecord[]): string {
  const items = mail.map(
    (message) => `<article aria-labelledby="m-${escape(message.id)}">
<h2 id="m-${escape(message.id)}">${escape(message.subject)}</h2>
<dl><dt>To</dt><dd>${escape(message.to)}</dd><dt>Kept</dt><dd><time datetime="${new Date(message.at).toISOString()}">${escape(new Date(message.at).toISOString())}</time></dd></dl>
<pre>${linked(message.text)}</pre>
${message.attachments.length ? `<ul>${message.attachments.map((attachment, index) => `<li><a href="/console/dev-mail/${encodeURIComponent(message.id)}/${index}">${escape(attachment.filename)}</a></li>`).join('')}</ul>` : ''}
</article>`,
  );
  return shell(`<p>No SMTP server is set (<code>KAP_SMTP_URL</code>), so in development the messages the clinic would send are kept here instead, newest first. Links in them open the booking as the client would.</p>
<p><a href="/console/">Back to the console</a></p>
${items.length ? items.join('\n') : '<p>No messages yet. Book an appointment on the demo page, then reload.</p>'}`);
}

/** Not signed in (401), or signed in with a role other than the owner's (403): how to get in. */
function refusedPage(status: 401 | 403): string {
  const body =
    status === 401
      ? `<p>The development mailbox keeps the emails the clinic would have sent. To read it, sign in to the console as the clinic’s owner.</p>
<p><a href="/console/">Sign in to the console</a>, then follow the demo page’s link again.</p>
<p>No owner yet? Create the clinic’s first one; it prints a one-time set-up link:</p>
<pre>npm run staff -- add --email you@your-clinic.example --role owner</pre>`
      : `<p>Only the clinic’s owner can read the development mailbox. Sign in as the owner to read it.</p>
<p><a href="/console/">Back to the console</a></p>`;
  return shell(body);
}

/** A page of the mailbox; its empty icon keeps the browser from asking for `/favicon.ico`, a 404 in its console. */
function shell(body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Development mailbox — Clinic console</title></head>
<body>
<main>
<h1>Development mailbox</h1>
${body}
</main>
</body>
</html>`;
}

/** Escapes the text, making each http(s) address a link. */
function linked(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, index) => (index % 2 === 1 ? `<a href="${escape(part)}">${escape(part)}</a>` : escape(part)))
    .join('');
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
