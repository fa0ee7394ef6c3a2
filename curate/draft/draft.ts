/**
 * draftArticle(text, dataset, options): records drafted from one news article. Pure: no files, no network.
 * The steps: quotations and sentences (text.ts), names (gazetteer.ts), dates (dates.ts), who took part,
 * which meeting (meeting.ts), who said each quotation (attribution.ts), then a statement per quotation.
 */
import { dateSpan, type Dataset, type Meeting, type ParticipationRole, type Stance } from '../../data/schema/domain.ts';
import { officeHeldOn } from '../../data/people.ts';
import type { Draft, DraftMention, DraftParticipation, DraftStatement } from '../../data/schema/draft.ts';
import { Attributor, type Attribution } from './attribution.ts';
import { findDates, vagueTime, type FoundDate } from './dates.ts';
import { Gazetteer, type Mention } from './gazetteer.ts';
import { matchMeeting } from './meeting.ts';
import { blankQuotes, findQuotes, paragraphs, segmentAt, sentences, type QuoteSpan, type Segment } from './text.ts';

export interface DraftOptions {
  /** YYYY-MM-DD, or YYYY-MM when only the month is known; null when unknown. */
  published: string | null;
  url: string | null;
  publisher: string | null;
}

const participationCue =
  /\btold the (?:meeting|conference|gathering)\b|\baddress(?:ing|ed) the (?:participants|meeting|conference)\b|\b(?:attended|attending|attends|took part|take part|takes part|participated|participating|participation of|brought together|gathered|were present|was present|joined|represented|delegations?|chaired|hosted|guests?|invited parties|via video|videolink|video link)\b/i;
const notYetOrNot = /\b(?:expected to|will attend|to attend|is set to|plans? to|had (?:also )?been invited|was invited|were invited|declined|did not attend|absent)\b/i;
const history = /\b(?:first|previous|last|earlier|next|founding) (?:meeting|round|session|gathering)\b|\bwas created\b|\bwere created\b/i;
const roleAfterAdjective =
  /^(?:\s+and\s+[\p{Lu}][\p{L}]+)?\s+(?:(?:First|Deputy|Acting|State|Special|Foreign|Prime|Chief)\s+)*(?:Foreign Minister|Minister|minister|ambassadors?|Ambassadors?|delegations?|envoys?|Envoys?|representatives?|Representatives?|officials?|diplomats?|counterparts?|side|FM|President|Councilor|Secretary|Deputy)\b/u;
// A country named as what was talked about ("the situation in X", "cooperation with Taliban-ruled X",
// "relations between X and Y") is a mention, not an attendee.
const topicBefore =
  /\b(?:on|in|about|into|towards?|bordering|against|such as|use of|(?:countries|neighbou?rs|nations|states|situation|consultations|meeting|format|representatives|future|people|territory|government|issue)\s+of|(?:cooperation|co-operation|collaboration|relations|ties|engagement|partnership|trade|interaction|contacts|dealings)\s+(?:with|between)(?:\s+[\p{L}.]+,?)*?\s+and|(?:cooperation|co-operation|collaboration|relations|ties|engagement|partnership|trade|interaction|contacts|dealings)\s+(?:with|between))\s+(?:the\s+)?(?:[\p{L}]+-[\p{L}]+\s+)?$/iu;
const sixNeighbours =
  /\b(?:(?:Afghanistan[’']s\s+)?(?:six|all)\s+(?:of\s+)?(?:Afghanistan[’']s\s+)?(?:neighbou?ring\s+(?:countries|nations|states)|neighbou?rs)|six\s+(?:nations|countries|states)\s+bordering\s+Afghanistan)\b/i;
const meetingWord = /\b(?:meeting|conference|consultations|talks|summit|session|gathering|forum|dialogue)\b/i;
const elsewhere = /\bpress conference\b|\binterview\b|\bbriefing\b|\bon X\b|\bposted\b|\btweeted\b/i;
const atTheMeeting = /\btold the (?:meeting|conference|gathering)\b|\bat the (?:meeting|conference|opening)\b|\bsidelines\b/i;
/** A year, a decade or a month named: another time than the day the story is about. */
const otherTime = /\b(?:1[89]|20)\d\d(?:s)?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const storyWords = /\b(?:Afghanistan|Afghan|Afghans|Taliban|Kabul|Bagram)\b/;

const normaliseQuote = (quote: string) =>
  quote
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function draftArticle(text: string, dataset: Dataset, options: DraftOptions): Draft {
  const gazetteer = new Gazetteer(dataset);
  const quotes = findQuotes(text);
  const blanked = blankQuotes(text, quotes);
  const sentenceList = sentences(text, quotes);
  const paragraphList = paragraphs(text);
  const allMentions = gazetteer.find(text);
  const insideQuote = (mention: Mention) => quotes.some((quote) => mention.start >= quote.start && mention.end <= quote.end);
  const mentions = allMentions.filter((mention) => !insideQuote(mention));

  const sentenceDates = new Map<Segment, FoundDate[]>();
  for (const sentence of sentenceList) sentenceDates.set(sentence, findDates(blanked.slice(sentence.start, sentence.end), sentence.start, options.published));
  const allDates = [...sentenceDates.values()].flat();

  const article = { url: options.url, publisher: options.publisher, published: options.published, characters: text.length };
  const mentionList = toMentions(text, allMentions);
  const empty = (reason: string): Draft => ({
    article,
    emptyBecause: reason,
    meeting: { id: null, candidates: [] },
    participations: [],
    statements: [],
    mentions: mentionList,
  });

  // Who took part: first against the publication year (to help choose the meeting), then the meeting's.
  const refYear = (meeting: Meeting | undefined) => (meeting?.startDate ?? options.published ?? '').slice(0, 4) || null;
  const firstAttendees = findAttendees(sentenceList, blanked, mentions, gazetteer, refYear(undefined), undefined);
  const match = matchMeeting({
    text: blanked,
    published: options.published,
    // A month-only date says nothing about which meeting of that month.
    dates: allDates.filter((found) => found.date.length === 10),
    meetings: dataset.meetings,
    participations: dataset.participations,
    attendees: new Set(firstAttendees.map((attendee) => attendee.actor)),
  });
  const onlyDateClues = match.candidates.every((candidate) => candidate.why.every((clue) => clue.startsWith('published')));
  if (!storyWords.test(text) && onlyDateClues) {
    return empty('the article does not mention Afghanistan, the Taliban or any meeting in the records');
  }
  const meeting = dataset.meetings.find((candidate) => candidate.id === match.id);
  const participations = meetingWord.test(blanked) ? findAttendees(sentenceList, blanked, mentions, gazetteer, refYear(meeting), meeting) : [];

  // Statements.
  const attributor = new Attributor(text, blanked, gazetteer, mentions);
  const statements: DraftStatement[] = [];
  const seen = new Set<string>();
  type Previous = { statement: DraftStatement; attribution: Attribution | null; paragraph: number };
  let previous = null as Previous | null;
  for (const quote of quotes) {
    const sentence = segmentAt(sentenceList, quote.open);
    const paragraphIndex = paragraphList.findIndex((paragraph) => paragraph.start <= quote.open && quote.open < paragraph.end);
    if (sentence === undefined) continue;
    const quoteText = text.slice(quote.start, quote.end);
    const why: string[] = [];
    let attribution: Attribution | null = attributor.attribute(quote, sentence);
    const before = previous?.attribution ?? null;
    if (attribution === null && isQuoteOnly(blanked, quote, sentence) && before !== null && previous !== null && paragraphIndex - previous.paragraph <= 1) {
      attribution = { ...before, how: 'continuation', clause: sentence };
      why.push('no attribution of its own: continues the quotation before it');
    }
    if (attribution === null && isQuoteOnly(blanked, quote, sentence)) {
      const sentenceIndex = sentenceList.indexOf(sentence);
      const introducing = sentenceIndex > 0 ? sentenceList[sentenceIndex - 1]! : undefined;
      attribution = introducing === undefined ? null : attributor.introducedBy(introducing, quote.open);
      if (attribution !== null) why.push('no attribution of its own: the speaker the sentence before introduces');
    }
    if (!isStatement(text, quote, quoteText, attribution)) continue;
    const key = `${normaliseQuote(quoteText)}|${attribution?.name ?? ''}`;
    // An article whose text is repeated (a page scraped twice) gives each statement once.
    if (seen.has(key)) continue;
    seen.add(key);

    const date = statementDate({ quote, sentence, attribution, previous: previous?.statement ?? null, sentenceList, sentenceDates, mentions, meeting, published: options.published, blanked, why });
    const clauseText = blanked.slice(sentence.start, sentence.end);
    const saidElsewhere = elsewhere.test(clauseText) && !atTheMeeting.test(clauseText);
    const atMeeting = meeting !== undefined && !saidElsewhere && (date === null || (dateSpan(date).first <= meeting.endDate && dateSpan(date).last >= meeting.startDate));
    const speaker = toSpeaker(attribution, date ?? options.published);
    if (attribution !== null) why.push(`speaker: ${describeHow(attribution)}`);
    const statement: DraftStatement = {
      quote: quoteText,
      start: quote.start,
      end: quote.end,
      speaker,
      actors: attribution?.actors ?? [],
      date,
      meeting: atMeeting ? meeting.id : null,
      delivery: /\b(?:posted|tweeted|wrote|on X|in a statement|said in a statement|on social media)\b/i.test(clauseText) ? 'written' : 'spoken',
      stances: stancesOf(quoteText),
      confidence: confidenceOf(attribution, quote),
      existing: existingStatement(dataset, quoteText),
      why,
    };
    statements.push(statement);
    previous = { statement, attribution, paragraph: paragraphIndex };
  }

  return { article, emptyBecause: null, meeting: match, participations: participations.map((p) => ({ ...p, meeting: meeting?.id ?? null })), statements, mentions: mentionList };
}

// ---------------------------------------------------------------------------------------------------------

function findAttendees(
  sentenceList: readonly Segment[],
  blanked: string,
  mentions: readonly Mention[],
  gazetteer: Gazetteer,
  year: string | null,
  meeting: Meeting | undefined,
): DraftParticipation[] {
  const found = new Map<string, DraftParticipation>();
  const add = (actor: string, role: ParticipationRole, evidence: Segment) => {
    if (!found.has(actor)) found.set(actor, { actor, meeting: null, role, evidence: { start: evidence.start, end: evidence.end } });
  };
  for (const sentence of sentenceList) {
    const words = blanked.slice(sentence.start, sentence.end);
    if (!participationCue.test(words) || notYetOrNot.test(words) || history.test(words)) continue;
    const years = words.match(/\b(?:19|20)\d\d\b/g) ?? [];
    if (year !== null && years.some((y) => y !== year)) continue;
    const role: ParticipationRole = /\bguests?\b|invited part(?:y|ies)|guest of hono/i.test(words)
      ? 'guest'
      : /\bvia video|videolink|video link|virtually\b/i.test(words)
        ? 'by-video'
        : 'member';
    const roleFor = (actor: string): ParticipationRole => (meeting !== undefined && actor === meeting.host ? 'host' : role);
    const neighbours = sixNeighbours.exec(words);
    if (neighbours !== null) {
      const evidence = { start: sentence.start + neighbours.index, end: sentence.start + neighbours.index + neighbours[0].length };
      for (const actor of gazetteer.neighbours) add(actor, roleFor(actor), evidence);
    }
    for (const mention of mentions) {
      if (mention.start < sentence.start || mention.end > sentence.end) continue;
      if (mention.kind === 'person') {
        const person = gazetteer.people.get(mention.id);
        if (person !== undefined) add(person.actor, roleFor(person.actor), mention);
        continue;
      }
      const before = blanked.slice(Math.max(sentence.start, mention.start - 40), mention.start);
      const after = blanked.slice(mention.end, Math.min(sentence.end, mention.end + 60));
      if (topicBefore.test(before)) continue;
      const possessive = /^[’']s\b/.test(after);
      const followedByRole = roleAfterAdjective.test(possessive ? after.slice(2) : after);
      if ((mention.adjective || possessive) && !followedByRole) continue;
      add(mention.id, roleFor(mention.id), mention);
    }
  }
  return [...found.values()];
}

function isQuoteOnly(blanked: string, quote: QuoteSpan, sentence: Segment): boolean {
  const outside = blanked.slice(sentence.start, quote.open) + blanked.slice(quote.closed ? quote.end + 1 : quote.end, sentence.end);
  return outside.replace(/[\s.,;:!?"”’»)—–-]/g, '').length === 0;
}

/** Names, titles and scare quotes are not statements; a short fragment is one only when someone said it. */
function isStatement(text: string, quote: QuoteSpan, quoteText: string, attribution: Attribution | null): boolean {
  const words = quoteText.trim().split(/\s+/);
  const before = text.slice(Math.max(0, quote.open - 30), quote.open);
  if (/\b(?:so-called|known as|dubbed|titled|entitled|called|named|the term|the word|the phrase|the slogan)\s*$/i.test(before)) return false;
  const titleCase = words.every((word) => /^[\p{Lu}\d]/u.test(word) || /^(?:of|the|and|on|for|in|to|a)$/.test(word));
  if (titleCase && words.length <= 6 && !/[.!?,]$/.test(quoteText)) return false;
  if (words.length <= 3) return attribution !== null && attribution.how !== 'continuation';
  return true;
}

function statementDate(input: {
  quote: QuoteSpan;
  sentence: Segment;
  attribution: Attribution | null;
  previous: DraftStatement | null;
  sentenceList: readonly Segment[];
  sentenceDates: ReadonlyMap<Segment, FoundDate[]>;
  mentions: readonly Mention[];
  meeting: Meeting | undefined;
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  published: string | null;
  blanked: string;
  why: string[];
}): string | null {
  const { sentence, attribution, previous, sentenceList, sentenceDates, mentions, meeting, published, blanked, why } = input;
  const publishedDay = published !== null && published.length === 10 ? published : null;
  const monthOnly = (date: string) => (date.length === 7 ? ' (the article is dated only to its month, so its words give no day)' : '');
  // The story moves to another time ("in August 2021", "in the 1950s") between two sentences: what was
  // said after that is not dated by what came before.
  const timeMovesBetween = (from: number) =>
    sentenceList.some((other) => other.end > from && other.start <= sentence.start && otherTime.test(blanked.slice(other.start, other.end)));
  const own = sentenceDates.get(sentence) ?? [];
  if (own.length > 0) {
    why.push(`date: "${own[0]!.date}" from its own sentence${monthOnly(own[0]!.date)}`);
    return own[0]!.date;
  }
  if (vagueTime.test(input.blanked.slice(sentence.start, sentence.end))) {
    why.push('date: its sentence places it at no particular day');
    return null;
  }
  if (previous !== null && attribution !== null && previous.speaker?.name === attribution.name && previous.date !== null && !timeMovesBetween(previous.end)) {
    why.push('date: that of the same speaker\'s quotation before it');
    return previous.date;
  }
  if (attribution !== null) {
    const index = sentenceList.indexOf(sentence);
    for (let k = index - 1; k >= 0 && k >= index - 8; k--) {
      const earlier = sentenceList[k]!;
      const dates = sentenceDates.get(earlier) ?? [];
      if (dates.length === 0) continue;
      const namesSpeaker = attribution.person !== null
        ? mentions.some((mention) => mention.kind === 'person' && mention.id === attribution.person!.id && mention.start >= earlier.start && mention.end <= earlier.end)
        : false;
      if (namesSpeaker) {
        why.push(`date: ${dates[0]!.date}, from an earlier sentence about the speaker`);
        return dates[0]!.date;
      }
    }
  }
  if (meeting !== undefined && meeting.startDate === meeting.endDate) {
    why.push('date: the day of the meeting the article reports');
    return meeting.startDate;
  }
  // The lead: the first two sentences of the report itself, past a headline or a kicker (no full stop).
  const leadSentences = sentenceList.filter((segment) => /[.!?”"’»]\s*$/.test(blanked.slice(segment.start, segment.end))).slice(0, 2);
  const leadSentence = leadSentences.find((segment) => (sentenceDates.get(segment) ?? []).length > 0);
  const lead = leadSentence === undefined ? undefined : sentenceDates.get(leadSentence)![0]!;
  const recent =
    lead !== undefined &&
    (publishedDay !== null
      ? lead.date.length === 10 && lead.date <= publishedDay && Date.parse(publishedDay) - Date.parse(lead.date) <= 7 * 86400000
      : published !== null && lead.date.startsWith(published));
  if (lead !== undefined && recent && !timeMovesBetween(leadSentence!.end)) {
    why.push(`date: ${lead.date}, ${lead.date.length === 7 ? 'the month' : 'the day'} the article's first sentences give${monthOnly(lead.date)}`);
    return lead.date;
  }
  why.push('date: not found');
  return null;
}

function toSpeaker(attribution: Attribution | null, date: string | null): DraftStatement['speaker'] {
  if (attribution === null) return null;
  if (attribution.person !== null) {
    const office = date === null ? null : (officeHeldOn(attribution.person, date)?.title ?? null);
    return { name: attribution.person.name, office, person: attribution.person.id };
  }
  return { name: attribution.name, office: null, person: null };
}

function describeHow(attribution: Attribution): string {
  const how = {
    named: 'named next to the quotation',
    body: 'a body named earlier in the article',
    pronoun: 'a pronoun or title, resolved to the last person named before it',
    continuation: 'the speaker of the quotation before it',
    'unknown-name': 'a name with no person record (as the article spells it)',
  }[attribution.how];
  return `${attribution.name} (${how})`;
}

function confidenceOf(attribution: Attribution | null, quote: QuoteSpan): DraftStatement['confidence'] {
  const cut = quote.closed ? '' : ' The quotation is cut off in the copy read.';
  if (attribution === null) return { score: 0.1, level: 'unconfirmed', reason: `The report does not say who said these words in a way that could be resolved.${cut}` };
  if (attribution.how === 'named' && attribution.kind !== 'name' && quote.closed) return { score: 0.9, level: 'confirmed', reason: null };
  if (attribution.how === 'unknown-name') return { score: 0.4, level: 'partly', reason: `The speaker has no record in the people list yet; the name is as the report gives it.${cut}` };
  const inferred = attribution.how !== 'named';
  const reason = `${inferred ? 'The speaker is inferred from the surrounding sentences, not named next to the quotation.' : ''}${cut}`.trim();
  return { score: inferred ? 0.6 : 0.75, level: 'partly', reason };
}

function stancesOf(quote: string): Stance[] {
  const military = /\bmilitary (?:presence|infrastructure|structures?|bases?)\b|\bbases?\b|\btroops\b|\bBagram\b/i;
  if (!military.test(quote)) return [];
  if (/\b(?:unacceptab\w*|not be allowed|not allow|will not accept|never accepted|reject\w*|out of the question|impossible|prevent)\b/i.test(quote)) {
    return [{ topic: 'foreign-military-presence', stance: 'opposes', summary: 'Opposes a foreign military presence in Afghanistan or its neighbours.' }];
  }
  if (/\bwant (?:it|that base|the base) back\b|\bget it back\b/i.test(quote)) {
    return [{ topic: 'foreign-military-presence', stance: 'supports', summary: 'Wants a United States military presence at Bagram again.' }];
  }
  return [];
}

function existingStatement(dataset: Dataset, quote: string): string | null {
  const mine = normaliseQuote(quote);
  if (mine.length < 20) return null;
  for (const statement of dataset.statements) {
    for (const wording of [statement.quote, ...statement.variants.map((variant) => variant.quote)]) {
      const theirs = normaliseQuote(wording);
      if (theirs.length >= 20 && (theirs.includes(mine) || mine.includes(theirs))) return statement.id;
    }
  }
  return null;
}

function toMentions(text: string, mentions: readonly Mention[]): Draft['mentions'] {
  const of = (kind: Mention['kind']): DraftMention[] =>
    mentions.filter((mention) => mention.kind === kind).map((mention) => ({ id: mention.id, text: text.slice(mention.start, mention.end), start: mention.start, end: mention.end }));
  return { countries: of('country'), organisations: of('organisation'), people: of('person') };
}

