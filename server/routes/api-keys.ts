/**
 * Integration API keys (owner): `POST staff/api-keys` makes one with its scopes and answers its
 * secret once (`kap_…`; only its SHA-256 is kept), `GET staff/api-keys` lists them with their last
 * use, `DELETE staff/api-keys/{id}` revokes one. A key is accepted as `Authorization: Bearer` on
 * the GET routes its scopes grant (auth/route-access.ts: `apiKey`).
 */
import type { Hono } from 'hono';
import { ApiKeyCreateRequest, type ApiKey } from '../../src/api/staff.js';
import type { ApiKeyScope } from '../../src/staff/roles.js';
import { notFound } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import { toInstant } from '../stores/records.js';
import type { ApiKeyRecord } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

/** The prefix of a key's secret, so a leaked one is recognisable (and searchable by scanners). */
export const API_KEY_PREFIX = 'kap_';

export function registerApiKeyRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  const manage = auth.requireStaff('api-keys:manage');

  app.get('/staff/api-keys', manage, async (c) => c.json({ apiKeys: (await stores.apiKeys.list()).map(toApiKey) }));

  app.post('/staff/api-keys', manage, async (c) => {
    const request = parseRequest(ApiKeyCreateRequest, c.var.body);
    const secret = `${API_KEY_PREFIX}${newAccessToken()}`;
    const scopes = [...new Set(request.scopes)] as ApiKeyScope[];
    const key = await stores.apiKeys.create({ name: request.name, scopes, secretHash: sha256Hex(secret), createdBy: c.var.staff.id, now: now() });
    await auth.audit(c, 'api_key.create', { type: 'api_key', id: key.id });
    const body = { apiKey: toApiKey(key), secret };
    return c.json(body, 201);
  });

  app.delete('/staff/api-keys/:id', manage, async (c) => {
    const key = await stores.apiKeys.revoke(c.req.param('id'), now());
    if (!key) throw notFound('There is no API key with this id.');
    await auth.audit(c, 'api_key.revoke', { type: 'api_key', id: key.id });
    return c.json({ apiKey: toApiKey(key) });
  });
}

function toApiKey(record: ApiKeyRecord): ApiKey {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes,
    createdAt: toInstant(record.createdAt),
    ...(record.lastUsedAt !== undefined ? { lastUsedAt: toInstant(record.lastUsedAt) } : {}),
    ...(record.revokedAt !== undefined ? { revokedAt: toInstant(record.revokedAt) } : {}),
  };
}
