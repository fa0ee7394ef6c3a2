/**
 * Puts the first view (./first-view.ts) into the built index.html's #app, marked `data-first-view` for
 * src/main.ts, and emits its map picture's image files. Build only: in `vite` dev the page starts empty, as
 * before. The Svelte components are compiled for the server by a short-lived Vite server in SSR mode.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { preparedBoundaries } from './boundaries.ts';
import { countryBoundaries } from './vite-plugin-boundaries.ts';
import { downloads } from './vite-plugin-downloads.ts';
import type { PictureFile } from './first-view-image.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./first-view.ts', import.meta.url));
const EMPTY_APP = '<div id="app"></div>';

export function firstView(): Plugin {
  let assetsUrl = '/assets/';
  let assetsDir = 'assets';
  let rendered: ReturnType<typeof render> | null = null;
  return {
    name: 'first-view',
    apply: 'build',
    configResolved(config) {
      assetsDir = config.build.assetsDir;
      assetsUrl = `${config.base}${assetsDir}/`;
    },
    // Rendered while the page's modules are bundled (the image takes a few seconds to encode).
    buildStart() {
      rendered = render(assetsUrl);
      // Awaited by generateBundle; a failure here is reported there, once.
      rendered.catch(() => {});
    },
    async generateBundle() {
      for (const file of (await rendered!).files) {
        this.emitFile({ type: 'asset', fileName: `${assetsDir}/${file.fileName}`, source: file.source });
      }
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(EMPTY_APP)) throw new Error(`index.html has no ${EMPTY_APP} for the first view`);
        const { html: body } = await rendered!;
        return html.replace(EMPTY_APP, `<div id="app" data-first-view>${body}</div>`);
      },
    },
  };
}

/** The first view's HTML and image files, from the records and the boundaries. */
async function render(assetsUrl: string): Promise<{ html: string; files: PictureFile[] }> {
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
    return await module.renderFirstView(preparedBoundaries().json, assetsUrl);
  } finally {
    await server.close();
  }
}
