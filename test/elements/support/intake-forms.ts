/** Form definitions for the `<kap-intake>` tests and stories: one of every item type. */
import type { FormDefinition } from '../../../src/forms/definition.js';

/** Every item type, a condition, an option hint, an exclusive option, a safety scale row, a web link. */
export const EVERY_TYPE_FORM = {
  id: 'every-type',
  title: 'Every item type',
  intro: 'This form has **one of everything**.',
  pages: [
    {
      id: 'one',
      title: 'About you',
      intro: 'Read our [privacy notice](https://clinic.example/privacy) first.',
      items: [
        { type: 'text', id: 'nickname', label: 'Preferred name', help: 'What you like to be called', autocomplete: 'nickname', required: false },
        { type: 'textarea', id: 'story', label: 'Anything else we should know?', required: false, maxLength: 200 },
        { type: 'email', id: 'email', label: 'Email address', shortText: 'your email address' },
        { type: 'phone', id: 'phone', label: 'Phone number', required: false },
        { type: 'number', id: 'weight', label: 'Weight', unit: 'kg', min: 30, max: 300, integer: true },
        { type: 'date', id: 'dob', label: 'Date of birth', dateOfBirth: true },
      ],
    },
    {
      id: 'two',
      title: 'Your health',
      items: [
        {
          type: 'choice',
          id: 'contact-by',
          label: 'How should we contact you?',
          options: [
            { value: 'email', label: 'Email' },
            { value: 'phone', label: 'Phone', help: 'We call between 9am and 5pm' },
            { value: 'post', label: 'Post' },
          ],
        },
        {
          type: 'multi',
          id: 'symptoms',
          label: 'Which of these do you have?',
          options: [
            { value: 'headaches', label: 'Headaches' },
            { value: 'nausea', label: 'Nausea' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
        { type: 'yesno', id: 'pregnant', label: 'Are you pregnant?', review: { when: { equals: 'yes' }, flag: 'pregnancy' } },
        {
          type: 'number',
          id: 'weeks',
          label: 'How many weeks pregnant are you?',
          integer: true,
          min: 1,
          max: 45,
          when: { item: 'pregnant', equals: 'yes' },
        },
        { type: 'display', id: 'note', text: 'Nearly done. *Thank you.* <img src=x onerror="window.pwned=1">' },
      ],
    },
    {
      id: 'three',
      title: 'Mood and consent',
      items: [
        {
          type: 'scale',
          id: 'mood',
          label: 'Over the last week, how often have you felt:',
          options: [
            { value: 'never', label: 'Never', score: 0 },
            { value: 'sometimes', label: 'Sometimes', score: 1 },
            { value: 'often', label: 'Often', score: 2 },
          ],
          rows: [
            { id: 'mood.calm', label: 'Calm' },
            { id: 'mood.hopeless', label: 'Hopeless', safety: true },
          ],
        },
        { type: 'consent', id: 'agree', label: 'I agree to this', text: 'You agree that **we may call you**.', signature: true },
      ],
    },
  ],
  crisis: {
    countries: { GB: { resources: [{ name: 'Samaritans', description: 'Call free, any time.', phone: '116 123' }] } },
  },
} satisfies FormDefinition;

/** Broken in two ways the client never sees: a condition on a later item, and an empty label. */
export const BROKEN_FORM = {
  id: 'broken',
  title: 'Broken',
  pages: [
    {
      id: 'p',
      title: 'Page',
      items: [
        { type: 'text', id: 'first', label: 'First', when: { item: 'second', equals: 'x' } },
        { type: 'text', id: 'second', label: '' },
      ],
    },
  ],
};
