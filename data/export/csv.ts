/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (Excel reads the file as UTF-8 only with one),
 * the header row first, RFC 4180 quoting and CRLF line ends, no comment lines. One function for the
 * whole-data-set ZIP (built with the page) and the page's "Download CSV" (which imports this module lazily,
 * so papaparse is fetched only on a click).
 */
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;

export const byteOrderMark = '\uFEFF';

/** A header row and one line per row; with no rows, the header row alone. Cells are written as given (null: empty). */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const data = rows.map((row) => row.map((cell) => (cell === null ? '' : cell)));
  return byteOrderMark + Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' });
}

/** Reads back what toCsv wrote (the byte-order mark dropped): the header and the rows, every cell as text. */
export function fromCsv(text: string): { columns: string[]; rows: string[][] } {
  const body = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV does not parse: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  const [columns = [], ...rows] = parsed.data;
  return { columns, rows };
}
