/**
 * The demo clinic's checklist templates, one per service, seeded into `services.checklist_template`
 * (a clinic edits them there). Each booking gets a copy of its service's template when it is made,
 * so later edits change new bookings only.
 *
 * - `administration`: the library's KAP default set (an example to adapt with the prescriber).
 * - `consultation`, `preparation`, `integration`: all video calls, so a short list to be ready for
 *   the call, plus one item that makes each call more useful.
 */
import { KAP_DEFAULT_CHECKLIST, type ChecklistDefinitionInput } from '../../src/checklist/index.js';

const quietPlace = {
  id: 'quiet-private-place',
  text: 'Find a quiet, private place for the call',
  details: 'Somewhere you can talk freely without being overheard, with headphones if you have them.',
  group: 'Before your call',
} as const;

const testVideo = {
  id: 'test-video',
  text: 'Test your camera, microphone and internet connection',
  details: 'Open the video link from your confirmation email a few minutes early; it works in any up-to-date browser.',
  group: 'Before your call',
  dueOffsetMinutes: -15,
} as const;

export const DEMO_CHECKLIST_TEMPLATES: Readonly<Record<string, ChecklistDefinitionInput>> = {
  consultation: {
    id: 'demo-consultation',
    title: 'Getting ready for your consultation',
    items: [
      {
        id: 'list-medications',
        text: 'Write down the medicines and supplements you take, with their doses',
        details: 'The medical team needs this to decide whether ketamine is safe for you.',
        group: 'Before your call',
        dueOffsetMinutes: -60,
      },
      { ...quietPlace },
      { ...testVideo },
      {
        id: 'note-questions',
        text: 'Note any questions you want to ask',
        group: 'Before your call',
        required: false,
      },
    ],
  },
  preparation: {
    id: 'demo-preparation',
    title: 'Getting ready for your preparation session',
    items: [
      {
        id: 'think-about-goals',
        text: 'Think about what you hope treatment will help with',
        details: 'A few notes are enough. Your therapist will help you shape them into an intention.',
        group: 'Before your call',
        required: false,
      },
      { ...quietPlace },
      { ...testVideo },
    ],
  },
  administration: KAP_DEFAULT_CHECKLIST,
  integration: {
    id: 'demo-integration',
    title: 'Getting ready for your integration session',
    items: [
      {
        id: 'note-what-stood-out',
        text: 'Jot down what stood out from your ketamine session',
        details: 'Images, feelings, thoughts or questions: anything you would like to talk through.',
        group: 'Before your call',
        required: false,
      },
      { ...quietPlace },
      { ...testVideo },
    ],
  },
};
