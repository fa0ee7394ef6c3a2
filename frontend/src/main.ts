import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';
import { createApiClient } from './lib/api/client.ts';
import { AppState } from './lib/state/app.svelte.ts';

const app = new AppState(createApiClient(), location.search);
// Started before the map is built: the overview and the boundaries download in parallel.
void app.load();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { app } });
