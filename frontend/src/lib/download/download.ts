/**
 * Downloads of what a view shows, as CSV or JSON. The one entry point is `downloadRows`: give it the file's
 * name, the columns (a header as the view labels it, a key for JSON, how to read a row) and the rows, and it
 * saves the file. Any table can use it (the attendance matrix too): columns and rows are plain data.
 *
 * - CSV: UTF-8 with a byte-order mark, the header row first, no comment lines (data/export/csv.ts, which
 *   papaparse writes; both are loaded only when a CSV is asked for). The metadata goes in the file name.
 * - JSON: the metadata as fields (`title`, `dataVersion`, `citation`, `url`, `accessed`) beside `rows`.
 * An empty view gives a file with its header row (CSV) or an empty `rows` (JSON), never an error.
 */
import type { Cell } from '../../../../data/export/csv.ts';
import { productTitle } from '../../../../data/export/product.ts';

export type { Cell };

export interface Column<Row> {
  /** The JSON key: camelCase, stable. */
  readonly key: string;
  /** The CSV header: the view's own column label. */
  readonly header: string;
  readonly value: (row: Row) => Cell;
}

export interface DownloadMeta {
  /** What the file holds, in words: "Attendees of …". */
  readonly title: string;
  /** The data set's version (the overview's dataVersion); null before the overview has arrived. */
  readonly dataVersion: string | null;
  /** The page's address for this view. */
  readonly url: string;
  /** The day the file was made, `YYYY-MM-DD`. */
  readonly accessed: string;
}

export type DownloadFormat = 'csv' | 'json';

/** How to cite a download: the product, the data version, where and when it was taken. */
export function citationLine(meta: DownloadMeta): string {
  return `${productTitle}: ${meta.title}. Data version ${meta.dataVersion ?? 'unknown'}. ${meta.url}. Accessed ${meta.accessed}.`;
}

/** Today as `YYYY-MM-DD` (UTC, like every date in the data). */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** A file name from words and ids: lower case, hyphens, nothing a file system refuses. */
export function fileSlug(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file's text and type: CSV (header row, then the rows) or JSON (the metadata and the rows as objects). */
export async function tableFile<Row>(
  format: DownloadFormat,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  meta: DownloadMeta,
): Promise<{ text: string; type: string }> {
  if (format === 'csv') {
    const { toCsv } = await import('../../../../data/export/csv.ts');
    return {
      text: toCsv(
        columns.map((c) => c.header),
        rows.map((row) => columns.map((c) => c.value(row))),
      ),
      type: 'text/csv;charset=utf-8',
    };
  }
  const body = {
    title: meta.title,
    dataVersion: meta.dataVersion,
    citation: citationLine(meta),
    url: meta.url,
    accessed: meta.accessed,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.value(row)]))),
  };
  return { text: `${JSON.stringify(body, null, 2)}\n`, type: 'application/json;charset=utf-8' };
}

/** Hands the browser a file to save, without a round trip to the server. */
export function saveFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves `rows` as `<fileName>-<accessed>.<csv|json>`: the reusable download for any table on the page.
 * `fileName` without extension, e.g. `fileSlug('attendees', meeting.id)`.
 */
export async function downloadRows<Row>(
  fileName: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  meta: DownloadMeta,
  format: DownloadFormat,
): Promise<void> {
  const file = await tableFile(format, columns, rows, meta);
  saveFile(`${fileName}-${meta.accessed}.${format}`, file.text, file.type);
}
