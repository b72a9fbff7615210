/** For operators and tools: `GET health` (the server and its database answer) and `GET openapi.json`. */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { buildOpenApiDocument } from '../openapi/document.js';
import type { RouteContext } from './context.js';

export function registerOperationRoutes(app: Hono<AppEnv>, { stores }: RouteContext): void {
  app.get('/health', async (c) => {
    await stores.ping();
    return c.json({ status: 'ok' });
  });

  app.get('/openapi.json', (c) => c.json(buildOpenApiDocument()));
}
