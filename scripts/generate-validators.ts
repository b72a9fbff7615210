/**
 * `npm run generate` (and the first step of `npm run build`): writes the browser's validators from
 * the zod schemas, so zod stays the one source of the contract and the drop-in files carry no zod.
 * It walks each schema's definition (`schema._zod.def`, zod 4) and writes it as calls to the
 * combinators of `src/api/validate.ts`, which mirror zod's rules. A refinement or a message
 * function is not copied: it must be a named export of a zod-free module listed in `HOMES`, which
 * the zod schema and the generated code both call. Anything the walk does not know fails here,
 * loudly, rather than checking less in the browser.
 *
 * `tsx scripts/generate-validators.ts --check` exits 1 when a written file is stale
 * (test/api/generated-validators.test.ts runs it, like a lockfile check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** One generated module: the schemas it exports, by name, and where they come from. */
interface Target {
  out: string;
  /** Modules whose exports are generated, and the names taken from each (all when omitted). */
  sources: { module: string; names: string[]; withKeys?: string[] }[];
  /**
   * For the render path of a definition that is checked in full where it is authored: the checks
   * of a string's or a number's value (lengths, patterns, bounds) are left out, and only those. The
   * rest — types, shapes, unions, arrays' lengths and caps, refinements such as `isHttpsUrl`, and
   * what rewrites a value — is kept, so it accepts everything zod accepts, with the same output.
   */
  lenient?: boolean;
}

const TARGETS: Target[] = [
  {
    out: 'src/api/generated/contract.ts',
    sources: [
      {
        module: 'src/api/schemas.ts',
        names: [
          'Instant',
          'ServicesResponse',
          'AvailabilityQuery',
          'AvailabilityResponse',
          'HoldResponse',
          'BookingResponse',
          'BookingAccessCredential',
          'BookingCreatedResponse',
          'ChecklistResponse',
          'ChecklistItemResponse',
          'FormDefinitionBody',
          'IntakeResponseCreated',
          'SafetySignalCreated',
          'ErrorBody',
        ],
      },
      { module: 'src/api/clinic.ts', names: ['ClinicResponse'] },
    ],
  },
  {
    // The booking details' checks, apart: only the details step (a chunk of the drop-in file) uses them.
    out: 'src/api/generated/details.ts',
    sources: [{ module: 'src/api/schemas.ts', names: ['CareReason', 'ClientDetails', 'Consent'] }],
  },
  {
    out: 'src/checklist/generated/definition.ts',
    sources: [
      {
        module: 'src/checklist/definition.ts',
        names: ['ChecklistDefinition', 'ChecklistItemDefinition'],
        withKeys: ['ChecklistDefinition', 'ChecklistItemDefinition'],
      },
    ],
  },
  {
    out: 'src/forms/generated/definition.ts',
    sources: [{ module: 'src/forms/definition.ts', names: ['FormDefinition', 'ItemsPage'] }],
  },
  {
    // The render path's (src/forms/parse.ts): the authoring checks (check-definition.ts, the server) use the one above.
    out: 'src/forms/generated/render-definition.ts',
    sources: [{ module: 'src/forms/definition.ts', names: ['FormDefinition', 'ItemsPage'] }],
    lenient: true,
  },
];

/** Zod-free modules whose named exported functions a schema may use as a refinement or a message. */
const HOMES = ['src/api/time-zone.ts', 'src/api/civil-date.ts', 'src/i18n/local-text.ts', 'src/checklist/messages.ts', 'src/forms/https-url.ts'];

type Def = Record<string, unknown> & { type: string; checks?: ZodLike[] };
interface ZodLike {
  _zod: { def: Def; traits: Set<string> };
}

async function functionHomes(): Promise<Map<unknown, { module: string; name: string }>> {
  const homes = new Map<unknown, { module: string; name: string }>();
  for (const module of HOMES) {
    const exports = (await import(resolve(root, module))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') homes.set(value, { module, name });
  }
  return homes;
}

class Writer {
  readonly lines: string[] = [];
  readonly names = new Map<ZodLike, string>();
  readonly imports = new Map<string, Set<string>>();
  readonly runtime = new Set<string>();
  readonly expressions = new Map<string, string>();
  /** The consts already written: a schema that refers only to these takes them as they are, not through a function. */
  readonly declared = new Set<string>();
  #count = 0;

  constructor(
    readonly out: string,
    readonly homes: Map<unknown, { module: string; name: string }>,
    readonly lenient = false,
  ) {}

  use(name: string): string {
    this.runtime.add(name);
    return name;
  }

  /**
   * `name` about to be called, marked pure: the combinators only build validators, which the
   * bundler cannot prove by itself, so without the mark every drop-in file kept every validator
   * (the booking's details form in the checklist's file, the checklist's response in the intake's).
   */
  call(name: string): string {
    return `/* @__PURE__ */ ${this.use(name)}`;
  }

  /** A function the schema calls, by its one home. */
  fn(value: unknown, what: string): string {
    const home = this.homes.get(value);
    if (!home) {
      throw new Error(
        `${this.out}: ${what} is not a named export of a zod-free module (${HOMES.join(', ')}): give it one home the schema and the generated validator both call.\n${String(value)}`,
      );
    }
    let specifier = relative(dirname(resolve(root, this.out)), resolve(root, home.module)).replace(/\.ts$/, '.js');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const names = this.imports.get(specifier) ?? new Set();
    names.add(home.name);
    this.imports.set(specifier, names);
    return home.name;
  }

  /** A message: zod keeps a text as `() => text`; anything else is a function with a home. */
  message(error: unknown, what: string): string | undefined {
    if (error === undefined) return undefined;
    if (typeof error !== 'function') throw new Error(`${this.out}: ${what}: unknown error option`);
    if (/^\(\) => params(?:\.error)?$/.test(String(error))) return JSON.stringify((error as () => string)());
    return this.fn(error, `the message function of ${what}`);
  }

  /** Whether `names` are all written already; else what refers to them reads them later, through a function. */
  declaredAll(names: string[]): boolean {
    return names.every((name) => this.declared.has(name));
  }

  /** `name`, or a function that returns it while it is not written yet (a schema that holds itself). */
  later(name: string): string {
    return this.declaredAll([name]) ? name : `() => ${name}`;
  }

  /** `abc, undefined, undefined` → `abc`: trailing undefined arguments dropped. */
  args(...values: (string | undefined)[]): string {
    while (values.length && values[values.length - 1] === undefined) values.pop();
    return values.map((value) => value ?? 'undefined').join(', ');
  }

  /** `check` as a combinator call; `undefined` for a value check a lenient target leaves out (`scalar`: on a string or number). */
  check(check: ZodLike, where: string, scalar = false): string | undefined {
    const def = check._zod.def as Def & Record<string, any>;
    if (this.lenient && scalar && /^(min_length|max_length|string_format|greater_than|less_than)$/.test(String(def['check']))) return undefined;
    const error = this.message(def['error'], where);
    const abort = def['abort'] ? 'true' : undefined;
    switch (def['check']) {
      case 'min_length':
        return `${this.call('minLength')}(${this.args(String(def['minimum']), error, abort)})`;
      case 'max_length':
        return `${this.call('maxLength')}(${this.args(String(def['maximum']), error, abort)})`;
      case 'string_format':
        if (def['format'] !== 'regex') throw new Error(`${where}: string format check "${def['format']}" is not supported`);
        return `${this.call('format')}(${this.args(String(def['pattern']), '"regex"', error, abort)})`;
      case 'greater_than':
        return `${this.call('greaterThan')}(${this.args(String(def['value']), String(def['inclusive']), error, abort)})`;
      case 'less_than':
        return `${this.call('lessThan')}(${this.args(String(def['value']), String(def['inclusive']), error, abort)})`;
      case 'overwrite':
        if (!/\.trim\(\)/.test(String(def['tx']))) throw new Error(`${where}: only z.trim() may rewrite a value`);
        return this.use('trim');
      case 'custom':
        if (def['when']) throw new Error(`${where}: a refinement with \`when\` is not supported`);
        return `${this.call('refine')}(${this.args(this.fn(def['fn'], `a refinement of ${where}`), error, abort)})`;
      default:
        throw new Error(`${where}: the check "${String(def['check'])}" is not supported`);
    }
  }

  checks(def: Def, where: string, skipFirst = false): string | undefined {
    const scalar = def.type === 'string' || def.type === 'number';
    const checks = (def.checks ?? [])
      .slice(skipFirst ? 1 : 0)
      .map((check) => this.check(check, where, scalar))
      .filter(Boolean);
    return checks.length ? `[${checks.join(', ')}]` : undefined;
  }

  /** The const holding `schema`'s combinator, written once per zod instance. */
  name(schema: ZodLike, where: string): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = `s${this.#count++}`;
    this.names.set(schema, name);
    const expression = this.expression(schema, where);
    // The same schema written twice (`z.string()` in many places) is one const, unless it refers to itself.
    const same = this.expressions.get(expression);
    if (same && !new RegExp(`\\b${name}\\b`).test(expression)) {
      this.names.set(schema, same);
      return same;
    }
    this.expressions.set(expression, name);
    this.lines.push(`const ${name}: ${this.use('Schema')} = ${expression};`);
    this.declared.add(name);
    return name;
  }

  expression(schema: ZodLike, where: string): string {
    const def = schema._zod.def as Def & Record<string, any>;
    const error = this.message(def['error'], where);
    switch (def.type) {
      case 'string': {
        if (def['format']) {
          const checks = (def.checks ?? []).filter((check) => check !== (schema as unknown));
          const own = (def.checks ?? [])[0] === (schema as unknown) || !def.checks?.length;
          if (!own && def.checks?.length) throw new Error(`${where}: unexpected checks order on a string format`);
          const kept = checks.map((check) => this.check(check, where, true)).filter(Boolean);
          const rest = kept.length ? `[${kept.join(', ')}]` : undefined;
          return `${this.call('stringFormat')}(${this.args(String(def['pattern']), JSON.stringify(def['format']), rest ?? (error || def['abort'] ? '[]' : undefined), error, def['abort'] ? 'true' : undefined)})`;
        }
        return `${this.call('string')}(${this.args(this.checks(def, where), error)})`;
      }
      case 'number': {
        if (def['format'] === 'safeint') {
          const rest = (def.checks ?? [])
            .filter((check) => check !== (schema as unknown))
            .map((check) => this.check(check, where, true))
            .filter(Boolean);
          const checks = rest.length ? `[${rest.join(', ')}]` : undefined;
          return `${this.call('int')}(${this.args(checks ?? (error ? '[]' : undefined), error)})`;
        }
        if (def['format']) throw new Error(`${where}: number format "${def['format']}" is not supported`);
        return `${this.call('number')}(${this.args(this.checks(def, where), error)})`;
      }
      case 'boolean':
        this.noChecks(def, where);
        return `${this.call('boolean')}(${this.args(error)})`;
      case 'unknown':
        this.noChecks(def, where);
        return this.use('unknown');
      case 'enum':
        this.noChecks(def, where);
        return `${this.call('oneOf')}(${this.args(JSON.stringify(Object.values(def['entries'] as object)), error)})`;
      case 'literal':
        this.noChecks(def, where);
        return `${this.call('oneOf')}(${this.args(JSON.stringify(def['values']), error)})`;
      case 'optional':
        this.noChecks(def, where);
        return `${this.call('optional')}(${this.name(def['innerType'], where)})`;
      case 'nullable':
        this.noChecks(def, where);
        return `${this.call('nullable')}(${this.name(def['innerType'], where)})`;
      case 'default':
        this.noChecks(def, where);
        return `${this.call('withDefault')}(${this.name(def['innerType'], where)}, ${JSON.stringify(def['defaultValue'])})`;
      case 'object': {
        const catchall = def['catchall'] as ZodLike | undefined;
        if (catchall && catchall._zod.def.type !== 'never') throw new Error(`${where}: only z.object and z.strictObject are supported`);
        const shape = def['shape'] as Record<string, ZodLike>;
        const names = Object.entries(shape).map(([key, value]) => [key, this.name(value, `${where}.${key}`)] as const);
        const fields = names.map(([key, name]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${name}`);
        const shapeCode = `{ ${fields.join(', ')} }`;
        const written = this.declaredAll(names.map(([, name]) => name)) ? shapeCode : `() => (${shapeCode})`;
        return `${this.call('object')}(${this.args(written, catchall ? 'true' : undefined, this.checks(def, where), error)})`;
      }
      case 'array': {
        const element = this.name(def['element'], `${where}[]`);
        const leading: ZodLike[] = [];
        for (const check of def.checks ?? []) {
          if (!/_(length|size)$|_equals$/.test(String(check._zod.def['check']))) break;
          leading.push(check);
        }
        const cap = leading.find((check) => check._zod.def['maximum'] !== undefined);
        const capArg = cap ? `[${this.args(String(cap._zod.def['maximum']), this.message(cap._zod.def['error'], where))}]` : undefined;
        return `${this.call('array')}(${this.args(this.later(element), this.checks(def, where), error, capArg)})`;
      }
      case 'record': {
        const key = this.name(def['keyType'], `${where} (key)`);
        if ((def['keyType'] as ZodLike)._zod.def.type !== 'string') throw new Error(`${where}: only string record keys are supported`);
        const value = this.name(def['valueType'], `${where}.*`);
        return `${this.call('record')}(${this.args(key, this.later(value), this.checks(def, where), error)})`;
      }
      case 'union': {
        this.noChecks(def, where);
        const options = (def['options'] as ZodLike[]).map((option, index) => this.name(option, `${where}|${index}`));
        if (def['discriminator']) {
          const key = def['discriminator'] as string;
          const shapes = options.map((option) => `${option}_shape`);
          const discriminants = (def['options'] as ZodLike[]).map((option) => {
            const field = (option._zod.def['shape'] as Record<string, ZodLike>)[key]!;
            return `{ ${JSON.stringify(key)}: ${this.name(field, `${where}.${key}`)} }`;
          });
          void shapes;
          return `${this.call('discriminated')}(${this.args(JSON.stringify(key), `() => [${options.join(', ')}]`, `() => [${discriminants.join(', ')}]`, error)})`;
        }
        if (def['inclusive'] === false) throw new Error(`${where}: z.xor is not supported`);
        const list = `[${options.join(', ')}]`;
        return `${this.call('union')}(${this.args(this.declaredAll(options) ? list : `() => ${list}`, error)})`;
      }
      default:
        throw new Error(`${where}: the zod type "${def.type}" is not supported by the generator`);
    }
  }

  noChecks(def: Def, where: string): void {
    if (def.checks?.length) throw new Error(`${where}: checks on a ${def.type} are not supported`);
  }
}

async function generate(target: Target, homes: Map<unknown, { module: string; name: string }>): Promise<string> {
  const writer = new Writer(target.out, homes, target.lenient);
  const exports: string[] = [];
  const typeImports: string[] = [];
  for (const [index, source] of target.sources.entries()) {
    const module = (await import(resolve(root, source.module))) as Record<string, ZodLike>;
    let specifier = relative(dirname(resolve(root, target.out)), resolve(root, source.module)).replace(/\.ts$/, '.js');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const alias = `S${index}`;
    typeImports.push(`import type * as ${alias} from '${specifier}';`);
    for (const name of source.names) {
      const schema = module[name];
      if (!schema?._zod) throw new Error(`${source.module} has no zod schema "${name}"`);
      const root = writer.name(schema, name);
      const type = `z.output<typeof ${alias}.${name}>`;
      const entries = schema._zod.def.type === 'enum' ? Object.values(schema._zod.def['entries'] as object) : undefined;
      const keys = source.withKeys?.includes(name) ? Object.keys(schema._zod.def['shape'] as object) : undefined;
      exports.push(
        `/** \`${name}\` of ${source.module}${keys ? ', with the keys it knows' : ''}. */`,
        keys
          ? `export const ${name}: ${writer.use('Validator')}<${type}> & { keys: string[] } = { ...${writer.call('validator')}<${type}>(${root}), keys: ${JSON.stringify(keys)} };`
          : entries
            ? `export const ${name}: ${writer.use('Validator')}<${type}> & { options: ${type}[] } = { ...${writer.call('validator')}<${type}>(${root}), options: ${JSON.stringify(entries)} };`
            : `export const ${name}: ${writer.use('Validator')}<${type}> = ${writer.call('validator')}<${type}>(${root});`,
      );
    }
  }
  let runtime = relative(dirname(resolve(root, target.out)), resolve(root, 'src/api/validate.js'));
  if (!runtime.startsWith('.')) runtime = `./${runtime}`;
  const typeOnly = new Set(['Schema', 'Validator']);
  const values = [...writer.runtime].filter((name) => !typeOnly.has(name)).sort();
  const types = [...writer.runtime].filter((name) => typeOnly.has(name)).sort();
  const header = [
    '// Generated by scripts/generate-validators.ts from the zod schemas (`npm run generate`). Do not edit:',
    '// change the schema and generate again. test/api/generated-validators.test.ts fails when this is stale.',
    "import type * as z from 'zod/mini';",
    ...typeImports,
    `import { ${[...values, ...types.map((name) => `type ${name}`)].join(', ')} } from '${runtime}';`,
    ...[...writer.imports].sort().map(([specifier, names]) => `import { ${[...names].sort().join(', ')} } from '${specifier}';`),
    '',
  ];
  // zod's own patterns (the email format's) are copied as they are, escapes and all.
  const lint = writer.lines.some((line) => line.includes('\\-')) ? ["/* eslint-disable no-useless-escape -- zod's patterns, copied as they are */"] : [];
  return `${[...lint, ...header, ...writer.lines, '', ...exports].join('\n')}\n`;
}

const check = process.argv.includes('--check');
const homes = await functionHomes();
const stale: string[] = [];
for (const target of TARGETS) {
  const code = await generate(target, homes);
  const file = resolve(root, target.out);
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === code) continue;
  if (check) stale.push(target.out);
  else writeFileSync(file, code);
}
if (stale.length) {
  console.error(`Stale generated validators: ${stale.join(', ')}. Run \`npm run generate\` and commit the result.`);
  process.exit(1);
}
