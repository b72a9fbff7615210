/** One rule for every configured URL that requests or bearer links go to: https, or http on loopback, no credentials. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KapApiError, resolveApiBase } from '../../src/api/index.js';
import { insecureUrl } from '../../src/api/secure-url.js';
import { resolveManageUrl } from '../../src/elements/kap-booking/manage-link.js';

const CASES: [string, ReturnType<typeof insecureUrl>][] = [
  ['https://clinic.example/kap/', undefined],
  ['http://localhost:8787/', undefined],
  ['http://127.0.0.1/', undefined],
  ['http://[::1]:3000/', undefined],
  ['http://clinic.example/', 'plain-http'],
  ['http://localhost.clinic.example/', 'plain-http'],
  ['https://user:secret@clinic.example/', 'credentials'],
  ['https://user@clinic.example/', 'credentials'],
  ['ftp://clinic.example/', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
];

describe('insecureUrl', () => {
  for (const [url, expected] of CASES) {
    it(`${url} → ${expected ?? 'allowed'}`, () => assert.equal(insecureUrl(new URL(url)), expected));
  }

  it('the api base and the manage page accept and refuse the same URLs', () => {
    for (const [url, expected] of CASES) {
      const manage = resolveManageUrl(url, 'https://page.example/');
      assert.equal(manage === undefined, expected !== undefined, `manage-url ${url}`);
      let apiRefused = false;
      try {
        resolveApiBase(url, 'https://page.example/');
      } catch (error) {
        assert.ok(error instanceof KapApiError && error.kind === 'configuration');
        apiRefused = true;
      }
      assert.equal(apiRefused, expected !== undefined, `api ${url}`);
    }
  });
});
