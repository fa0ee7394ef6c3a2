/**
 * Who said a quotation: the words around it ("…,” Lavrov said", "Lavrov said: “…”", "…,” he added",
 * "…,” the ministry noted", a quote-only paragraph continuing the previous speaker's words), resolved to a
 * person in the records, a named body ("Russian Foreign Ministry"), a name the records do not know (as the
 * article spells it), or nobody. A pronoun or a title ("the president") is resolved to the last person
 * named before it who fits; when nothing fits, the speaker is null.
 */
import type { Person } from '../../data/schema/domain.ts';
import type { Gazetteer, Mention } from './gazetteer.ts';
import type { QuoteSpan, Segment } from './text.ts';

export const speechVerb =
  /\b(?:said|says|saying|added|adds|told|tells|stressed|stresses|noted|notes|wrote|writes|posted|tweeted|stated|declared|emphasi[sz]ed|underlined|underscored|insisted|warned|urged|asked|replied|answered|explained|remarked|commented|argued|announced|affirmed|reiterated|continued|concluded|critici[sz]ed|expressed|voiced|demanded|described|made clear|[Aa]ccording to)\b/g;

export type SpeakerHow = 'named' | 'body' | 'pronoun' | 'continuation' | 'unknown-name';

export interface Attribution {
  kind: 'person' | 'body' | 'name';
  person: Person | null;
  name: string;
  actors: string[];
  how: SpeakerHow;
  /** The words that attribute the quote (for the date and the delivery), as a span of the text. */
  clause: Segment;
}

const roleNoun = /^(?:the\s+)?(?:(?:Russian|Chinese|Iranian|Afghan|Pakistani|US|U\.S\.)\s+)?(president|foreign minister|minister|envoy|spokes(?:man|woman|person)|ambassador|diplomat|secretary[- ]general|official)$/i;
const pronoun = /^(?:he|she)$/i;
const bodyNoun = /\b(?:ministry|department|agency|office|foreign office|kremlin|white house|pentagon)\b/i;
/** An institution that speaks for its country; the country is named next to it unless it is one of these. */
const institutionPattern =
  /\b(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+(?:[Mm]inistry|[Oo]ffice)\b|\b[Mm]inistry\s+of\s+(?:[Ff]oreign|[Ee]xternal)\s+[Aa]ffairs\b|\b[Mm]inistry\s+of\s+(?:[Dd]efen[cs]e|[Ii]nterior)\b|\b(?:State\s+Department|Kremlin|White\s+House|Pentagon)\b/g;
/** A capitalised word (not "The", "A", "Its") right before an institution's kind: it names whose it is. */
const ownerWordBefore =
  /\b(?!(?:The|A|An|Its|Their|However|Meanwhile|But|And|In|On|Separately|Similarly|Also)\b)[\p{Lu}][\p{L}.’'-]*\s+(?:(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+)?(?:[Mm]inistry|[Oo]ffice|[Dd]epartment|[Aa]gency)\b/u;
const fixedInstitutions: Record<string, string> = { Kremlin: 'RUS', 'White House': 'USA', 'State Department': 'USA', Pentagon: 'USA' };
const nameWord = /^[\p{Lu}][\p{L}'’.-]+$/u;
const notNameWords = new Set(
  'The A An In On At As For But And Foreign Defense Defence Ministry Minister Deputy Acting State Secretary President Prime Chief Spokesman Spokeswoman Spokesperson Ambassador Envoy Special Representative Taliban Islamic Emirate Afghan Russian Chinese Iranian Pakistani Indian American US U.S. White House Kremlin Moscow Kabul Tehran Beijing Washington Speaking Addressing Asked Meanwhile However Separately Earlier Later Instead He She They It This That'.split(
    ' ',
  ),
);

export class Attributor {
  constructor(
    private readonly text: string,
    private readonly blanked: string,
    private readonly gazetteer: Gazetteer,
    /** Mentions outside quotations, in text order. */
    private readonly mentions: readonly Mention[],
  ) {}

  /** The attribution of `quote` inside `sentence`, or null when the words around it name nobody. */
  attribute(quote: QuoteSpan, sentence: Segment): Attribution | null {
    const closeAt = quote.closed ? quote.end + 1 : quote.end;
    // After the quote: "…,” Lavrov said", "…,” said Lavrov", "…,” the ministry noted".
    const afterEnd = Math.min(sentence.end, this.nextQuoteOpen(closeAt, sentence.end));
    const after = this.blanked.slice(closeAt, afterEnd);
    const verbAfter = new RegExp(speechVerb.source).exec(after);
    if (verbAfter !== null && verbAfter.index <= 60) {
      const subject = { start: closeAt, end: closeAt + verbAfter.index };
      const object = { start: closeAt + verbAfter.index + verbAfter[0].length, end: afterEnd };
      const clause = { start: closeAt, end: afterEnd };
      const found = this.resolvePhrase(subject, quote.open, clause) ?? this.resolvePhrase(this.untilPunctuation(object), quote.open, clause);
      if (found !== null) return found;
    }
    // Before the quote, nearest verb first: "Lavrov said: “…”", "…but made clear that “…”".
    const before = this.blanked.slice(sentence.start, quote.open);
    const verbs = [...before.matchAll(speechVerb)];
    for (let k = verbs.length - 1; k >= 0; k--) {
      const verb = verbs[k]!;
      // "According to the ministry, the talks focused “…”": the source is what follows the words.
      if (verb[0].toLowerCase() === 'according to') {
        const objectStart = sentence.start + verb.index! + verb[0].length;
        const source = this.resolvePhrase(this.untilPunctuation({ start: objectStart, end: quote.open }), quote.open, { start: sentence.start, end: sentence.end });
        if (source !== null) return source;
        continue;
      }
      const regionStart = k === 0 ? sentence.start : sentence.start + verbs[k - 1]!.index! + verbs[k - 1]![0].length;
      const subject = { start: regionStart, end: sentence.start + verb.index! };
      const found = this.resolvePhrase(subject, quote.open, { start: sentence.start, end: sentence.end });
      if (found !== null) return found;
    }
    return null;
  }

  /**
   * The speaker a sentence introduces ("Qin said that …"), for a quotation standing alone in the next
   * paragraph: the subject of the sentence's first verb of saying.
   */
  introducedBy(sentence: Segment, quoteOpen: number): Attribution | null {
    const words = this.blanked.slice(sentence.start, sentence.end);
    // "According to TASS, Lavrov said that …": the subject of the first verb of saying that names someone.
    let from = 0;
    for (const verb of words.matchAll(speechVerb)) {
      const found =
        verb[0].toLowerCase() === 'according to'
          ? this.resolvePhrase(this.untilPunctuation({ start: sentence.start + verb.index + verb[0].length, end: sentence.end }), quoteOpen, sentence)
          : this.resolvePhrase({ start: sentence.start + from, end: sentence.start + verb.index }, quoteOpen, sentence);
      if (found !== null) return { ...found, how: 'continuation' };
      if (verb[0].toLowerCase() !== 'according to') return null;
      from = verb.index + verb[0].length;
    }
    return null;
  }

  private nextQuoteOpen(from: number, limit: number): number {
    for (let i = from; i < limit; i++) if (this.blanked[i] === '“' || this.blanked[i] === '"' || this.blanked[i] === '«') return i;
    return limit;
  }

  private untilPunctuation(segment: Segment): Segment {
    const rest = this.blanked.slice(segment.start, segment.end);
    const stop = /[,.;:!?]/.exec(rest);
    return { start: segment.start, end: stop === null ? segment.end : segment.start + stop.index };
  }

  private resolvePhrase(phrase: Segment, quoteOpen: number, clause: Segment): Attribution | null {
    const words = this.blanked.slice(phrase.start, phrase.end).replace(/^[\s,.;:—–-]+|[\s,.;:—–-]+$/g, '');
    if (words === '') return null;
    const person = this.mentions.find((mention) => mention.kind === 'person' && mention.start >= phrase.start && mention.end <= phrase.end);
    if (person !== undefined) return this.personAttribution(person.id, 'named', clause);
    const lastWords = words.split(/\s+/).slice(-3).join(' ');
    if (pronoun.test(lastWords.split(/\s+/).pop() ?? '') || pronoun.test(words)) {
      const antecedent = this.antecedent(quoteOpen, () => true);
      return antecedent === null ? null : this.personAttribution(antecedent, 'pronoun', clause);
    }
    const role = roleNoun.exec(words);
    if (role !== null) {
      const title = role[1]!.toLowerCase().replace('-', ' ');
      const antecedent = this.antecedent(quoteOpen, (person) => person.offices.some((office) => office.title.toLowerCase().replace('-', ' ').includes(title)));
      return antecedent === null ? null : this.personAttribution(antecedent, 'pronoun', clause);
    }
    if (bodyNoun.test(words)) return this.bodyAttribution(phrase, quoteOpen, clause);
    const name = this.unknownName(words);
    if (name !== null) {
      const country = this.mentions.find((mention) => mention.kind === 'country' && mention.start >= phrase.start && mention.end <= phrase.end);
      return { kind: 'name', person: null, name, actors: country === undefined ? [] : [country.id], how: 'unknown-name', clause };
    }
    return null;
  }

  personAttribution(id: string, how: SpeakerHow, clause: Segment): Attribution {
    const person = this.gazetteer.people.get(id)!;
    return { kind: 'person', person, name: person.name, actors: [person.actor], how, clause };
  }

  /** The last person named before `offset`, outside quotations, who `fits`. */
  private antecedent(offset: number, fits: (person: Person) => boolean): string | null {
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const mention = this.mentions[k]!;
      if (mention.start >= offset || mention.kind !== 'person') continue;
      // "met with X", "talks with X": X is not who speaks next.
      if (/\b(?:with|met|to|by)\s+(?:[\p{L}.'’-]+\s+){0,4}$/u.test(this.blanked.slice(Math.max(0, mention.start - 40), mention.start)) && k > 0) continue;
      const person = this.gazetteer.people.get(mention.id);
      if (person !== undefined && fits(person)) return person.id;
    }
    return null;
  }

  /**
   * "the Chinese foreign ministry said", "according to the ministry": an institution speaks. Named with its
   * country in the phrase itself ("the Russian Foreign Ministry", "Iran's Ministry of Foreign Affairs", "the
   * Kremlin"), or named only by its kind ("the ministry", "the department"), which then means the institution
   * named before it: the only one the article names so far, or else the last one if it is in the same or the
   * paragraph before. Otherwise nobody: an institution of no known country is never guessed.
   */
  private bodyAttribution(phrase: Segment, quoteOpen: number, clause: Segment): Attribution | null {
    const own = this.institutions(phrase.start, phrase.end)[0];
    if (own !== undefined) return { kind: 'body', person: null, name: own.name, actors: own.actors, how: 'named', clause };
    // "the Taliban's Foreign Ministry": named, but by no country the records know; not the one named before.
    if (ownerWordBefore.test(this.blanked.slice(phrase.start, phrase.end))) return null;
    const earlier = this.institutions(0, phrase.start).filter((institution) => institution.actors.length > 0);
    const last = earlier[earlier.length - 1];
    if (last === undefined) return null;
    const onlyOne = earlier.every((institution) => institution.name.toLowerCase() === last.name.toLowerCase());
    const between = this.text.slice(last.end, quoteOpen).split('\n').filter((line) => line.trim() !== '').length;
    if (!onlyOne && between > 2) return null;
    return { kind: 'body', person: null, name: last.name, actors: last.actors, how: 'body', clause };
  }

  /** Institutions named with their country between `from` and `to`, outside quotations, in text order. */
  private institutions(from: number, to: number): { name: string; actors: string[]; start: number; end: number }[] {
    const words = this.blanked.slice(from, to);
    const found: { name: string; actors: string[]; start: number; end: number }[] = [];
    for (const match of words.matchAll(institutionPattern)) {
      const start = from + match.index;
      const end = start + match[0].length;
      const fixed = fixedInstitutions[match[0].replace(/\s+/g, ' ')];
      // The country: an adjective or name right before ("Russian", "Iran’s", "U.S."), or "of Russia" after.
      const owner = this.mentions.find((mention) => mention.kind === 'country' && mention.end <= start && /^(?:[’']s)?\s+$/.test(this.blanked.slice(mention.end, start)));
      const ofCountry = /^\s+of\s+(?:the\s+)?/.exec(this.blanked.slice(end, to));
      const after = ofCountry === null ? undefined : this.mentions.find((mention) => mention.kind === 'country' && !mention.adjective && mention.start === end + ofCountry[0].length);
      const country = owner?.id ?? after?.id ?? (fixed !== undefined && this.gazetteer.countryNames.has(fixed) ? fixed : undefined);
      if (country === undefined) continue;
      const nameStart = owner?.start ?? start;
      const nameEnd = after?.end ?? end;
      const name = this.text.slice(nameStart, nameEnd).replace(/\b(foreign|ministry|office|defen[cs]e|interior|affairs|external|department|state)\b/g, (word) => word[0]!.toUpperCase() + word.slice(1));
      found.push({ name, actors: [country], start: nameStart, end: nameEnd });
    }
    return found;
  }

  /** A capitalised name of two to four words that is not a title, a country or a body. */
  private unknownName(words: string): string | null {
    const tokens = words.split(/[\s,]+/);
    let best: string[] = [];
    let run: string[] = [];
    for (const token of [...tokens, '']) {
      if (nameWord.test(token) && !notNameWords.has(token) && !this.gazetteer.find(token).some((mention) => mention.kind !== 'person')) run.push(token);
      else {
        if (run.length >= 2 && run.length <= 4 && best.length === 0) best = run;
        run = [];
      }
    }
    return best.length === 0 ? null : best.join(' ');
  }
}
