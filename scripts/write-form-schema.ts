/**
 * Writes `dist/form-definition.schema.json`, the JSON Schema of intake form definitions generated
 * from the zod schemas in `src/forms/definition.ts`, so editors can validate a definition.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formDefinitionJsonSchema } from '../src/forms/json-schema.js';

const target = fileURLToPath(new URL('../dist/form-definition.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
const schema = formDefinitionJsonSchema();
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
const defs = Object.keys((schema.$defs as object | undefined) ?? {}).length;
process.stdout.write(`form-definition.schema.json: ${defs} definitions → dist/form-definition.schema.json\n`);
