/**
 * `GET clinic`, asked once per connection for everything an element reads from it — its theme,
 * its privacy notice or phone — rather than once by each. The request lives as long as the element
 * stays on the page (`connection`); one that fails is asked again by the next reader.
 */
import type { ClinicResponse } from '../api/clinic.js';
import type { ApiConnection } from '../api/connection.js';
import { getClinic } from '../api/endpoints.js';

const asked = new WeakMap<ApiConnection, Promise<ClinicResponse>>();

export function readClinic(client: ApiConnection, connection: AbortSignal): Promise<ClinicResponse> {
  let clinic = asked.get(client);
  if (!clinic) {
    asked.set(client, (clinic = getClinic(client, { signal: connection })));
    clinic.catch(() => asked.delete(client));
  }
  return clinic;
}
