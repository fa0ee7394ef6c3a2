/**
 * Refusing what cannot be drafted, with one line a curator can act on: an empty or binary file, a text
 * that is not English, a publication date that is malformed or in the future. Each check returns the reason
 * or null; the CLI prints it and exits 1.
 */
import { dayOrMonthSchema } from '../../data/schema/domain.ts';

export class InputError extends Error {}

const maxBytes = 2 * 1024 * 1024;

/** The article as text, or an InputError saying why it is not one. */
export function articleText(bytes: Buffer, file: string): string {
  if (bytes.length === 0) throw new InputError(`${file} is empty`);
  if (bytes.length > maxBytes) throw new InputError(`${file} is ${bytes.length} bytes: an article is expected to be under ${maxBytes} bytes`);
  if (bytes.includes(0)) throw new InputError(`${file} is not text (it contains binary data)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file} is not UTF-8 text`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${file} holds only white space`);
  const controls = [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\f' && c !== '\v') || code === 127;
  }).length;
  if (controls > 0) throw new InputError(`${file} is not text (it contains ${controls} control characters)`);
  const reason = notEnglish(text);
  if (reason !== null) throw new InputError(`${file} ${reason}: the drafting tool reads English articles only`);
  return text;
}

const commonWords = new Set('the of and to in a is that for on was said with as by at it from has he his their are were be have this an which not will'.split(' '));

/** Why the text does not read as English, or null. */
export function notEnglish(text: string): string | null {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length < 20) return 'has too few words to draft from';
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin / letters.length < 0.6) return 'is mostly not in Latin script';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const common = words.filter((word) => commonWords.has(word)).length;
  if (common / words.length < 0.08) return 'does not read as English (too few common English words)';
  return null;
}

/** `--published`: a real day or month, not after `today`. */
export function publishedDate(value: string, today: string): string {
  const parsed = dayOrMonthSchema.safeParse(value);
  if (!parsed.success) throw new InputError(`--published must be a date written YYYY-MM-DD (or YYYY-MM), got "${value}"`);
  if (value > today.slice(0, value.length)) throw new InputError(`--published ${value} is in the future (today is ${today})`);
  return value;
}
