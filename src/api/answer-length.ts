/**
 * The most characters any one text answer may have on the wire, whatever a form says (`maxLength`
 * is capped by it). A module of its own, without zod: the browser's checks read it too, and importing
 * the schemas that use it would bring their construction (and zod) into the drop-in files' chunks.
 */
export const MAX_ANSWER_LENGTH = 20_000;
