/**
 * The messages of the checklist definition's schema that depend on the issue (whether the value is
 * missing or of the wrong type): named functions, so the zod schema (`definition.ts`) and the
 * browser's generated validator (`generated/definition.ts`) call the same ones. No zod here.
 */

interface IssueInput {
  readonly input?: unknown;
}

const missingOr = (wrong: string) => (issue: IssueInput) => (issue.input === undefined ? 'is required' : wrong);

export const mustBeText = (issue: IssueInput): string => missingOr('must be text')(issue);
export const mustBeMarkdown = (issue: IssueInput): string => missingOr('must be text in the markdown subset')(issue);
export const mustBeGroup = (issue: IssueInput): string => missingOr('must be text, like "The day before"')(issue);
export const mustBeItemList = (issue: IssueInput): string =>
  issue.input === undefined ? 'is required: a list of checklist items' : 'must be a list of checklist items';
