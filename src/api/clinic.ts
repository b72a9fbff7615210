/**
 * The clinic itself in the contract: `GET clinic` (public), what the elements read of the clinic
 * where no attribute says otherwise. The clinic's whole configuration, which staff change, is in
 * clinic-config.ts (not part of the elements' bundle).
 */
import * as z from 'zod/mini';
import { TimeZone } from './schemas.js';

/** @internal shared with clinic-config.ts */
export const Text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const HttpsUrl = z.string().check(z.maxLength(2000), z.regex(/^https:\/\/[^\s]+$/, 'Expected an https:// address'));
/** @internal shared with clinic-config.ts */
export const Phone = z.string().check(z.regex(/^\+?[0-9][0-9 ()-]{1,24}$/, 'Expected a phone number such as 988 or +1 212 555 0100'));
/** ISO 3166 alpha-2, e.g. `US`. */
export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'Expected a two-letter country code such as "US"'));

// ---- GET clinic (public) -----------------------------------------------------------------------

/** One line of help in a crisis, as the crisis panel shows it. */
export const CrisisLine = z.object({
  name: Text(200),
  description: z.optional(Text(500)),
  phone: z.optional(Phone),
  sms: z.optional(Phone),
  url: z.optional(HttpsUrl),
});

/** Crisis lines by country (ISO 3166 alpha-2): `{"US": [{"name": "988 …", "phone": "988"}]}`. */
export const CrisisResources = z.record(CountryCode, z.array(CrisisLine).check(z.minLength(1), z.maxLength(20)));

/**
 * The theme a clinic published for its elements: CSS custom properties by name without the `--kap-`
 * prefix (`color-primary`), each a value the element uses where the page sets no `--kap-*` of its
 * own (src/theme/theme-tokens.ts writes them; the elements set each through the CSSOM, which
 * refuses a value that would end its declaration).
 */
export const PublishedTheme = z.object({ tokens: z.record(z.string(), z.string()) });

/** `GET clinic`: what any page may know of the clinic. */
export const ClinicResponse = z.object({
  name: z.string(),
  /** The clinic's IANA time zone: in-person times are shown in it. */
  timeZone: TimeZone,
  /** The clinic's phone number, which the crisis panel offers beside the crisis lines. */
  phone: z.optional(z.string()),
  /** Where the clinic's privacy notice is: the booking consent links it unless the page names its own. */
  privacyNoticeUrl: z.optional(z.string()),
  crisisResources: z.optional(z.record(z.string(), z.array(CrisisLine))),
  /** The published theme, once the clinic has one. */
  theme: z.optional(PublishedTheme),
});
export type ClinicResponse = z.infer<typeof ClinicResponse>;
