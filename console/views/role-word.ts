import type { StaffRole } from '../../src/staff/roles.js';
import type { Translate } from '../i18n/index.js';

/** A role as the console names it, in the reader's language. */
export function roleWord(t: Translate, role: StaffRole): string {
  return t(({ owner: 'roleOwner', clinician: 'roleClinician', 'front-desk': 'roleFrontDesk', marketer: 'roleMarketer' } as const)[role]);
}
