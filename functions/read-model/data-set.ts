/**
 * The loaded data set, indexed once for the document builders: lookups, the orders of ./order.ts applied,
 * and every statement's view built once (a statement appears in several documents). Pure: a function of
 * the data set alone, so every builder is one too.
 */
import type { StatementView } from '../../data/schema/api.ts';
import type { Dataset, Meeting, Participation, Statement } from '../../data/schema/domain.ts';
import { dataVersionOf } from '../../data/version.ts';
import { Lookup } from './lookup.ts';
import { byMeetingDate, byName, byRole, byStatementDateDescending } from './order.ts';
import { statementView } from './statement.ts';

export interface DataSet {
  readonly dataset: Dataset;
  readonly lookup: Lookup;
  /** Content hash of the data set; changes whenever any record does (clients compare it, caches key on it). */
  readonly dataVersion: string;
  readonly meetingsOldestFirst: readonly Meeting[];
  /** Every statement, newest first, with its view. */
  readonly statements: readonly { readonly record: Statement; readonly view: StatementView }[];
  /** The views of the statements that satisfy `predicate`, newest first. */
  statementsWhere(predicate: (statement: Statement) => boolean): StatementView[];
  /** An actor's participations, oldest meeting first. */
  participationsOf(actor: string): Participation[];
  /** A meeting's participations: host first, then by role, then by the actor's name. */
  attendeesOf(meetingId: string): Participation[];
}

export function indexDataSet(dataset: Dataset): DataSet {
  const lookup = new Lookup(dataset);
  const statements = [...dataset.statements]
    .sort(byStatementDateDescending)
    .map((record) => ({ record, view: statementView(record, lookup) }));
  return {
    dataset,
    lookup,
    dataVersion: dataVersionOf(dataset),
    meetingsOldestFirst: [...dataset.meetings].sort(byMeetingDate),
    statements,
    statementsWhere: (predicate) => statements.filter(({ record }) => predicate(record)).map(({ view }) => view),
    participationsOf: (actor) =>
      dataset.participations
        .filter((participation) => participation.actor === actor)
        .sort((a, b) => byMeetingDate(lookup.meeting(a.meeting), lookup.meeting(b.meeting))),
    attendeesOf: (meetingId) =>
      dataset.participations
        .filter((participation) => participation.meeting === meetingId)
        .sort((a, b) => byRole(a.role, b.role) || byName(lookup.actor(a.actor), lookup.actor(b.actor))),
  };
}
