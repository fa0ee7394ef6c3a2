/**
 * Serves the prepared country boundaries (see ./boundaries.ts) as a content-hashed asset, in `vite build`
 * and in `vite` dev alike, and tells the page where to find them:
 * - `import boundariesUrl from 'virtual:boundaries-url'` gives the asset's URL;
 * - index.html gets a preload for it, so the download starts before any script runs.
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
    transformIndexHtml() {
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', href: base + assetPath(), as: 'fetch', crossorigin: 'anonymous' },
          injectTo: 'head-prepend',
        },
      ];
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
