/**
 * Webhook endpoints in SQLite (`WebhookStore` of webhook-types.ts). Secrets are sealed with the
 * database's field cipher (encrypted-columns.ts), bound to their row and column.
 */
import type { FieldCipher } from '../../encryption/field-cipher.js';
import { newId } from '../../secrets.js';
import type { NotificationEventType, WebhookEndpointRecord, WebhookSigningRecord, WebhookStore } from '../types.js';
import type { Db } from './database.js';
import { fieldContext } from './encrypted-columns.js';

interface EndpointRow {
  id: string;
  url: string;
  events: string;
  state: 'active' | 'disabled';
  secret: string;
  secret_created_at_ms: number;
  previous_secret: string | null;
  previous_until_ms: number | null;
  created_by: string;
  created_at_ms: number;
}

export class SqliteWebhookStore implements WebhookStore {
  readonly #db: Db;
  readonly #cipher: FieldCipher;

  constructor(db: Db, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
  }

  async list(): Promise<WebhookEndpointRecord[]> {
    return this.#rows().map(toEndpoint);
  }

  async subscribed(type: NotificationEventType): Promise<WebhookEndpointRecord[]> {
    return this.#rows()
      .map(toEndpoint)
      .filter((endpoint) => endpoint.state === 'active' && endpoint.events.includes(type));
  }

  async create({ url, events, secret, createdBy, now }: { url: string; events: NotificationEventType[]; secret: string; createdBy: string; now: number }) {
    const id = newId('wh');
    this.#db
      .prepare(
        `INSERT INTO webhook_endpoints (id, url, events, state, secret, secret_created_at_ms, created_by, created_at_ms)
         VALUES (?, ?, ?, 'active', ?, ?, ?, ?)`,
      )
      .run(id, url, JSON.stringify(events), this.#seal(secret, 'secret', id), now, createdBy, now);
    return toEndpoint(this.#row(id)!);
  }

  async signing(id: string): Promise<WebhookSigningRecord | undefined> {
    const row = this.#row(id);
    if (!row) return undefined;
    return {
      ...toEndpoint(row),
      secret: this.#open(row.secret, 'secret', id),
      previousSecret: row.previous_secret === null ? undefined : this.#open(row.previous_secret, 'previous_secret', id),
      previousUntil: row.previous_until_ms ?? undefined,
    };
  }

  async rotate({ id, secret, previousUntil, now }: { id: string; secret: string; previousUntil: number; now: number }) {
    return this.#db
      .transaction(() => {
        const row = this.#row(id);
        if (!row) return undefined;
        const previous = this.#seal(this.#open(row.secret, 'secret', id), 'previous_secret', id);
        this.#db
          .prepare('UPDATE webhook_endpoints SET secret = ?, secret_created_at_ms = ?, previous_secret = ?, previous_until_ms = ? WHERE id = ?')
          .run(this.#seal(secret, 'secret', id), now, previous, previousUntil, id);
        return toEndpoint(this.#row(id)!);
      })
      .immediate();
  }

  async disable(id: string): Promise<WebhookEndpointRecord | undefined> {
    this.#db.prepare("UPDATE webhook_endpoints SET state = 'disabled' WHERE id = ?").run(id);
    const row = this.#row(id);
    return row && toEndpoint(row);
  }

  async remove(id: string): Promise<WebhookEndpointRecord | undefined> {
    const row = this.#row(id);
    if (!row) return undefined;
    this.#db.prepare('DELETE FROM webhook_endpoints WHERE id = ?').run(id);
    return toEndpoint(row);
  }

  #rows(): EndpointRow[] {
    return this.#db.prepare('SELECT * FROM webhook_endpoints ORDER BY created_at_ms, rowid').all() as EndpointRow[];
  }

  #row(id: string): EndpointRow | undefined {
    return this.#db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
  }

  #seal(value: string, column: string, id: string): string {
    return this.#cipher.seal(value, fieldContext('webhook_endpoints', column, id));
  }

  #open(value: string, column: string, id: string): string {
    return this.#cipher.open(value, fieldContext('webhook_endpoints', column, id));
  }
}

function toEndpoint(row: EndpointRow): WebhookEndpointRecord {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as NotificationEventType[],
    state: row.state,
    createdAt: row.created_at_ms,
    createdBy: row.created_by,
    secretCreatedAt: row.secret_created_at_ms,
  };
}
