/**
 * Speakers and heads of delegation: a named person's name and office come from people.json, the office
 * being the one held on the day (or month) in question. Shared by the checker (which requires that such an
 * office exists) and the read model (which shows it), so both apply one rule.
 */
import { dateSpan, type Office, type Person, type Speaker } from './schema/domain.ts';

/**
 * The office a person held on a day or month: the first listed whose range overlaps it. An open end (null)
 * counts as held, since a range is only as precise as its sources.
 */
export function officeHeldOn(person: Person, date: string): Office | null {
  const span = dateSpan(date);
  return (
    person.offices.find(
      (office) =>
        (office.from === null || dateSpan(office.from).first <= span.last) &&
        (office.to === null || dateSpan(office.to).last >= span.first),
    ) ?? null
  );
}

/** What a reader sees of a speaker: the name, the office on that date, and the person's id when named. */
export interface ResolvedSpeaker {
  name: string;
  office: string | null;
  person: string | null;
}

/** Resolves a speaker reference; the checker guarantees the person exists and held an office on `date`. */
export function resolveSpeaker(speaker: Speaker, date: string, people: ReadonlyMap<string, Person>): ResolvedSpeaker {
  if (speaker.person === undefined) return { name: speaker.name ?? '', office: speaker.office ?? null, person: null };
  const person = people.get(speaker.person);
  if (person === undefined) throw new Error(`unknown person "${speaker.person}"`);
  return { name: person.name, office: officeHeldOn(person, date)?.title ?? null, person: person.id };
}
