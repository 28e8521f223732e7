// Trash: deleted tracks with a live countdown to their permanent deletion, and Restore.
import { api } from './api.js';
import { $, el, guarded } from './ui.js';
import { restore } from './library.js';

export function countdown(until) {
  const ms = new Date(until) - Date.now();
  if (ms <= 0) return 'permanent deletion due now';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return `deleted for good in ${d ? d + 'd ' : ''}${h}h ${m}m ${s % 60}s`;
}

let timer;
export const loadTrash = guarded(async () => {
  const { data } = await api('/api/v1/tracks?status=DELETED&limit=100');
  const list = $('trash');
  list.replaceChildren();
  data.items.forEach(track => {
    const until = track.restoreUntil;
    const clock = el('span', { className: 'countdown', dataset: { until: until || '' }, textContent: until ? countdown(until) : '' });
    const button = el('button', { type: 'button', textContent: 'Restore', attrs: { 'aria-label': `Restore ${track.title}` } });
    button.addEventListener('click', guarded(async () => { await restore(track.id, track.title); await loadTrash(); }));
    list.append(el('li', { dataset: { trackId: track.id } },
      el('span', { className: 'grow', textContent: `${track.title} — ${track.artist}` }), clock, button));
  });
  $('trash-empty').hidden = data.items.length > 0;
  clearInterval(timer);
  timer = setInterval(() => document.querySelectorAll('#trash .countdown').forEach(c => {
    if (c.dataset.until) c.textContent = countdown(c.dataset.until);
  }), 1000);
});
