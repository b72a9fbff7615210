/**
 * The English of a write under way (sending, still trying, Stop, stopped), registered by
 * src/base/write-status.ts when it loads: only the views that write import it (in the drop-in
 * files, chunks), so a page that shows times or a checklist does not carry these words. Part of
 * the whole English (`en`) like the rest.
 */
import type { SharedStrings } from './strings.js';

export const enWriteStatus = {
  writeStillTrying: 'Still trying — the clinic’s system is slow to answer…',
  writeRetryingBusy: 'The clinic’s system is busy. Trying again in {wait}…',
  writeRetryingConnection: "We couldn't reach the clinic. Trying again…",
  writeStop: 'Stop waiting',
  writeStopped: "You stopped waiting. We don't know yet whether it reached the clinic. If you send it again, we'll check first, so nothing is done twice.",
} satisfies Partial<SharedStrings>;
