import { flushSync, mount } from 'svelte';
import { prewarm } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';
import { createApiClient } from './lib/api/client.ts';
import { AppState } from './lib/state/app.svelte.ts';

// MapLibre's worker starts now, while the page's own code runs and the data arrives.
prewarm();

const app = new AppState(createApiClient(), location.search);
// Started before the map is built: the overview and the boundaries download in parallel.
const loaded = app.load();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

if (target.dataset.firstView === undefined) {
  mount(App, { target, props: { app } });
} else {
  // The built page already shows the first view (frontend/build/first-view.ts). It stays until the app
  // has the overview and can draw the same thing; then the app takes its place in one task, so no frame
  // shows anything in between, and the map's picture moves into the new map frame until MapLibre has drawn.
  void loaded.then(() => {
    const picture = target.querySelector('.map-first-view');
    target.replaceChildren();
    delete target.dataset.firstView;
    mount(App, { target, props: { app } });
    flushSync();
    if (picture) target.querySelector('.map-frame')?.prepend(picture);
  });
}
