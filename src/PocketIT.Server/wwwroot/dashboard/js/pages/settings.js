// Settings (admin): the AI provider as the server reports it. Read-only: the API has no write endpoint yet.
import { h, card } from '../dom.js';
import { api } from '../api.js';

export async function renderSettings() {
  const [config, models] = await Promise.all([api.get('/api/llm/config'), api.get('/api/llm/models').catch(() => null)]);
  return h('div', { class: 'page', 'data-page': 'settings' },
    h('header', { class: 'page-head' }, h('h1', { text: 'Settings' }), h('p', { class: 'muted', text: 'Server-wide configuration.' })),
    card('AI assistant',
      h('dl', { class: 'kv', 'data-testid': 'llm-config' },
        h('dt', { text: 'Provider' }), h('dd', { text: config.provider || '—' }),
        h('dt', { text: 'Model' }), h('dd', { text: config.model || models?.model || '—' }),
        h('dt', { text: 'URL' }), h('dd', { class: 'mono', text: config.url || '—' }),
        h('dt', { text: 'API key' }), h('dd', { class: 'muted', text: 'Write-only; never shown.' })),
      h('div', { class: 'notice notice-info', text: 'Read-only for now: the server does not yet offer an endpoint to change these. Set PocketIT__Ai__Provider, __Model, __Url and __ApiKey in the server configuration.' })));
}
