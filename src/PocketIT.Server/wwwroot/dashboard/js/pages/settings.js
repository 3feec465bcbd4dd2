// Settings (admin): the AI provider, model, URL and key, the assistant's on/off switch and the public URL.
// The key is write-only: the server only says whether one is set and shows it masked.
import { h, replace, select, card, notice, field, busy } from '../dom.js';
import { api } from '../api.js';
import { number } from '../format.js';

const PROVIDERS = [
  ['builtin', 'Built-in assistant (offline)'],
  ['ollama', 'Ollama'],
  ['openai', 'OpenAI'],
  ['anthropic', 'Anthropic'],
  ['gemini', 'Google Gemini'],
  ['claude-cli', 'Claude CLI'],
];
const URL_HINTS = {
  builtin: 'Not used by the built-in assistant.',
  ollama: 'Empty means http://localhost:11434.',
  'claude-cli': 'The path of the claude executable; empty means "claude" on the PATH.',
};

export async function renderSettings() {
  let settings = await api.get('/api/settings');
  const saveNote = notice();
  const testNote = notice();

  const provider = select(PROVIDERS, settings.llm.provider, { 'data-testid': 'settings-provider' });
  const model = h('input', { maxlength: 100, autocomplete: 'off', 'data-testid': 'settings-model' });
  const url = h('input', { maxlength: 500, autocomplete: 'off', inputmode: 'url', placeholder: 'https://…', 'data-testid': 'settings-url' });
  const urlHint = h('span', { class: 'field-hint' });
  // Never filled from the server (it never sends the key); typing here replaces the stored key on Save.
  const apiKey = h('input', { type: 'password', maxlength: 500, autocomplete: 'new-password', placeholder: 'Leave empty to keep the current key', 'data-testid': 'settings-api-key' });
  const keyState = h('span', { class: 'field-hint', 'data-testid': 'settings-key-state' });
  const clearKey = h('input', { type: 'checkbox', 'data-testid': 'settings-clear-key' });
  const aiEnabled = h('input', { type: 'checkbox', 'data-testid': 'settings-ai-enabled' });
  const publicUrl = h('input', { maxlength: 500, autocomplete: 'off', inputmode: 'url', placeholder: 'https://it.example.com', 'data-testid': 'settings-public-url' });
  const testResult = h('div', { class: 'test-result', 'data-testid': 'settings-test-result' });

  const show = (s) => {
    provider.value = s.llm.provider;
    model.value = s.llm.model || '';
    url.value = s.llm.url || '';
    apiKey.value = '';
    clearKey.checked = false;
    keyState.textContent = s.llm.apiKeySet ? `set (${s.llm.apiKeyMasked})` : 'not set';
    aiEnabled.checked = s.ai.enabled;
    publicUrl.value = s.server.publicUrl || '';
    showHint();
  };
  const showHint = () => { urlHint.textContent = URL_HINTS[provider.value] || 'Empty means the provider\'s own API address.'; };
  // Another provider's model and URL mean nothing to this one: start from its defaults.
  provider.addEventListener('change', () => { model.value = ''; url.value = ''; showHint(); });
  clearKey.addEventListener('change', () => { apiKey.disabled = clearKey.checked; if (clearKey.checked) apiKey.value = ''; });

  /** The LLM part as the form has it: an empty key field means "keep", unless clearing was asked for. */
  const llmFromForm = () => {
    const llm = { provider: provider.value, model: model.value.trim(), url: url.value.trim() };
    if (clearKey.checked) llm.apiKey = '';
    else if (apiKey.value) llm.apiKey = apiKey.value;
    return llm;
  };

  const save = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'settings-save' }, 'Save');
  const test = h('button', { class: 'btn', type: 'button', 'data-testid': 'settings-test', onclick: () => busy(test, async () => {
    testNote.hide();
    replace(testResult, h('p', { class: 'muted small', text: 'Asking the provider…' }));
    const r = await api.post('/api/settings/llm/test', llmFromForm());
    const took = `${number(r.ms / 1000, 1)} s`;
    replace(testResult, r.ok
      ? h('div', { class: 'notice notice-ok' }, h('strong', { text: `${r.provider} · ${r.model} answered in ${took}: ` }), h('span', { 'data-testid': 'settings-test-reply', text: r.reply }))
      : h('div', { class: 'notice notice-error' }, h('strong', { text: `Failed after ${took}: ` }), h('span', { 'data-testid': 'settings-test-error', text: r.error })));
  }, testNote).then(() => { if (!testNote.hidden) replace(testResult); }) }, 'Test');

  const form = h('form', { class: 'form-grid settings-form', 'data-testid': 'settings-form', onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      settings = await api.put('/api/settings', {
        llm: llmFromForm(),
        ai: { enabled: aiEnabled.checked },
        server: { publicUrl: publicUrl.value.trim() || null },
      });
      show(settings);
      saveNote.show('Settings saved. The next chat message uses them.', 'ok');
    }, saveNote);
  } },
  h('h3', { class: 'sub form-section', text: 'AI assistant' }),
  field('Provider', provider),
  field('Model', model, 'Empty means the provider\'s default model.'),
  h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'URL' }), url, urlHint),
  h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'API key' }), apiKey, keyState),
  h('label', { class: 'check' }, clearKey, h('span', { text: 'Remove the stored API key' })),
  h('label', { class: 'check' }, aiEnabled, h('span', { text: 'Assistant answers end users (off: every chat goes to a technician)' })),
  h('h3', { class: 'sub form-section', text: 'Server' }),
  h('label', { class: 'field wide' }, h('span', { class: 'field-label', text: 'Public URL' }), publicUrl,
    h('span', { class: 'field-hint', text: 'The address devices and installers use to reach this server. Empty: taken from each request.' })),
  h('div', { class: 'form-actions' }, save, test),
  saveNote, testNote, testResult);

  show(settings);
  return h('div', { class: 'page', 'data-page': 'settings' },
    h('header', { class: 'page-head' }, h('h1', { text: 'Settings' }), h('p', { class: 'muted', text: 'Server-wide configuration. Saved settings take effect at once.' })),
    card('Server settings', form));
}
