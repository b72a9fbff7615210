/** The OpenAPI paths of a booking’s preparation checklist. */
import { bearer, json, parameter, pathId, ref, responses, success, WRITE_ERRORS, type OpenApiOperation } from './parts.js';

export const CHECKLIST_PATHS: Record<string, Record<string, OpenApiOperation>> = {
  '/bookings/{id}/checklist': {
    get: {
      operationId: 'getChecklist',
      summary: 'The booking’s preparation checklist and the state of its items',
      description:
        'Items are in the order the clinic wrote them; `dueOffsetMinutes` counts real minutes from the session’s start ' +
        '(negative before it). A rescheduled booking keeps its items and their state. A cancelled booking’s checklist can be read, not changed. ' +
        '`text`, `details` and `group` are in `lang` (`en` when absent); their other languages are in each item’s `translations`.',
      tags: ['checklist'],
      parameters: [parameter('BookingId')],
      security: bearer(),
      responses: responses({ '200': success('The booking, the clinic’s time zone and the items.', 'ChecklistResponse') }, 'Unauthorized', 'InternalError'),
    },
  },
  '/bookings/{id}/checklist/{itemId}': {
    put: {
      operationId: 'updateChecklistItem',
      summary: 'Check an item off, or not',
      description:
        'Sets the state, so repeating the same request is harmless (no Idempotency-Key needed). Checking an item that is ' +
        'already done keeps its first `doneAt`.',
      tags: ['checklist'],
      parameters: [parameter('BookingId'), pathId('itemId')],
      security: bearer(),
      requestBody: { required: true, content: json(ref('ChecklistItemUpdate')) },
      responses: responses({ '200': success('The item with its new state.', 'ChecklistItemResponse') }, 'Unauthorized', 'NotFound', ...WRITE_ERRORS),
    },
  },
};
