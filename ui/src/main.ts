import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { tauriBackend } from './lib/backend';
import { AppState } from './lib/state/app.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

const app = mount(App, { target, props: { app: new AppState(tauriBackend) } });

export default app;
