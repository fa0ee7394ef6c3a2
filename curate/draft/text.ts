/**
 * The article's text: quotation spans, sentences and paragraphs, all as UTF-16 offsets into the original
 * string (never a normalised copy), so every quote the tool reports is exactly `text.slice(start, end)`.
 */

export interface QuoteSpan {
  /** First character inside the opening mark. */
  start: number;
  /** One past the last character inside the closing mark (or the end of the paragraph when left open). */
  end: number;
  /** The opening mark's offset. */
  open: number;
  /** false when the paragraph or text ends before a closing mark. */
  closed: boolean;
}

export interface Segment {
  start: number;
  end: number;
}

const closingOf: Record<string, string> = { '“': '”', '«': '»', '"': '"', '‘': '’', "'": "'", '„': '“' };

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}|\p{N}/u.test(c);

/** A single mark opens a quote only where an apostrophe cannot be: after a space or bracket, before a letter. */
function opensAt(text: string, i: number): boolean {
  const c = text[i]!;
  if (!(c in closingOf)) return false;
  const before = text[i - 1];
  const after = text[i + 1];
  if (c === '"') return (isSpace(before) || /[([{—–\-:;,/]/.test(before!)) && !isSpace(after);
  if (c === '‘' || c === "'") return (isSpace(before) || /[([{—–:]/.test(before!)) && isLetter(after);
  return !isSpace(after) || c === '“' || c === '«';
}

function closesAt(text: string, i: number, mark: string): boolean {
  if (text[i] !== mark) return false;
  // A single closing mark that is followed by a letter is an apostrophe ("Afghanistan’s", "don't").
  if (mark === '’' || mark === "'") return !isSpace(text[i - 1]) && !isLetter(text[i + 1]);
  return true;
}

/**
 * Every top-level quotation in the text. Marks nested inside a quotation (Mujahid quoting the Doha Agreement
 * in single quotes) stay part of the outer one. A mark left open ends the quotation at the end of its
 * paragraph, without the trailing space (a stored copy cut off mid-quote).
 */
export function findQuotes(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    if (!opensAt(text, i)) {
      i += 1;
      continue;
    }
    const mark = closingOf[text[i]!]!;
    const open = i;
    let j = i + 1;
    let closed = false;
    while (j < text.length && text[j] !== '\n') {
      if (closesAt(text, j, mark)) {
        closed = true;
        break;
      }
      j += 1;
    }
    let end = j;
    if (!closed) while (end > open + 1 && isSpace(text[end - 1])) end -= 1;
    if (end > open + 1) quotes.push({ start: open + 1, end, open, closed });
    i = closed ? j + 1 : j;
  }
  return quotes;
}

const abbreviations = /\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|U\.S|U\.N|U\.K|a\.m|p\.m|e\.g|i\.e)\.$/;

/** Paragraphs: text between line breaks. */
export function paragraphs(text: string): Segment[] {
  const result: Segment[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (text.slice(start, i).trim() !== '') result.push({ start, end: i });
      start = i + 1;
    }
  }
  return result;
}

/**
 * Sentences, never broken inside a quotation: "“A. B,” he said." is one sentence, so the words that
 * attribute a quote stay with it.
 */
export function sentences(text: string, quotes: readonly QuoteSpan[]): Segment[] {
  const inQuote = new Uint8Array(text.length + 1);
  for (const quote of quotes) for (let i = quote.open; i < Math.min(text.length, quote.end + 1); i++) inQuote[i] = 1;
  // A quotation whose words end a sentence ("…right away.” Trump has…") ends the sentence with it.
  const endsSentence = new Set(quotes.filter((quote) => quote.closed && /[.!?]/.test(text[quote.end - 1]!)).map((quote) => quote.end));
  const result: Segment[] = [];
  for (const paragraph of paragraphs(text)) {
    let start = paragraph.start;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const c = text[i]!;
      if (endsSentence.has(i) && i + 1 < paragraph.end) {
        let after = i + 1;
        while (after < paragraph.end && /\s/.test(text[after]!)) after += 1;
        if (after > i + 1 && after < paragraph.end && /[\p{Lu}“"‘«]/u.test(text[after]!)) {
          result.push({ start, end: i + 1 });
          start = after;
          i = after - 1;
        }
        continue;
      }
      if (inQuote[i] || !/[.!?]/.test(c)) continue;
      let next = i + 1;
      while (next < paragraph.end && /["”’»)]/.test(text[next]!) && !inQuote[next]) next += 1;
      if (next < paragraph.end && !/\s/.test(text[next]!)) continue;
      let after = next;
      while (after < paragraph.end && /\s/.test(text[after]!)) after += 1;
      if (after < paragraph.end && !/[\p{Lu}\d“"‘«(]/u.test(text[after]!)) continue;
      if (abbreviations.test(text.slice(Math.max(paragraph.start, i - 5), i + 1))) continue;
      // A middle initial ("Donald J. Trump") does not end a sentence.
      if (/(?:^|\s)\p{Lu}\.$/u.test(text.slice(Math.max(paragraph.start, i - 2), i + 1)) && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(next, next + 4))) continue;
      result.push({ start, end: next });
      start = after;
      i = after - 1;
    }
    if (text.slice(start, paragraph.end).trim() !== '') result.push({ start, end: paragraph.end });
  }
  return result;
}

/** The segment containing `offset` (or the last one starting before it). */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | undefined {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.start <= offset) found = segment;
    else break;
  }
  return found;
}

/** The text with every quotation's inside blanked (same length), so words inside quotes never attribute. */
export function blankQuotes(text: string, quotes: readonly QuoteSpan[]): string {
  const chars = [...text.split('')];
  for (const quote of quotes) for (let i = quote.start; i < quote.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}

/** One character per character, accents removed, so names match "Szijjarto" and "Szijjártó" alike. */
export function foldAccents(text: string): string {
  let folded = '';
  for (const c of text) {
    const base = c.normalize('NFD')[0] ?? c;
    folded += c.length === 2 ? c : base.length === c.length ? base : c;
  }
  return folded;
}
