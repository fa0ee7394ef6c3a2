/**
 * The whole data set as one ZIP, built with the page (frontend/build/vite-plugin-downloads.ts): a README
 * (what each file and column holds, the licence as the repository states it, how to cite), a CITATION.cff,
 * the data version, and every entity as CSV (flat tables, one row per fact) and as JSON (the records whole).
 * Curators' notes never leave the repository. Deterministic: the same data gives the same bytes.
 */
import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import { currentTo, type Dataset } from '../schema/domain.ts';
import { dataVersionOf } from '../version.ts';
import { toCsv } from './csv.ts';
import { productTitle } from './product.ts';
import { exportTables, jsonEntities, withoutCuratorNotes } from './tables.ts';

export interface DataSetExport {
  readonly dataVersion: string;
  /** The month (`YYYY-MM`) the record was last searched to, or null. */
  readonly currentTo: string | null;
  /** The folder every file sits in inside the ZIP. */
  readonly folder: string;
  /** File name (inside `folder`) → text. */
  readonly files: ReadonlyMap<string, string>;
}

const monthName = (yearMonth: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yearMonth}-01T00:00:00Z`));

/** How to cite the data set; the address and the access date are the reader's to fill in. */
export function citationText(dataVersion: string, current: string | null): string {
  return `${productTitle}. Data set, version ${dataVersion}${current ? ` (current to ${monthName(current)})` : ''}. <address you downloaded it from>. Accessed <date>.`;
}

export function citationCff(dataVersion: string, current: string | null): string {
  return stringify({
    'cff-version': '1.2.0',
    message: 'If you use this data set, please cite it as below, and cite the original publisher of any quote you use (sources.csv has each one).',
    type: 'dataset',
    title: productTitle,
    version: dataVersion,
    abstract:
      `Which countries and organisations attended which regional meeting on Afghanistan (the Moscow Format rounds, the foreign-minister meetings of Afghanistan's neighbours, related conferences), in what role, whether they endorsed the outcome document, and what their officials said, each fact with its sources${current ? `; current to ${monthName(current)}` : ''}.`,
    authors: [{ name: 'The contributors' }],
    keywords: ['Afghanistan', 'diplomacy', 'Moscow Format', 'regional security', 'foreign military presence'],
  });
}

function readme(dataVersion: string, current: string | null, dataset: Dataset): string {
  const tables = exportTables.map((spec) => {
    const header = `### ${spec.name}.csv (${spec.table(dataset).rows.length} rows)\n\n${spec.about}\n\n| column | what it holds |\n| --- | --- |\n`;
    return header + spec.columns.map((c) => `| \`${c.name}\` | ${c.about} |`).join('\n');
  });
  return `# ${productTitle} (data set)

Data version: ${dataVersion}${current ? `\nCurrent to: ${monthName(current)} (the month of the latest search for new events)` : ''}

Who attended which regional meeting on Afghanistan, in what role, whether they endorsed the outcome
document, and what their officials said. Every participation and every statement has at least one source
(sources.csv); quotes are copied exactly as the cited source published them. How sure each fact is:
\`confidence\` (confirmed, partly, disputed, unconfirmed) with the reason. Where sources disagree the record
says so; an unknown value is empty or \`unknown\`, never a guess.

## Files

- \`<entity>.json\`: the records of one entity (${jsonEntities.join(', ')}), whole, with nested
  lists; \`records\` holds them, beside \`dataVersion\`, \`currentTo\` and \`citation\`.
- \`<table>.csv\`: the same facts as flat tables, one row per fact. UTF-8 with a byte-order mark, the
  header row first, comma-separated, CRLF line ends. Lists of ids are one cell, separated by "; ".
  Dates are ISO 8601: \`YYYY-MM-DD\`, or \`YYYY-MM\` where only the month is known.
- \`data-version.txt\`: the data version, the same as the page and the API report.
- \`CITATION.cff\`: how to cite, in the Citation File Format 1.2.0.

Ids join the tables: a country by its ISO 3166-1 alpha-3 code in capitals (\`RUS\`), an organisation by its
id in lower case (\`csto\`); an "actor" is either.

## Licence

The repository this data set comes from states:

> MIT for the code. The data cites its sources; quotes remain their publishers' words.

No other licence is stated for the data set.

## How to cite

${citationText(dataVersion, current)}

When you quote a statement, cite its original publisher too (the statement's \`quoteSource\` in sources.csv).

## Tables

${tables.join('\n\n')}
`;
}

export function buildDataSetExport(dataset: Dataset): DataSetExport {
  const dataVersion = dataVersionOf(dataset);
  const current = currentTo(dataset.coverage);
  const files = new Map<string, string>();
  files.set('README.md', readme(dataVersion, current, dataset));
  files.set('CITATION.cff', citationCff(dataVersion, current));
  files.set('data-version.txt', `${dataVersion}\n`);
  for (const spec of exportTables) {
    const table = spec.table(dataset);
    files.set(`${spec.name}.csv`, toCsv(table.columns, table.rows));
  }
  for (const entity of jsonEntities) {
    const body = { entity, dataVersion, currentTo: current, citation: citationText(dataVersion, current), records: withoutCuratorNotes(dataset[entity]) };
    files.set(`${entity}.json`, `${JSON.stringify(body, null, 2)}\n`);
  }
  return { dataVersion, currentTo: current, folder: `afghanistan-neighbours-data-${dataVersion}`, files };
}

/** The ZIP's bytes: every file in one folder, deflated, with a fixed time stamp so the bytes depend on the data alone. */
export function zipDataSet(data: DataSetExport): Uint8Array {
  const mtime = new Date(`${data.currentTo ?? '2026-01'}-01T00:00:00Z`);
  const entries = Object.fromEntries([...data.files].map(([name, text]) => [`${data.folder}/${name}`, strToU8(text)]));
  return zipSync(entries, { level: 9, mtime });
}
