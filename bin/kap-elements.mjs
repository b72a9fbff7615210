#!/usr/bin/env node
/**
 * `npx kap-elements check-form FILE…`: the authoring checks of intake form definitions (the same
 * `parseFormDefinition` the reference backend runs when it serves a form), for a clinic's website
 * team before a definition goes live. Prints each file's problems and warnings; exits 1 when any
 * file has a problem, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { parseFormDefinition } from '../dist/forms.js';

const USAGE = 'Usage: kap-elements check-form FILE.json [FILE.json…] [--lang=es]';

const [command, ...rest] = process.argv.slice(2);
const files = rest.filter((arg) => !arg.startsWith('--'));
const lang = rest.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
if (command !== 'check-form' || files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}

let failed = false;
for (const file of files) {
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    failed = true;
    console.error(`${file}: not readable as JSON (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  const result = parseFormDefinition(json, lang ? { lang } : {});
  if (!result.ok) {
    failed = true;
    console.error(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    continue;
  }
  console.log(`${file}: valid form "${result.form.id}" (${result.form.pages.length} pages)`);
  for (const warning of result.warnings) console.log(`  warning: ${warning}`);
}
process.exit(failed ? 1 : 0);
