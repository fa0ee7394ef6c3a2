/** Small helpers shared by the benchmarks: percentiles, ratios, rounding, plain-text tables. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** `value / baseline`, two decimals. */
export const ratio = (value: number, baseline: number): number => round(value / baseline, 2);

export const round = (value: number, decimals = 1): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

export const KiB = 1024;
export const kib = (bytes: number): number => round(bytes / KiB, 1);

/** Columns padded to width; the first `leftColumns` left-aligned, the rest (numbers) right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], leftColumns = 1): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column < leftColumns ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
