/**
 * The clinic (`GET clinic`), read for what the page leaves unsaid — its privacy notice, its phone —
 * and only while the element needs it. A clinic that cannot be read is `undefined`: the element then
 * behaves as it would without one, and reports nothing (an older backend has no `GET clinic`).
 */
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { ClinicResponse } from '../api/clinic.js';
import type { ApiConnection } from '../api/connection.js';
import { readClinic } from './clinic-read.js';
import { nextTask } from './next-task.js';

export type ClinicTaskArgs = readonly [client: ApiConnection | undefined, needed: boolean, connection: AbortSignal];

export function clinicTask(host: ReactiveControllerHost, args: () => ClinicTaskArgs): Task<ClinicTaskArgs, ClinicResponse | undefined> {
  return new Task(host, {
    // Shared with the theme (`readClinic`): a run its arguments replaced is dropped by the Task, not aborted.
    task: async ([client, needed, connection]) => {
      if (!client || !needed) return undefined;
      // The page does not wait for the clinic: it is drawn before the request is even made.
      await nextTask();
      // Moved on the page meanwhile: the run of the new stay reads it.
      if (connection.aborted) return undefined;
      try {
        return await readClinic(client, connection);
      } catch {
        return undefined;
      }
    },
    args,
  });
}
