import { describe, expect, it } from 'vitest';
import { describeJsonError, parseJsonText } from './json-text.ts';

function errorOf(text: string): string {
  const result = parseJsonText(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be invalid`);
  return describeJsonError(result);
}

describe('parseJsonText', () => {
  it('parses valid JSON, with or without a byte-order mark', () => {
    expect(parseJsonText('[{"a": 1}]')).toEqual({ ok: true, value: [{ a: 1 }] });
    expect(parseJsonText('\uFEFF[]\n')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['[1, 2', "invalid JSON at line 1, column 6: expected ',' or ']', found the end of the file"],
    ['{"a" 1}', "invalid JSON at line 1, column 6: expected ':' after the property name, found '1'"],
    ['{"a": 1,}', "invalid JSON at line 1, column 9: expected a property name in double quotes, found '}'"],
    ["{'a': 1}", "invalid JSON at line 1, column 2: expected a property name in double quotes, found '''"],
    ['not json', "invalid JSON at line 1, column 1: expected a value, found 'n'"],
    ['[1] [2]', "invalid JSON at line 1, column 5: unexpected '[' after the end of the data"],
    ['["abc', 'invalid JSON at line 1, column 6: unterminated string'],
    ['["a\tb"]', 'invalid JSON at line 1, column 4: control character in a string (write it as an escape, e.g. \\n)'],
    ['["\\x"]', 'invalid JSON at line 1, column 3: invalid escape sequence in a string'],
    ['[-]', 'invalid JSON at line 1, column 2: invalid number'],
    ['', 'invalid JSON at line 1, column 1: expected a value, found the end of the file'],
    ['[\n  {\n    "id": "a"\n    "name": "b"\n  }\n]', "invalid JSON at line 4, column 5: expected ',' or '}', found '\"'"],
  ])('locates the error in %j', (text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('never throws, even on nesting too deep to scan', () => {
    const result = parseJsonText(`${'['.repeat(200_000)}x`);
    expect(result.ok).toBe(false);
  });
});
