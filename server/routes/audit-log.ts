/**
 * The audit log (owner): `GET staff/audit` pages through it, newest first, filtered by actor,
 * record and time; `GET staff/audit.csv` exports what the same filters select as CSV, every cell
 * quoted and any cell a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) prefixed with an apostrophe. Query strings carry ids and instants only.
 */
import type { Context, Hono } from 'hono';
import { Instant } from '../../src/api/schemas.js';
import type { AuditEntry, AuditPage } from '../../src/api/staff.js';
import { validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { toInstant } from '../stores/records.js';
import type { AuditEntryRecord, AuditQuery } from '../stores/types.js';
import type { RouteContext } from './context.js';

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const CSV_COLUMNS = ['id', 'at', 'actor_type', 'actor_id', 'action', 'record_type', 'record_id', 'address'] as const;

export function registerAuditLogRoutes(app: Hono<AppEnv>, { stores, auth }: RouteContext): void {
  const owner = auth.requireStaff('audit:read');

  app.get('/staff/audit', owner, async (c) => {
    const { entries, next } = await stores.audit.query(auditQuery(c));
    const body: AuditPage = { entries: entries.map(toAuditEntry), ...(next ? { next } : {}) };
    return c.json(body);
  });

  app.get('/staff/audit.csv', owner, async (c) => {
    const query = { ...auditQuery(c), limit: MAX_PAGE_SIZE };
    const rows: AuditEntryRecord[] = [];
    for (let before = query.before; ;) {
      const page = await stores.audit.query({ ...query, ...(before !== undefined ? { before } : {}) });
      rows.push(...page.entries);
      if (!page.next) break;
      before = page.next;
    }
    await auth.audit(c, 'audit.export');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="audit-log.csv"');
    return c.body(auditCsv(rows));
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function auditQuery(c: Context<any, any, any>): AuditQuery {
  const fields: Record<string, string> = {};
  const text = (name: string) => {
    const value = c.req.query(name);
    if (value === undefined || value === '') return undefined;
    if (value.length > 200) fields[name] = 'Too long.';
    return value;
  };
  const instant = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!Instant.safeParse(value).success) fields[name] = 'Expected an instant such as 2026-03-04T14:00:00Z.';
    return Date.parse(value);
  };
  const before = text('before');
  if (before !== undefined && !/^\d{1,15}$/.test(before)) fields.before = 'Expected the `next` of a previous page.';
  const limitText = text('limit');
  const limit = limitText === undefined ? AUDIT_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) fields.limit = `Expected a whole number from 1 to ${MAX_PAGE_SIZE}.`;
  const query: AuditQuery = {
    actorId: text('actor'),
    recordType: text('recordType'),
    recordId: text('recordId'),
    from: instant('from'),
    to: instant('to'),
    before,
    limit,
  };
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
  return query;
}

export function toAuditEntry(entry: AuditEntryRecord): AuditEntry {
  return {
    id: entry.id,
    at: toInstant(entry.at),
    actor: entry.actor.type === 'anonymous' ? { type: 'anonymous' } : { type: entry.actor.type, id: entry.actor.id },
    action: entry.action,
    ...(entry.record ? { record: entry.record } : {}),
    ...(entry.address !== undefined ? { address: entry.address } : {}),
  };
}

/** The entries as CSV (RFC 4180, CRLF), safe to open in a spreadsheet. */
export function auditCsv(entries: readonly AuditEntryRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const cells = [
      entry.id,
      toInstant(entry.at),
      entry.actor.type,
      entry.actor.type === 'anonymous' ? '' : entry.actor.id,
      entry.action,
      entry.record?.type ?? '',
      entry.record?.id ?? '',
      entry.address ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One quoted cell; a value a spreadsheet would take for a formula starts with an apostrophe instead. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
