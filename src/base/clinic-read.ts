/**
 * `GET clinic`, asked once per connection for everything an element reads from it — its theme,
 * its privacy notice or phone — rather than once by each. The request lives as long as the element
 * stays on the page (`connection`); one that fails is asked again by the next reader.
 */
import type { ClinicResponse } from '../api/clinic.js';
import type { ApiConnection } from '../api/connection.js';
import { getClinic } from '../api/endpoints.js';

/** The read of each connection, with the stay on the page it belongs to. */
const asked = new WeakMap<ApiConnection, { connection: AbortSignal; clinic: Promise<ClinicResponse> }>();

export function readClinic(client: ApiConnection, connection: AbortSignal): Promise<ClinicResponse> {
  const read = asked.get(client);
  // An element moved on the page mid-read starts a new stay: the old read was cancelled with the old one.
  if (read && !read.connection.aborted) return read.clinic;
  const clinic = getClinic(client, { signal: connection });
  asked.set(client, { connection, clinic });
  clinic.catch(() => asked.get(client)?.clinic === clinic && asked.delete(client));
  return clinic;
}
