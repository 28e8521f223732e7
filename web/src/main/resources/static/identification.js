// Identification: discovery-service identifies a tracklist's entries against MusicBrainz and Discogs in a
// background job (POST /api/v1/tracklists/{id}/discover-tracks → 202 with the job); this panel starts one and
// shows its progress live by polling GET /api/v1/discovery/jobs/{id} until the job is COMPLETED.
import { api } from './api.js';
import { el, guarded, showError, toast } from './ui.js';

const POLL_MS = 1000;
// The last job started per tracklist in this tab, so reopening a tracklist shows its job again.
const jobsByTracklist = new Map();
// Only the tracklist on screen is polled: showing another one ends the older poll.
let shown = null;

export const identificationPanel = { id: 'identification', render };

function render(tracklist, container) {
  shown = tracklist.id;
  const start = el('button', { type: 'button', id: 'identify-start', textContent: 'Identify tracks' });
  const progress = el('progress', { id: 'identification-progress', max: 1, value: 0, hidden: true,
    attrs: { 'aria-label': 'Identification progress' } });
  const status = el('p', { id: 'identification-status', attrs: { role: 'status', 'aria-live': 'polite' } },
    'Look every entry up in MusicBrainz and Discogs; the matches join your catalog.');
  const results = el('tbody', { id: 'identification-results' });
  const table = el('table', { hidden: true },
    el('thead', {}, el('tr', {}, ...['#', 'Entry', 'Result', 'Confidence', 'Found in'].map(h => el('th', { textContent: h })))),
    results);
  const want = el('button', { type: 'button', id: 'identify-want', hidden: true, textContent: 'Add the identified tracks to the want-list' });
  const view = { progress, status, results, table, want };
  container.append(el('section', { id: 'identification', attrs: { 'aria-labelledby': 'identification-title' } },
    el('h4', { id: 'identification-title', textContent: 'Identification' }), status, progress, start, want, table));

  want.addEventListener('click', guarded(async () => {
    const { data } = await api('/api/v1/want-list/bulk', { method: 'POST',
      body: { action: 'add-tracklist', tracklistId: tracklist.id, priority: 3 } });
    toast(`Want-list: ${data.added} added, ${data.updated} already there.`);
  }));

  start.addEventListener('click', guarded(async () => {
    start.disabled = true;
    try {
      const { data } = await api(`/api/v1/tracklists/${encodeURIComponent(tracklist.id)}/discover-tracks`,
        { method: 'POST', body: { processAll: true } });
      jobsByTracklist.set(tracklist.id, data.jobId);
      watch(tracklist.id, data, view, start);
    } catch (error) {
      start.disabled = false;
      throw error;
    }
  }));
  const previous = jobsByTracklist.get(tracklist.id);
  if (previous) {
    start.disabled = true;
    api(`/api/v1/discovery/jobs/${encodeURIComponent(previous)}`)
      .then(({ data }) => watch(tracklist.id, data, view, start))
      .catch(error => { start.disabled = false; showError(error); });
  }
}

function watch(tracklistId, job, view, start) {
  show(job, view);
  if (job.status === 'COMPLETED') {
    start.disabled = false;
    start.textContent = 'Identify again';
    view.want.hidden = job.identified === 0;
    return;
  }
  setTimeout(async () => {
    if (shown !== tracklistId || !view.status.isConnected) return;
    try {
      const { data } = await api(`/api/v1/discovery/jobs/${encodeURIComponent(job.jobId)}`);
      watch(tracklistId, data, view, start);
    } catch (error) {
      start.disabled = false;
      showError(error);
    }
  }, POLL_MS);
}

function show(job, { progress, status, results, table }) {
  progress.hidden = false;
  progress.max = Math.max(job.total, 1);
  progress.value = job.done;
  const tally = `${job.identified} identified, ${job.provisional} provisional, ${job.failed} not found`;
  status.textContent = job.status === 'COMPLETED'
    ? `Identification finished: ${job.done} of ${job.total} entries looked up — ${tally}.`
    : `Identifying… ${job.done} of ${job.total} entries looked up — ${tally}.`;
  table.hidden = job.results.length === 0;
  results.replaceChildren(...job.results.map(result => {
    const cell = text => el('td', { textContent: text ?? '' });
    const entry = [result.artist, result.title].filter(Boolean).join(' – ') + (result.remix ? ` (${result.remix})` : '');
    return el('tr', { dataset: { position: result.position, state: result.state } }, cell(result.position), cell(entry),
      el('td', {}, el('span', { className: `badge state-${result.state.toLowerCase()}`, textContent: stateName(result) })),
      cell(result.confidence?.toLowerCase()), cell((result.sources || []).join(', ')));
  }));
}

function stateName(result) {
  switch (result.state) {
    case 'IDENTIFIED': return 'identified';
    case 'PROVISIONAL': return 'provisional match';
    case 'FAILED': return result.reason ? `not found: ${result.reason}` : 'not found';
    default: return 'waiting';
  }
}
