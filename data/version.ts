/**
 * The data version: a content hash of the loaded data set. The API serves it (overview, health), the page
 * shows it in citations and downloads, and the whole-data-set ZIP built with the page carries it, so one
 * function computes it for all of them.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from './schema/domain.ts';

export function dataVersionOf(dataset: Dataset): string {
  return createHash('sha256').update(JSON.stringify(dataset)).digest('hex').slice(0, 16);
}
