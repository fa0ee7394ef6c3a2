/**
 * What a panel's statements can be narrowed to, and the one-line-per-topic summary a country's panel opens
 * on. Plain functions of the statements the API sent.
 */
import type { StatementView } from '../../../../data/schema/api.ts';
import { topics, type TopicId } from '../../../../data/schema/labels.ts';
import { wordsOf, type Words } from './stance.ts';

export interface StatementFilter {
  topic: TopicId | null;
  meeting: string | null;
}

export const noFilter: StatementFilter = { topic: null, meeting: null };

/** The statements that match, newest first (a day and a month compare by their first day; ties keep their order). */
export function filterStatements(statements: readonly StatementView[], filter: StatementFilter): StatementView[] {
  return statements
    .filter(
      (s) =>
        (filter.topic === null || s.stances.some((stance) => stance.topic === filter.topic)) &&
        (filter.meeting === null || s.meeting?.id === filter.meeting),
    )
    .sort((a, b) => b.date.localeCompare(a.date));
}

export interface Facet<T> {
  value: T;
  label?: string;
  count: number;
}

/** The topics and meetings the statements mention, with how many each: the filter's choices. */
export function statementFacets(statements: readonly StatementView[]): { topics: Facet<TopicId>[]; meetings: Facet<string>[] } {
  const byTopic = new Map<TopicId, number>();
  const byMeeting = new Map<string, Facet<string> & { date: string }>();
  for (const statement of statements) {
    for (const topic of new Set(statement.stances.map((s) => s.topic))) byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
    if (statement.meeting) {
      const facet = byMeeting.get(statement.meeting.id) ?? { value: statement.meeting.id, label: statement.meeting.title, count: 0, date: statement.date };
      facet.count += 1;
      if (statement.date > facet.date) facet.date = statement.date;
      byMeeting.set(statement.meeting.id, facet);
    }
  }
  return {
    topics: topics.filter((t) => byTopic.has(t)).map((value) => ({ value, count: byTopic.get(value)! })),
    meetings: [...byMeeting.values()]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map(({ value, label, count }) => ({ value, label, count })),
  };
}

export interface TopicSummary {
  topic: TopicId;
  /** The stance of the newest official statement on the topic; null when only commentators spoke to it. */
  latest: {
    stance: StatementView['stances'][number]['stance'];
    date: string;
    statementId: string;
    /** Its own words, a co-signed joint statement, or a statement made for several (as the stance table says). */
    words: Words;
  } | null;
  /** Statements on the topic, commentators' included. */
  count: number;
}

/** One line per topic the statements touch, in the data model's order (the API's rule for the latest stance). */
export function topicSummaries(statements: readonly StatementView[]): TopicSummary[] {
  const newestFirst = [...statements].sort((a, b) => b.date.localeCompare(a.date));
  return topics.flatMap((topic) => {
    const on = newestFirst.filter((s) => s.stances.some((stance) => stance.topic === topic));
    if (on.length === 0) return [];
    const official = on.find((s) => s.official);
    const stance = official?.stances.find((s) => s.topic === topic);
    return [
      {
        topic,
        count: on.length,
        latest:
          official && stance
            ? {
                stance: stance.stance,
                date: official.date,
                statementId: official.id,
                words: wordsOf({ delivery: official.delivery, actorCount: official.actors.length }),
              }
            : null,
      },
    ];
  });
}
