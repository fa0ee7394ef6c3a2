/**
 * Puts the first view (./first-view.ts) into the built index.html's #app, marked `data-first-view` for
 * src/main.ts. Build only: in `vite` dev the page starts empty, as before. The Svelte components are
 * compiled for the server by a short-lived Vite server in SSR mode.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { preparedBoundaries } from './boundaries.ts';
import { countryBoundaries } from './vite-plugin-boundaries.ts';
import { downloads } from './vite-plugin-downloads.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./first-view.ts', import.meta.url));
const EMPTY_APP = '<div id="app"></div>';

export function firstView(): Plugin {
  return {
    name: 'first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(EMPTY_APP)) throw new Error(`index.html has no ${EMPTY_APP} for the first view`);
        const server = await createServer({
          configFile: false,
          root,
          logLevel: 'error',
          // The same virtual modules as the page's build, so components render as they will in the browser.
          plugins: [svelte(), countryBoundaries(), downloads()],
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
        });
        try {
          const module = (await server.ssrLoadModule(entry)) as typeof import('./first-view.ts');
          const body = await module.renderFirstView(preparedBoundaries().json);
          return html.replace(EMPTY_APP, `<div id="app" data-first-view>${body}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}
