/**
 * The downloads built with the page, as content-hashed assets (cached like the rest of assets/, deployed by
 * CDK with them), in `vite build` and in `vite` dev alike:
 * - the whole data set as one ZIP (data/export/bundle.ts), from the same records the seed loads, checked
 *   by the same validator first, so the ZIP never holds data the API would refuse;
 * - the map's boundaries with our attributes as GeoJSON (./boundaries-geojson.ts).
 * `import { dataZip, boundariesGeoJson } from 'virtual:downloads'` gives each file's URL and the name to
 * save it under.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { readRawDataset } from '../../data/load.ts';
import { validateDataset } from '../../data/check/check.ts';
import { buildDataSetExport, zipDataSet } from '../../data/export/bundle.ts';
import { boundariesGeoJson } from './boundaries-geojson.ts';
import { preparedBoundaries } from './boundaries.ts';

const VIRTUAL_ID = 'virtual:downloads';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

interface Built {
  readonly fileName: string;
  readonly saveAs: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

export async function buildDownloads(): Promise<{ dataZip: Built; boundariesGeoJson: Built }> {
  const dataset = validateDataset(await readRawDataset());
  const exported = buildDataSetExport(dataset);
  const zip = zipDataSet(exported);
  const geojson = new TextEncoder().encode(JSON.stringify(boundariesGeoJson(preparedBoundaries().json, dataset)));
  return {
    dataZip: { fileName: `data-${hashOf(zip)}.zip`, saveAs: `${exported.folder}.zip`, bytes: zip, contentType: 'application/zip' },
    boundariesGeoJson: {
      fileName: `boundaries-${hashOf(geojson)}.geojson`,
      saveAs: `afghanistan-neighbours-boundaries-${exported.dataVersion}.geojson`,
      bytes: geojson,
      contentType: 'application/geo+json',
    },
  };
}

export function downloads(): Plugin {
  let base = '/';
  let assetsDir = 'assets';
  let built: ReturnType<typeof buildDownloads> | undefined;
  const files = () => (built ??= buildDownloads());
  const url = (file: Built) => `${base}${assetsDir}/${file.fileName}`;

  return {
    name: 'downloads',
    configResolved(config) {
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { dataZip, boundariesGeoJson } = await files();
      const describe = (file: Built) => ({ url: url(file), saveAs: file.saveAs, bytes: file.bytes.length });
      return `export const dataZip = ${JSON.stringify(describe(dataZip))};\nexport const boundariesGeoJson = ${JSON.stringify(describe(boundariesGeoJson))};\n`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        void files().then((all) => {
          const file = Object.values(all).find((f) => request.url === url(f));
          if (!file) return next();
          response.setHeader('content-type', file.contentType);
          response.end(file.bytes);
        }, next);
      });
    },
    async generateBundle() {
      for (const file of Object.values(await files())) {
        this.emitFile({ type: 'asset', fileName: `${assetsDir}/${file.fileName}`, source: file.bytes });
      }
    },
  };
}
