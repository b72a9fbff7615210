/**
 * `tsx scripts/measure-validation.ts` (after `npm run generate`): what checking in the browser costs
 * both ways (README.md, "Size"), for the schemas the drop-in files check — the responses, the
 * booking details, the checklist and form definitions. Each way is bundled alone as the CDN build
 * bundles (minified, zod/mini's calls pure), and measured gzip -9: zod/mini with the zod schemas,
 * and the generated validators (scripts/generate-validators.ts) with their runtime.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

const DETAILS = ['CareReason', 'ClientDetails', 'Consent'];

const CONTRACT = [
  'Instant',
  'ServicesResponse',
  'AvailabilityQuery',
  'AvailabilityResponse',
  'HoldResponse',
  'BookingResponse',
  'BookingCreatedResponse',
  'ChecklistResponse',
  'ChecklistItemResponse',
  'FormDefinitionBody',
  'IntakeResponseCreated',
  'SafetySignalCreated',
  'ErrorBody',
];

/** Each way: the modules and the names taken from each. */
const WAYS: Record<string, [string, string[]][]> = {
  'zod/mini with the schemas': [
    ['src/api/schemas.ts', [...CONTRACT, ...DETAILS]],
    ['src/api/clinic.ts', ['ClinicResponse']],
    ['src/checklist/definition.ts', ['ChecklistDefinition', 'ChecklistItemDefinition']],
    ['src/forms/definition.ts', ['FormDefinition', 'ItemsPage']],
  ],
  'generated validators': [
    ['src/api/generated/contract.ts', [...CONTRACT, 'ClinicResponse']],
    ['src/api/generated/details.ts', DETAILS],
    ['src/checklist/generated/definition.ts', ['ChecklistDefinition', 'ChecklistItemDefinition']],
    ['src/forms/generated/definition.ts', ['FormDefinition', 'ItemsPage']],
  ],
};

async function measure(modules: [string, string[]][]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kap-validation-'));
  try {
    const entry = join(dir, 'entry.ts');
    const lines = modules.map(
      ([module, names], index) => `import { ${names.map((name) => `${name} as m${index}_${name}`).join(', ')} } from '${resolve(root, module)}';`,
    );
    const all = modules.flatMap(([, names], index) => names.map((name) => `m${index}_${name}`));
    // Each validator used, as the elements use them, so nothing is left out.
    writeFileSync(entry, `${lines.join('\n')}\nexport const checks = [${all.join(', ')}];\n`);
    await build({
      root,
      configFile: false,
      logLevel: 'error',
      build: {
        outDir: join(dir, 'out'),
        minify: true,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: () => 'out.js' },
        rolldownOptions: { treeshake: { manualPureFunctions: ['z'] }, output: { minify: true, comments: false } },
      },
    });
    const out = readdirSync(join(dir, 'out')).map((file) => readFileSync(join(dir, 'out', file)));
    return gzipSync(Buffer.concat(out), { level: 9 }).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [way, modules] of Object.entries(WAYS)) {
  console.log(`${way.padEnd(28)} ${((await measure(modules)) / 1024).toFixed(2)} KiB gzip -9`);
}
