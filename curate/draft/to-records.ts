/**
 * A reviewed draft as records: a source for the article, the participations not yet recorded, and the
 * statements whose words are not already in the records. What cannot become a valid record (no speaker, no
 * date, no actor, a speaker with no office on the date) is left out with the reason, never filled in.
 */
import { officeHeldOn } from '../../data/people.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import type { Draft } from '../../data/schema/draft.ts';
import { slugify, uniqueId, type NewRecords } from '../records-writer.ts';

export interface ArticleSource {
  url: string;
  publisher: string;
  published: string | null;
}

export function draftToRecords(draft: Draft, dataset: Dataset, source: ArticleSource): { records: NewRecords; skipped: string[] } {
  const skipped: string[] = [];
  const existingSource = dataset.sources.find((candidate) => candidate.url === source.url);
  const sourceId = existingSource?.id ?? uniqueId(slugify(`${source.publisher} ${source.published ?? 'undated'}`), new Set(dataset.sources.map((s) => s.id)));
  const drafted = `Drafted by npm run draft from ${source.url}; review before relying on it.`;
  const sources = existingSource === undefined
    ? [{ id: sourceId, publisher: source.publisher, url: source.url, title: null, published: source.published, curatorNote: 'Added by npm run draft --write; the headline was not recorded.' }]
    : [];

  const meeting = dataset.meetings.find((candidate) => candidate.id === draft.meeting.id);
  const recorded = new Set(dataset.participations.map((p) => `${p.meeting}/${p.actor}`));
  const hasHost = dataset.participations.some((p) => p.meeting === meeting?.id && p.role === 'host');
  const participations: Record<string, unknown>[] = [];
  for (const participation of draft.participations) {
    if (meeting === undefined) {
      skipped.push(`participation of ${participation.actor}: no meeting in the records matched the article`);
      continue;
    }
    if (recorded.has(`${meeting.id}/${participation.actor}`)) continue;
    const role = participation.role === 'host' && (participation.actor !== meeting.host || hasHost) ? 'member' : participation.role;
    participations.push({
      meeting: meeting.id,
      actor: participation.actor,
      role,
      endorsedOutcome: 'unknown',
      confidence: { level: 'partly', reason: 'One report names this attendee; the meeting’s own list has not been checked.' },
      curatorNote: drafted,
      sources: [sourceId],
    });
  }

  const statementIds = new Set(dataset.statements.map((statement) => statement.id));
  const people = new Map(dataset.people.map((person) => [person.id, person]));
  const statements: Record<string, unknown>[] = [];
  for (const statement of draft.statements) {
    const label = `"${statement.quote.slice(0, 40)}${statement.quote.length > 40 ? '…' : ''}"`;
    if (statement.existing !== null) {
      skipped.push(`${label}: already recorded as ${statement.existing}`);
      continue;
    }
    if (statement.speaker === null) {
      skipped.push(`${label}: no speaker`);
      continue;
    }
    if (statement.date === null) {
      skipped.push(`${label}: no date`);
      continue;
    }
    if (statement.actors.length === 0) {
      skipped.push(`${label}: no actor`);
      continue;
    }
    const person = statement.speaker.person === null ? undefined : people.get(statement.speaker.person);
    if (person !== undefined && officeHeldOn(person, statement.date) === null) {
      skipped.push(`${label}: ${person.name} held no recorded office on ${statement.date}`);
      continue;
    }
    const speakerSlug = person?.id ?? slugify(statement.speaker.name);
    const gist = slugify(statement.quote.split(/\s+/).slice(0, 5).join(' '));
    const id = uniqueId(`${speakerSlug}-${statement.date}-${gist}`.slice(0, 90).replace(/-+$/, ''), statementIds);
    statementIds.add(id);
    const confidence = statement.confidence.level === 'confirmed' ? { level: 'confirmed' } : { level: statement.confidence.level, reason: statement.confidence.reason ?? 'Drafted from one report.' };
    statements.push({
      id,
      speaker: person !== undefined ? { person: person.id } : { name: statement.speaker.name, office: statement.speaker.office },
      actors: statement.actors,
      date: statement.date,
      meeting: statement.meeting,
      quote: statement.quote,
      quoteSource: sourceId,
      extent: statement.quote.split(/\s+/).length < 8 ? 'fragment' : 'full',
      delivery: statement.delivery,
      stances: statement.stances,
      confidence,
      curatorNote: `${drafted} ${statement.why.join('; ')}`,
      sources: [sourceId],
    });
  }
  return { records: { sources, participations, statements }, skipped };
}
