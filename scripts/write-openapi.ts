/**
 * Writes `dist/openapi.json`, the OpenAPI 3.1 document of the booking API generated from the
 * contract's zod schemas: the part any clinic's backend implements for the elements. The reference
 * backend serves the whole document at `GET /openapi.json`, its staff paths included.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../server/openapi/document.js';

const target = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
const document = buildOpenApiDocument({ scope: 'contract' });
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(
  `openapi.json: ${Object.keys(document.paths).length} paths, ${Object.keys(document.components.schemas).length} schemas → dist/openapi.json\n`,
);
