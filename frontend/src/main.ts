import { flushSync, hydrate, mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { createApiClient } from './lib/api/client.ts';
import { AppState } from './lib/state/app.svelte.ts';
import { afterFirstPaint } from './lib/map/first-paint.ts';
import type { Overview } from '../../data/schema/api.ts';

const app = new AppState(createApiClient(), location.search);
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The built page carries the overview its first view was drawn from (frontend/build/first-view.ts): the app
// starts from it at once, and asks the API whether the data changed since.
const embedded = document.getElementById('first-view-overview')?.textContent;
if (embedded) app.overview = JSON.parse(embedded) as Overview;

const picture = target.querySelector('.map-first-view');
if (target.dataset.firstView !== undefined && picture && location.search === '') {
  // The plain URL is what the build rendered: the app adopts that DOM as it is (hydration), so nothing is
  // drawn again, the map's picture included, and only the links that stand in for buttons then change. It
  // does so once the first view is on screen: hydrating the whole page before the first paint held it back
  // (on a slow phone by a few hundred milliseconds), and until then the links work as links.
  void afterFirstPaint().then(() => {
    app.staticLinks = true;
    app.firstViewMap = picture.outerHTML;
    hydrate(App, { target, props: { app } });
    app.staticLinks = false;
    flushSync();
    delete target.dataset.firstView;
    void app.load();
  });
} else {
  // Any other view: the app replaces the first view in one task, so no frame shows anything in between, and
  // the map's picture moves into the new map frame until MapLibre has drawn the view under it.
  target.replaceChildren();
  mount(App, { target, props: { app } });
  flushSync();
  if (picture) target.querySelector('.map-frame')?.prepend(picture);
  delete target.dataset.firstView;
  void app.load();
}
