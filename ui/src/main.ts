import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { tauriBackend } from './lib/backend';
import { AppState } from './lib/state/app.svelte';
import { theme } from './lib/theme.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

// Before the first paint, so a dark desktop never flashes white.
theme.applyToDocument();

const app = mount(App, { target, props: { app: new AppState(tauriBackend) } });

export default app;
