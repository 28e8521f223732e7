// Discovery: import a DJ tracklist (pasted text or a dropped .txt/.cue/.json file), see its parsed entries and the
// lines that could not be parsed, correct an entry, export it as a CUE sheet (discovery-service's /api/v1/tracklists).
//
// `discoveryPanels` below takes further panels (identification.js registers one), each
// { id, render(tracklist, container) }; the tracklist view calls every registered panel when a tracklist is shown.
import { api, ApiError, download } from './api.js';
import { identificationPanel } from './identification.js';
import { $, el, toast, showError, guarded, markFieldErrors, clearFieldErrors, when } from './ui.js';

export const discoveryPanels = [];

const ENTRY_FIELDS = { artist: 'entry-artist', title: 'entry-title', remix: 'entry-remix', label: 'entry-label', cueTime: 'entry-cue' };
const IMPORT_FIELDS = { title: 'import-title', djName: 'import-dj', content: 'import-text', file: 'import-file', format: 'import-format' };
let dropped = null;
const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
let current = null;

/** TEXT, CUE or JSON by the content's look, when the person left the format on "detect". */
export function detectFormat(text, fileName = '') {
  const name = fileName.toLowerCase();
  if (name.endsWith('.cue')) return 'CUE';
  if (name.endsWith('.json')) return 'JSON';
  if (name.endsWith('.txt')) return 'TEXT';
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return 'JSON';
  if (/^\s*TRACK\s+\d+\s+AUDIO/m.test(text) && /^\s*INDEX\s+\d+/m.test(text)) return 'CUE';
  return 'TEXT';
}

export const loadDiscovery = guarded(async () => {
  const { data } = await api('/api/v1/tracklists?limit=50');
  const items = data.items || [];
  $('tracklists').replaceChildren(...items.map(t => {
    const open = el('button', { type: 'button', className: 'open', textContent: t.title });
    open.addEventListener('click', guarded(() => showTracklist(t.id)));
    return el('li', { dataset: { tracklistId: t.id } }, open,
      t.djName && el('span', { className: 'badge', textContent: t.djName }),
      el('span', { className: 'badge', textContent: count(t.entryCount ?? 0, 'entry', 'entries') }));
  }));
  $('tracklists-empty').hidden = items.length > 0;
});

function setDropped(file) {
  dropped = file;
  $('import-file-name').textContent = file ? `Chosen: ${file.name} (${file.size} bytes)` : '';
  if (file && !$('import-title').value.trim()) $('import-title').value = file.name.replace(/\.[^.]+$/, '');
}

async function onImport(e) {
  e.preventDefault();
  const form = $('import-form');
  clearFieldErrors(form);
  const title = $('import-title').value.trim();
  const djName = $('import-dj').value.trim();
  const text = $('import-text').value;
  if (!dropped && !text.trim()) {
    const missing = new ApiError(400, { detail: 'Nothing to import.', errors: [{ field: 'content', message: 'paste a tracklist or drop a file' }] });
    markFieldErrors(form, missing, IMPORT_FIELDS);
    showError(missing);
    return;
  }
  $('import-status').textContent = 'Importing…';
  $('import-progress').hidden = false;
  try {
    let data;
    if (dropped) {
      const body = new FormData();
      body.append('file', dropped, dropped.name);
      if (title) body.append('title', title);
      if (djName) body.append('djName', djName);
      ({ data } = await api('/api/v1/tracklists', { method: 'POST', form: body }));
    } else {
      const chosen = $('import-format').value;
      const request = { title, format: chosen === 'auto' ? detectFormat(text) : chosen, content: text };
      if (djName) request.djName = djName;
      ({ data } = await api('/api/v1/tracklists', { method: 'POST', body: request }));
    }
    $('import-status').textContent = `Imported “${data.title}”: ${count(data.entries.length, 'entry', 'entries')}, `
      + `${count(data.unparsed.length, 'line')} not understood.`;
    form.reset();
    setDropped(null);
    await loadDiscovery();
    render(data);
  } catch (error) {
    $('import-status').textContent = '';
    markFieldErrors(form, error, IMPORT_FIELDS);
    showError(error);
  } finally {
    $('import-progress').hidden = true;
  }
}

async function showTracklist(id) {
  const { data } = await api(`/api/v1/tracklists/${encodeURIComponent(id)}`);
  render(data);
}

function render(tracklist) {
  current = tracklist;
  $('tracklist').hidden = false;
  $('entry-form').hidden = true;
  // A CUE download belongs to the tracklist it was exported from.
  $('cue-download').hidden = true;
  $('tracklist-title').textContent = tracklist.title;
  $('tracklist-meta').textContent = [tracklist.djName && `by ${tracklist.djName}`, tracklist.format,
    tracklist.playedAt && `played ${when(tracklist.playedAt)}`, `imported ${when(tracklist.createdAt)}`].filter(Boolean).join(' · ');
  $('entries').replaceChildren(...tracklist.entries.map(entry => {
    const edit = el('button', { type: 'button', textContent: 'Edit', attrs: { 'aria-label': `Edit entry ${entry.position}` } });
    edit.addEventListener('click', () => editEntry(entry));
    const cell = text => el('td', { textContent: text ?? '' });
    return el('tr', { dataset: { position: entry.position } }, cell(entry.position), cell(entry.cueTime),
      cell(entry.unknown ? 'ID' : entry.artist), cell(entry.unknown ? 'ID' : entry.title), cell(entry.remix),
      cell([entry.label, entry.catalogNumber].filter(Boolean).join(' ')), el('td', {}, edit));
  }));
  $('entries-empty').hidden = tracklist.entries.length > 0;
  $('unparsed').replaceChildren(...tracklist.unparsed.map(u => el('li', {},
    el('span', { className: 'badge', textContent: `line ${u.lineNumber}` }), el('code', { textContent: u.line }),
    u.reason && el('span', { textContent: ` — ${u.reason}` }))));
  $('unparsed-section').hidden = tracklist.unparsed.length === 0;
  const panels = $('discovery-panels');
  panels.replaceChildren();
  discoveryPanels.forEach(panel => guarded(panel.render)(tracklist, panels));
  $('tracklist-title').focus();
}

function editEntry(entry) {
  const form = $('entry-form');
  clearFieldErrors(form);
  form.hidden = false;
  form.dataset.position = entry.position;
  $('entry-legend').textContent = `Entry ${entry.position}`;
  $('entry-artist').value = entry.artist || '';
  $('entry-title').value = entry.title || '';
  $('entry-remix').value = entry.remix || '';
  $('entry-label').value = entry.label || '';
  $('entry-cue').value = entry.cueTime || '';
  $('entry-artist').focus();
}

async function onSaveEntry(e) {
  e.preventDefault();
  const form = $('entry-form');
  clearFieldErrors(form);
  const position = Number(form.dataset.position);
  const value = id => $(id).value.trim() || null;
  const correction = { artist: value('entry-artist'), title: value('entry-title'), remix: value('entry-remix'),
    label: value('entry-label'), cueTime: value('entry-cue') };
  try {
    const { data } = await api(`/api/v1/tracklists/${encodeURIComponent(current.id)}/entries/${position}`,
      { method: 'PATCH', body: correction, headers: { 'Content-Type': 'application/merge-patch+json' } });
    toast(`Saved entry ${position}.`);
    render(data);
    $('entries').querySelector(`tr[data-position="${position}"] button`)?.focus();
  } catch (error) {
    markFieldErrors(form, error, ENTRY_FIELDS);
    showError(error, form);
  }
}

function onExportCue() {
  return download(`/api/v1/tracklists/${encodeURIComponent(current.id)}/cue`, $('cue-download'),
    `${current.title.replace(/[^\w.-]+/g, '_')}.cue`);
}

export function initDiscovery() {
  discoveryPanels.push(identificationPanel);
  $('import-form').addEventListener('submit', onImport);
  $('import-file').addEventListener('change', () => setDropped($('import-file').files[0] || null));
  const zone = $('drop-zone');
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file && /\.(txt|cue|json)$/i.test(file.name)) setDropped(file);
    else showError(new ApiError(400, { detail: 'Drop a .txt, .cue or .json tracklist file.' }));
  });
  $('entry-form').addEventListener('submit', onSaveEntry);
  $('entry-cancel').addEventListener('click', () => { $('entry-form').hidden = true; });
  $('export-cue').addEventListener('click', guarded(onExportCue));
}
