/**
 * A statement as the API shows it: actors named, sources resolved, the meeting titled. One view per
 * statement, shared by /api/statements and every document that lists statements.
 */
import type { StatementView } from '../../data/schema/api.ts';
import type { Statement } from '../../data/schema/domain.ts';
import type { Lookup } from './lookup.ts';

export function statementView(statement: Statement, lookup: Lookup): StatementView {
  const meeting = statement.meeting === null ? null : lookup.meeting(statement.meeting);
  return {
    id: statement.id,
    speaker: lookup.speaker(statement.speaker, statement.date),
    actors: statement.actors.map((actor) => lookup.actor(actor)),
    date: statement.date,
    meeting: meeting && { id: meeting.id, title: meeting.title },
    quote: statement.quote,
    quoteSource: lookup.source(statement.quoteSource),
    extent: statement.extent,
    variants: statement.variants.map((variant) => ({ quote: variant.quote, source: lookup.source(variant.source) })),
    delivery: statement.delivery,
    official: statement.official,
    readBy: statement.readBy,
    stances: statement.stances,
    confidence: statement.confidence,
    note: statement.note,
    sources: lookup.sources(statement.sources),
  };
}
