/**
 * JSON.parse with an error a person can act on: "line 3, column 5: expected ',' or '}'".
 *
 * V8's own messages differ between Node versions and often carry no position at all
 * (`Unexpected token 'o', "not json" is not valid JSON`), so after JSON.parse fails, a small scanner
 * walks the text again to find where and why. The scanner runs only on the failure path.
 */

export type JsonTextResult =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; reason: string };

const BYTE_ORDER_MARK = '\uFEFF';

export function parseJsonText(text: string): JsonTextResult {
  // Editors on Windows may save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, ...locateSyntaxError(body, error) };
  }
}

/** Formats a failed parse as the checker's message: `invalid JSON at line 3, column 5: expected ':'`. */
export function describeJsonError(result: { line: number; column: number; reason: string }): string {
  return `invalid JSON at line ${result.line}, column ${result.column}: ${result.reason}`;
}

interface Located {
  line: number;
  column: number;
  reason: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function locateSyntaxError(text: string, parseError: unknown): Located {
  try {
    new JsonScanner(text).scanDocument();
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ...lineAndColumn(text, error.offset), reason: error.reason };
    // A RangeError from absurd nesting: fall through to V8's own words.
  }
  const fallback = parseError instanceof Error ? parseError.message : String(parseError);
  return { line: 1, column: 1, reason: fallback };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Recognises RFC 8259 JSON and throws JsonSyntaxError at the first character that does not fit. */
class JsonScanner {
  private offset = 0;

  constructor(private readonly text: string) {}

  scanDocument(): void {
    this.skipWhitespace();
    this.scanValue();
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail(`unexpected ${this.describeCurrent()} after the end of the data`);
  }

  private scanValue(): void {
    const char = this.text[this.offset];
    if (char === '{') return this.scanObject();
    if (char === '[') return this.scanArray();
    if (char === '"') return this.scanString();
    if (char === '-' || isDigit(char)) return this.scanNumber();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.offset)) {
        this.offset += literal.length;
        return;
      }
    }
    this.fail(`expected a value, found ${this.describeCurrent()}`);
  }

  private scanObject(): void {
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return;
    }
    for (;;) {
      if (this.text[this.offset] !== '"') this.fail(`expected a property name in double quotes, found ${this.describeCurrent()}`);
      this.scanString();
      this.skipWhitespace();
      this.expect(':', `expected ':' after the property name, found ${this.describeCurrent()}`);
      this.skipWhitespace();
      this.scanValue();
      this.skipWhitespace();
      if (this.text[this.offset] === '}') {
        this.offset++;
        return;
      }
      this.expect(',', `expected ',' or '}', found ${this.describeCurrent()}`);
      this.skipWhitespace();
    }
  }

  private scanArray(): void {
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return;
    }
    for (;;) {
      this.scanValue();
      this.skipWhitespace();
      if (this.text[this.offset] === ']') {
        this.offset++;
        return;
      }
      this.expect(',', `expected ',' or ']', found ${this.describeCurrent()}`);
      this.skipWhitespace();
    }
  }

  private scanString(): void {
    this.offset++;
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined) this.fail('unterminated string');
      if (char === '"') {
        this.offset++;
        return;
      }
      if (char < ' ') this.fail('control character in a string (write it as an escape, e.g. \\n)');
      if (char === '\\') {
        const escape = this.text[this.offset + 1];
        if (escape !== undefined && '"\\/bfnrt'.includes(escape)) this.offset += 2;
        else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6)))
          this.offset += 6;
        else this.fail('invalid escape sequence in a string');
      } else {
        this.offset++;
      }
    }
  }

  private scanNumber(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.offset));
    if (!match) this.fail('invalid number');
    this.offset += match[0].length;
  }

  private skipWhitespace(): void {
    while (' \t\n\r'.includes(this.text[this.offset] ?? 'x')) this.offset++;
  }

  private expect(char: string, reason: string): void {
    if (this.text[this.offset] !== char) this.fail(reason);
    this.offset++;
  }

  private describeCurrent(): string {
    const char = this.text[this.offset];
    if (char === undefined) return 'the end of the file';
    if (char < ' ') return `a control character (U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
    return `'${char}'`;
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(this.offset, reason);
  }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
