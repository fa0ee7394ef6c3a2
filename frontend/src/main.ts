import { flushSync, mount } from 'svelte';
import { prewarm } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';
import { createApiClient } from './lib/api/client.ts';
import { AppState } from './lib/state/app.svelte.ts';
import type { Overview } from '../../data/schema/api.ts';

// MapLibre's worker starts now, while the page's own code runs and the data arrives.
prewarm();

const app = new AppState(createApiClient(), location.search);
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The built page carries the overview its first view was drawn from (frontend/build/first-view.ts): the app
// starts from it at once, and the API's copy (preloaded, in parallel with the scripts) replaces it when in.
const embedded = document.getElementById('first-view-overview')?.textContent;
if (embedded) app.overview = JSON.parse(embedded) as Overview;
void app.load();

if (target.dataset.firstView === undefined) {
  mount(App, { target, props: { app } });
} else {
  // The app takes the first view's place in one task, so no frame shows anything in between, and the map's
  // picture moves into the new map frame until MapLibre has drawn the same thing under it.
  const picture = target.querySelector('.map-first-view');
  target.replaceChildren();
  delete target.dataset.firstView;
  mount(App, { target, props: { app } });
  flushSync();
  if (picture) target.querySelector('.map-frame')?.prepend(picture);
}
