/**
 * What reader text must not contain. Every free-text field the API serves is for readers: plain prose.
 * Research shorthand belongs in `curatorNote`, which is never served. Zod-free, so the checker, the API's
 * tests and the page can all use the one list.
 */

export interface CuratorWording {
  pattern: RegExp;
  /** Why it is not for readers, as the checker says it. */
  what: string;
}

export const curatorWordings: readonly CuratorWording[] = [
  { pattern: /\[(?:C|P|D|U)\]/, what: 'a research mark' },
  { pattern: /\bfact ?sheet\b/i, what: 'a reference to the research notes' },
  { pattern: /\bcoded\b/i, what: 'coding jargon' },
  { pattern: /\bdate from the URL\b/i, what: 'a research note about the date' },
  { pattern: /\bseed articles?\b/i, what: 'a reference to the research notes' },
  {
    pattern:
      /\b(?:quoteSource|readBy|endorsedOutcome|headOfDelegation|neighbourOfAfghanistan|isoNumeric|curatorNote|startDate|endDate|rejectsForeignMilitaryInfrastructure|otherFigures|datasetFiles)\b/,
    what: 'a field name of the data schema',
  },
  { pattern: /\b(?:invited-absent|written-message-read|neighbours-foreign-ministers)\b/, what: 'a code of the data schema' },
];

/** The first curator wording in `text`, as `"<match>" (<what>)`, or null when the text is fit for readers. */
export function findCuratorWording(text: string): string | null {
  for (const { pattern, what } of curatorWordings) {
    const match = pattern.exec(text);
    if (match) return `"${match[0]}" (${what})`;
  }
  return null;
}

/**
 * Fields whose text is copied verbatim from a source (quotes, clauses, URLs) or is for curators: the
 * reader-text rule does not apply to them. A source's `title` is its headline, verbatim, too.
 */
export const verbatimOrCuratorFields: ReadonlySet<string> = new Set(['curatorNote', 'quote', 'clause', 'url', 'archived']);
