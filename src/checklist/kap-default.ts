/**
 * AN EXAMPLE, NOT MEDICAL ADVICE. A starting point for a clinic's own preparation checklist for a
 * ketamine session, to be reviewed and adapted with the clinic's prescriber before any client sees
 * it: fasting windows, medication holds and aftercare differ between clinics, routes of
 * administration and prescribers. It is marked as an example in its `id` and its `$comment`.
 */
import type { ChecklistDefinitionInput } from './definition.js';

export const KAP_DEFAULT_CHECKLIST_NOTICE =
  'EXAMPLE ONLY, NOT MEDICAL ADVICE: review and adapt every item, especially fasting times and medication guidance, with your clinic’s prescriber before clients see it.';

export const KAP_DEFAULT_CHECKLIST: ChecklistDefinitionInput = {
  $comment: KAP_DEFAULT_CHECKLIST_NOTICE,
  id: 'kap-default-example',
  title: 'Getting ready for your ketamine session',
  items: [
    {
      id: 'arrange-ride-home',
      text: 'Arrange for someone to take you home after your session',
      details:
        'You will not be able to drive for the rest of the day. Ask a friend or family member to collect you from the clinic and, if they can, to stay with you for the evening. Tell your care team if this is hard to arrange.',
      group: 'The week before',
      dueOffsetMinutes: -2 * 24 * 60,
    },
    {
      id: 'ask-about-medications',
      text: 'Ask your prescriber about the medicines you take',
      details:
        'Tell your prescriber about every medicine and supplement you take. Some, such as **benzodiazepines** (for example lorazepam, clonazepam or alprazolam) and **lamotrigine**, can change how ketamine works, and your prescriber may adjust them before your session.\n\n**Never stop or change a medicine on your own.**',
      group: 'The week before',
      dueOffsetMinutes: -3 * 24 * 60,
    },
    {
      id: 'plan-quiet-evening',
      text: 'Plan a quiet evening after your session',
      details: 'Keep the rest of the day free: no work, no big decisions, somewhere calm and familiar to rest.',
      group: 'The week before',
      required: false,
    },
    {
      id: 'no-alcohol-or-cannabis',
      text: 'No alcohol or cannabis from 24 hours before your session',
      group: 'The day before',
      dueOffsetMinutes: -24 * 60,
    },
    {
      id: 'set-an-intention',
      text: 'Set an intention for your session',
      details:
        'A few words about what you hope to explore or understand. Your therapist may have talked this through with you in your preparation session.',
      group: 'The day before',
      required: false,
    },
    {
      id: 'stop-eating',
      text: 'Stop eating 4 hours before your session',
      details: 'Eating a light meal before then is fine. An empty stomach makes feeling sick less likely. If your care team has told you something different, follow their instructions.',
      group: 'On the day',
      dueOffsetMinutes: -4 * 60,
    },
    {
      id: 'clear-liquids-only',
      text: 'Clear liquids only, and nothing to drink in the last 2 hours before your session',
      details:
        'Clear liquids are water, clear apple juice, and black tea or coffee without milk. If your care team has told you something different, follow their instructions.',
      group: 'On the day',
      dueOffsetMinutes: -2 * 60,
    },
    {
      id: 'usual-medications',
      text: 'Take your usual medicines, unless your prescriber told you otherwise',
      details: 'Take them with a small sip of water. If you were asked to pause or change one before your session, follow that advice.',
      group: 'On the day',
    },
    {
      id: 'comfortable-clothes',
      text: 'Wear comfortable, loose clothes',
      details: 'Layers help, as you may feel warmer or cooler during the session. You may also bring an eye mask or a soft blanket.',
      group: 'On the day',
      required: false,
    },
    {
      id: 'no-driving',
      text: 'No driving, cycling or operating machinery until the next day',
      details: 'Your reactions may be slower for the rest of the day, even if you feel fine.',
      group: 'After your session',
      dueOffsetMinutes: 24 * 60,
    },
    {
      id: 'book-integration',
      text: 'Book your integration session, 24 to 48 hours after your session',
      details:
        'Integration is a conversation with your therapist to make sense of the experience. Booking it before your session means one less thing to think about afterwards.',
      group: 'After your session',
    },
  ],
};
