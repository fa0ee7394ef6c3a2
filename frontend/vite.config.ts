import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { countryBoundaries } from './build/vite-plugin-boundaries.ts';
import { downloads } from './build/vite-plugin-downloads.ts';
import { firstView } from './build/vite-plugin-first-view.ts';
import { siteUrl } from './build/vite-plugin-site-url.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte(), countryBoundaries(), downloads(), siteUrl(), firstView()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre alone is ~1 MB minified; our own code is reported separately in the build output.
    chunkSizeWarningLimit: 1200,
    // dist/.vite/manifest.json: which chunks and stylesheets each entry loads, for the byte budget
    // (bench/first-load.ts). Not deployed (infra/constructs/site-content.ts).
    manifest: true,
    rolldownOptions: {
      // MapLibre in a chunk of its own: cached across our releases, and our own code's size stays visible.
      output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
