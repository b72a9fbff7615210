/**
 * The browser's validators (src/api/generated/, written from the zod schemas by
 * scripts/generate-validators.ts) against zod itself: for arbitrary JSON-ish values and for valid
 * bodies with one thing broken, both accept or both refuse, with the same output and the same
 * issues (path and message, in order) — so an element words a broken body as it did with zod;
 * the form definition's lenient ones accept what zod accepts, alike, and refuse all else but what
 * only a string's or a number's value check refuses. And
 * the committed files are what the generator writes today (like a lockfile check).
 */
// node-test: own process, with zod's settings as the browser has them: the server's modules set its English locale.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as generated from '../../src/api/generated/contract.js';
import * as detailsGenerated from '../../src/api/generated/details.js';
import * as clinic from '../../src/api/clinic.js';
import * as schemas from '../../src/api/schemas.js';
import * as checklistGenerated from '../../src/checklist/generated/definition.js';
import * as checklist from '../../src/checklist/definition.js';
import { KAP_DEFAULT_CHECKLIST } from '../../src/checklist/kap-default.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import * as forms from '../../src/forms/definition.js';
import * as formsGenerated from '../../src/forms/generated/definition.js';
import * as renderGenerated from '../../src/forms/generated/render-definition.js';
import { MEDICAL_SCREENING_PAGE } from '../../src/forms/medical-screening.js';

interface IssueLike {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  keys?: string[];
  errors?: IssueLike[][];
}

interface Parser {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: readonly IssueLike[] } };
}

const zodSchemas: Record<string, Parser> = {
  ...(schemas as unknown as Record<string, Parser>),
  ClinicResponse: clinic.ClinicResponse,
  ChecklistDefinition: checklist.ChecklistDefinition,
  ChecklistItemDefinition: checklist.ChecklistItemDefinition,
  FormDefinition: forms.FormDefinition,
  ItemsPage: forms.ItemsPage,
  'FormDefinition (render path)': forms.FormDefinition,
  'ItemsPage (render path)': forms.ItemsPage,
};
const generatedValidators: Record<string, Parser> = {
  ...(generated as unknown as Record<string, Parser>),
  ...(detailsGenerated as unknown as Record<string, Parser>),
  ...(checklistGenerated as unknown as Record<string, Parser>),
  ...(formsGenerated as unknown as Record<string, Parser>),
  'FormDefinition (render path)': renderGenerated.FormDefinition,
  'ItemsPage (render path)': renderGenerated.ItemsPage,
};
const names = Object.keys(generatedValidators);

const INSTANT = '2026-03-04T14:00:00Z';
const BOOKING = { id: 'b1', service: 'consultation', start: INSTANT, end: '2026-03-04T14:45:00Z', status: 'confirmed' };
const ITEM = {
  id: 'stop-eating',
  text: 'Stop eating',
  details: '**Fast**',
  group: 'On the day',
  dueOffsetMinutes: -240,
  required: true,
  done: false,
  translations: { es: { text: 'Deje de comer' } },
};

/** A valid value of each schema the browser checks. */
const VALID: Record<string, unknown> = {
  Instant: INSTANT,
  ServicesResponse: {
    lang: 'en',
    services: [
      {
        id: 'integration',
        name: 'Integration',
        description: 'After the session',
        durationMinutes: 60,
        location: 'in_person',
        mode: 'request',
        followUp: { after: 'administration', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 },
        translations: { es: { name: 'Integración', description: 'Después' } },
      },
    ],
  },
  AvailabilityQuery: { service: 'consultation', from: INSTANT, to: '2026-03-11T14:00:00Z', after: 'b1' },
  AvailabilityResponse: { service: 'consultation', timeZone: 'America/New_York', slots: [{ start: INSTANT, end: '2026-03-04T14:45:00Z' }] },
  HoldResponse: { hold: { id: 'h1', service: 'consultation', start: INSTANT, end: INSTANT, expiresAt: INSTANT }, releaseToken: 'r'.repeat(16) },
  CareReason: 'ptsd',
  ClientDetails: { name: '  Ana Díaz ', email: 'ana@example.com', phone: ' 212 555 0100 ' },
  Consent: { privacy: true, contact: false },
  BookingResponse: { booking: BOOKING },
  BookingAccessCredential: { credential: 'c2VjcmV0LWNyZWRlbnRpYWw', expiresAt: '2026-03-03T15:30:00Z' },
  BookingCreatedResponse: { booking: BOOKING, accessToken: 't'.repeat(20) },
  ChecklistResponse: { lang: 'en', booking: BOOKING, timeZone: 'Europe/Madrid', items: [ITEM, { ...ITEM, id: 'b', doneAt: INSTANT, done: true }] },
  ChecklistItemResponse: { item: ITEM },
  FormDefinitionBody: { id: 'intake', pages: [] },
  IntakeResponseCreated: { response: { id: 'r1', receivedAt: INSTANT } },
  SafetySignalCreated: { signal: { id: 's1', receivedAt: INSTANT } },
  ErrorBody: { error: { code: 'validation_failed', message: 'Bad', fields: { 'client.email': 'Enter an email' } } },
  ClinicResponse: {
    name: 'Clinic',
    timeZone: 'America/New_York',
    phone: '+1 212 555 0100',
    privacyNoticeUrl: '/privacy',
    crisisResources: { US: [{ name: '988 Lifeline', description: 'Call or text', phone: '988', sms: '988', url: 'https://988lifeline.org' }] },
    theme: { tokens: { '--kap-color': '#123' } },
  },
  ChecklistDefinition: { ...KAP_DEFAULT_CHECKLIST, $comment: 'for the clinic', id: ' kap ', title: { en: 'Ready', es: 'Listo' } },
  ChecklistItemDefinition: { id: 'stop-eating', text: ' Stop eating ', group: { en: 'On the day' }, dueOffsetMinutes: -240 },
  /** The demo intake, and the rules it leaves out: conditions, reviews, a crisis panel, a number. */
  FormDefinition: {
    ...DEMO_INTAKE_FORM,
    $schema: './form-definition.schema.json',
    lang: 'en',
    version: '2',
    submitLabel: { en: 'Send', es: 'Enviar' },
    confirmation: { heading: 'Thanks' },
    crisis: {
      clinicPhone: '+1 212 555 0100',
      resources: [{ name: '988', phone: '988', url: 'https://988lifeline.org' }],
      countries: { GB: { resources: [{ name: 'Samaritans', sms: '116 123' }] } },
    },
    pages: [
      ...DEMO_INTAKE_FORM.pages,
      { include: 'kap-medical-screening', when: { item: 'age', greaterThan: 17 } },
      {
        id: 'more',
        title: { en: 'More', es: 'Más' },
        when: { any: [{ item: 'age', anyOf: [18, 'x'] }, { all: [{ item: 'age', answered: true }] }] },
        items: [
          { id: 'weight', type: 'number', label: 'Weight', unit: 'kg', min: 20, max: 400, integer: true, required: false },
          {
            id: 'mood',
            type: 'choice',
            label: 'Mood',
            options: [
              { value: 'ok', label: 'OK', score: 0 },
              { value: 'low', label: 'Low', score: 2, review: 'low-mood', safety: true },
            ],
            review: [{ when: { equals: 'low' }, flag: 'low-mood' }],
          },
          { id: 'note', type: 'display', text: '**Note**' },
        ],
      },
    ],
  },
  ItemsPage: MEDICAL_SCREENING_PAGE,
};
VALID['FormDefinition (render path)'] = VALID['FormDefinition'];
VALID['ItemsPage (render path)'] = VALID['ItemsPage'];

/** An issue as a plain object: every detail zod gives (code, path, message, bounds, a union's branches…). */
function shown(issue: IssueLike): unknown {
  return JSON.parse(JSON.stringify(issue, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)));
}

/** Accepted with which output, or refused with which issues, in order. */
function outcome(parser: Parser, value: unknown): unknown {
  const result = parser.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error!.issues.map(shown) };
}

/**
 * The render path's form definition validators are lenient (scripts/generate-validators.ts): a
 * definition is checked in full where it is authored (with the full ones, held to zod like the rest),
 * so they leave out the checks of a string's or a number's value (lengths, patterns, bounds), and only those.
 */
const LENIENT = new Set(['FormDefinition (render path)', 'ItemsPage (render path)']);

/** An issue a lenient validator does not raise: a string's or a number's length, pattern or bound (a record key's too); in a union, a branch of only such. */
function valueCheck(issue: IssueLike & { origin?: string; format?: string; issues?: IssueLike[] }): boolean {
  // A record's key (a language tag) refused by its pattern or length.
  if (issue.code === 'invalid_key') return (issue.issues ?? []).every(valueCheck);
  if (issue.code === 'invalid_union') return (issue.errors ?? []).some((branch) => branch.length > 0 && branch.every(valueCheck));
  if (issue.code === 'invalid_format') return issue.format === 'regex';
  return (issue.code === 'too_small' || issue.code === 'too_big') && (issue.origin === 'string' || issue.origin === 'number');
}

function agree(name: string, value: unknown): void {
  const expected = outcome(zodSchemas[name]!, value) as { ok: boolean; issues?: IssueLike[] };
  const actual = outcome(generatedValidators[name]!, value) as { ok: boolean };
  const what = `${name} on ${JSON.stringify(value)}`;
  if (!LENIENT.has(name) || expected.ok) return assert.deepEqual(actual, expected, what);
  // zod refuses: a lenient validator refuses too, unless every issue zod gives is a value check it leaves out.
  if (actual.ok) assert.ok(expected.issues!.every(valueCheck), `${what}: accepted, though zod says ${JSON.stringify(expected.issues)}`);
}

/** Leaves that break a rule somewhere: wrong types, empty, long, not a date, not a zone, odd numbers. */
const oddLeaf = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    'x',
    'Not/AZone',
    '2026-02-30T10:00:00Z',
    '2026-03-04T14:00:00+01:00',
    'ana@example',
    'a'.repeat(201),
    '💙'.repeat(8),
    '💙'.repeat(150),
    'in_person',
    'confirmed',
    '123',
    -1,
    0,
    1.5,
    2 ** 60,
    true,
    false,
    null,
    [],
    {},
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Path = (string | number)[];

function paths(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => paths(item, [...at, index]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key]))];
  return here;
}

/** `value` with the node at `path` replaced (`undefined`: removed), or a key added beside it. */
function mutate(value: unknown, path: Path, replacement: unknown, mode: 'set' | 'delete' | 'extra'): unknown {
  if (path.length === 0) {
    if (mode === 'extra' && value !== null && typeof value === 'object' && !Array.isArray(value)) return { ...value, extraKey: replacement };
    return mode === 'delete' ? undefined : replacement;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mode === 'delete') copy.splice(head as number, 1);
    else copy[head as number] = mutate(copy[head as number], rest, replacement, mode);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mode === 'delete') delete copy[head as string];
  else copy[head as string] = mutate(copy[head as string], rest, replacement, mode);
  return copy;
}

describe('generated validators', () => {
  it('cover every schema listed, each with a valid fixture both accept alike', () => {
    assert.deepEqual(names.sort(), Object.keys(VALID).sort());
    for (const name of names) {
      assert.equal(zodSchemas[name]!.safeParse(VALID[name]).success, true, `${name}: the fixture is valid for zod`);
      agree(name, VALID[name]);
    }
  });

  it('agree with zod on arbitrary JSON-ish values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), jsonish, (name, value) => agree(name, value)),
      { numRuns: 3000 },
    );
  });

  it('agree with zod on valid bodies with one node changed, removed or joined by an extra key', () => {
    const cases = fc
      .constantFrom(...names)
      .chain((name) =>
        fc.tuple(fc.constant(name), fc.constantFrom(...paths(VALID[name])), oddLeaf, fc.constantFrom<'set' | 'delete' | 'extra'>('set', 'delete', 'extra')),
      );
    fc.assert(
      fc.property(cases, ([name, path, replacement, mode]) => agree(name, mutate(VALID[name], path, replacement, mode))),
      { numRuns: 3000 },
    );
  });

  it('give the message and path the elements show, as zod does', () => {
    const bad = { booking: { ...BOOKING, start: '2026-02-30T10:00:00Z' }, accessToken: 'short' };
    const result = generated.BookingCreatedResponse.safeParse(bad);
    assert.equal(result.success, false);
    assert.deepEqual(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`), [
      'booking.start: Invalid input',
      'accessToken: Invalid input',
    ]);
    const client = detailsGenerated.ClientDetails.safeParse({ name: ' ', email: 'x', phone: '1' });
    assert.deepEqual(client.success ? [] : client.error.issues.map((issue) => issue.message), [
      'Enter your full name',
      'Enter an email address in the correct format, like name@example.com',
      'Enter a phone number, like 212 555 0100',
    ]);
  });

  it('the form definition’s, lenient on the render path: a value check left out, every other rule kept', () => {
    const definition = VALID['FormDefinition'] as typeof DEMO_INTAKE_FORM & { crisis: { resources: object[] } };
    const withId = { ...definition, id: '1 not an id' };
    assert.equal(forms.FormDefinition.safeParse(withId).success, false, 'zod refuses an id that is not one');
    assert.equal(formsGenerated.FormDefinition.safeParse(withId).success, false, 'so do the authoring checks’ validators');
    assert.equal(renderGenerated.FormDefinition.safeParse(withId).success, true, 'the render path leaves that to the authoring checks');
    const script = { ...definition, crisis: { ...definition.crisis, resources: [{ name: 'x', url: 'javascript:alert(1)' }] } };
    assert.equal(renderGenerated.FormDefinition.safeParse(script).success, false, 'a link that is not https: is refused on the render path too');
    assert.equal(renderGenerated.FormDefinition.safeParse({ ...definition, pages: [] }).success, false, 'so is a form without pages');
    assert.equal(renderGenerated.FormDefinition.safeParse({ ...definition, pages: 'x' }).success, false, 'and a wrong type');
  });

  it('are what the generator writes from the schemas today', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-validators.ts', '--check'], { cwd: root, stdio: 'pipe' });
  });
});
