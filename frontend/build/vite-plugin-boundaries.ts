/**
 * Serves the prepared country boundaries (see ./boundaries.ts) as a content-hashed asset, in `vite build`
 * and in `vite` dev alike, and tells the page where to find them:
 * - `import boundariesUrl from 'virtual:boundaries-url'` gives the asset's URL.
 * No preload in index.html: the page asks for the file once its first view is painted, with MapLibre's code
 * (src/lib/components/MapView.svelte); preloaded, it competed with the first view's own files.
 */
import type { Plugin } from 'vite';
import { preparedBoundaries } from './boundaries.ts';

const VIRTUAL_ID = 'virtual:boundaries-url';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function countryBoundaries(): Plugin {
  let base = '/';
  let assetsDir = 'assets';
  const boundaries = preparedBoundaries;
  const assetPath = () => `${assetsDir}/${boundaries().fileName}`;

  return {
    name: 'country-boundaries',
    configResolved(config) {
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      return id === RESOLVED_ID ? `export default ${JSON.stringify(base + assetPath())};` : undefined;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url !== base + assetPath()) return next();
        response.setHeader('content-type', 'application/json');
        response.end(boundaries().json);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: assetPath(), source: boundaries().json });
    },
  };
}
