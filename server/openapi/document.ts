/**
 * The OpenAPI 3.1 document of the booking API, generated from the contract's zod schemas, so it
 * cannot drift from what the elements and the reference backend actually accept. Each resource
 * writes its own paths (booking-paths.ts, checklist-paths.ts, intake-paths.ts,
 * operation-paths.ts); the shared responses, parameters and schemas are in components.ts.
 */
import { CORS_EXPOSE_HEADERS } from '../middleware/cors.js';
import { BOOKING_PATHS } from './booking-paths.js';
import { CHECKLIST_PATHS } from './checklist-paths.js';
import { CLINIC_PATHS } from './clinic-paths.js';
import { components } from './components.js';
import { INTAKE_PATHS } from './intake-paths.js';
import { OPERATION_PATHS } from './operation-paths.js';
import { STAFF_PATHS } from './staff-paths.js';
import type { JsonSchema, OpenApiOperation } from './parts.js';

export type { OpenApiOperation };

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers: { url: string; description?: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    parameters: Record<string, unknown>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

let cached: OpenApiDocument | undefined;

/**
 * The document; built once per process (it depends only on the schemas). The reference backend
 * serves all of it; `scope: 'contract'` keeps what any clinic's backend implements for the
 * elements (no `staff` paths, and only the components those paths still reach): the npm package's
 * `openapi.json`.
 */
export function buildOpenApiDocument({ scope = 'reference' }: { scope?: 'reference' | 'contract' } = {}): OpenApiDocument {
  cached ??= build();
  return scope === 'contract' ? contractOnly(cached) : structuredClone(cached);
}

/** The description's last sentence, on the staff paths. */
const STAFF_SENTENCE = / The staff paths \(tag `staff`.*$/s;

function contractOnly(full: OpenApiDocument): OpenApiDocument {
  const document = structuredClone(full);
  for (const [path, operations] of Object.entries(document.paths)) {
    if (Object.values(operations).every((operation) => operation.tags?.includes('staff'))) delete document.paths[path];
  }
  document.info.description = String(document.info.description).replace(STAFF_SENTENCE, '');
  const reached = referencedComponents(document);
  for (const [kind, entries] of Object.entries(document.components) as [string, Record<string, unknown>][]) {
    for (const name of Object.keys(entries)) if (!reached.has(`${kind}/${name}`)) delete entries[name];
  }
  return document;
}

/** `kind/name` of every component the paths reach, following `$ref`s and security requirements. */
function referencedComponents(document: OpenApiDocument): Set<string> {
  const reached = new Set<string>();
  const components = document.components as unknown as Record<string, Record<string, unknown>>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
        const id = value.slice('#/components/'.length);
        if (reached.has(id)) continue;
        reached.add(id);
        const [kind, name] = id.split('/') as [string, string];
        visit(components[kind]?.[name]);
      } else if (key === 'security' && Array.isArray(value)) {
        for (const requirement of value) for (const scheme of Object.keys(requirement as object)) reached.add(`securitySchemes/${scheme}`);
      } else {
        visit(value);
      }
    }
  };
  visit(document.paths);
  return reached;
}

function build(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'kap-elements booking API',
      version: '1',
      description:
        'The backend contract of kap-elements. Paths are relative to the `api` base URL an element is given. ' +
        'Times are ISO 8601 instants in UTC (`Z`); time zones are IANA names. No client data ever goes in a URL. ' +
        'Errors use one envelope, `{"error": {"code", "message", "fields"?}}`. Responses may gain fields; clients ignore unknown ones. ' +
        `Cross-origin callers on the allow-list can read the headers ${CORS_EXPOSE_HEADERS}. ` +
        'The staff paths (tag `staff`, under `/staff/`) serve the clinic’s console, same-origin, with a session cookie and a CSRF header; some reads also accept an integration API key.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '.', description: 'Relative to where this document is served: the `api` base URL.' }],
    paths: { ...CLINIC_PATHS, ...BOOKING_PATHS, ...CHECKLIST_PATHS, ...INTAKE_PATHS, ...OPERATION_PATHS, ...STAFF_PATHS },
    components: components(),
  };
}
