/** The `api` base: what a request path is resolved under, whatever the attribute carried. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkApiBase } from '../../src/api/api-base.js';

describe('checkApiBase', () => {
  const base = (api: string, baseURI?: string) => String(checkApiBase(api, baseURI));

  it('ends every base in one slash, with no query or fragment', () => {
    assert.equal(base('https://x.example/kap'), 'https://x.example/kap/');
    assert.equal(base('https://x.example/kap/'), 'https://x.example/kap/');
    assert.equal(base('https://x.example/kap?debug=1#top'), 'https://x.example/kap/');
    assert.equal(base('https://x.example/kap/?'), 'https://x.example/kap/');
    assert.equal(base('https://x.example/kap#'), 'https://x.example/kap/');
    assert.equal(base('https://x.example'), 'https://x.example/');
  });

  it('resolves a relative base against the page', () => {
    assert.equal(base('/kap?x#y', 'https://clinic.example/book/'), 'https://clinic.example/kap/');
    assert.equal(base('kap', 'https://clinic.example/book/page?a=1'), 'https://clinic.example/book/kap/');
  });

  it('says what makes one unusable', () => {
    assert.deepEqual(checkApiBase('  ', undefined), { problem: 'missing' });
    assert.deepEqual(checkApiBase('http://x.example/kap', undefined), { problem: 'plain-http', origin: 'http://x.example' });
    assert.equal(base('http://127.0.0.1:8787/kap'), 'http://127.0.0.1:8787/kap/');
  });
});
