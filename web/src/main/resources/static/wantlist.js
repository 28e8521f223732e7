// The want-list: tracks the DJ wants to buy, by priority, with their status; discovery-service marks one purchased
// by itself when the same track lands in the library (/api/v1/want-list).
import { api, download } from './api.js';
import { $, el, toast, guarded, when } from './ui.js';

const PAGE = 50;
const STATUSES = ['wanted', 'purchased', 'unavailable'];
let cursor = null;

function query() {
  const params = new URLSearchParams({ limit: PAGE });
  if ($('want-status').value) params.set('status', $('want-status').value);
  if ($('want-filter-priority').value) params.set('priority', $('want-filter-priority').value);
  return params;
}

export const loadWantList = guarded(async () => {
  cursor = null;
  $('want-entries').replaceChildren();
  await more();
});

const more = guarded(async () => {
  const params = query();
  if (cursor) params.set('cursor', cursor);
  const { data } = await api(`/api/v1/want-list?${params}`);
  $('want-entries').append(...data.items.map(row));
  cursor = data.hasMore ? data.nextCursor : null;
  $('want-more').hidden = !cursor;
  $('want-empty').hidden = $('want-entries').children.length > 0;
});

function row(entry) {
  const name = `${entry.artist} – ${entry.title}${entry.version ? ` (${entry.version})` : ''}`;
  const select = (label, options, value, toBody) => {
    const node = el('select', { attrs: { 'aria-label': `${label} of ${name}` } },
      ...options.map(o => el('option', { value: o, textContent: o, selected: String(o) === String(value) })));
    node.addEventListener('change', guarded(async () => {
      const { data } = await api(`/api/v1/want-list/${encodeURIComponent(entry.id)}`, { method: 'PATCH',
        body: toBody(node.value), headers: { 'Content-Type': 'application/merge-patch+json' } });
      tr.replaceWith(row(data));
      toast(`Saved “${name}”.`);
    }));
    return node;
  };
  const remove = el('button', { type: 'button', textContent: 'Remove', attrs: { 'aria-label': `Remove ${name}` } });
  remove.addEventListener('click', guarded(async () => {
    await api(`/api/v1/want-list/${encodeURIComponent(entry.id)}`, { method: 'DELETE' });
    tr.remove();
    $('want-empty').hidden = $('want-entries').children.length > 0;
    toast(`Removed “${name}” from the want-list.`);
  }));
  const purchased = entry.status === 'purchased'
    ? [entry.purchaseDate || (entry.purchasedAt && when(entry.purchasedAt)), entry.libraryTrackId && 'in your library']
      .filter(Boolean).join(' · ')
    : '';
  const tr = el('tr', { dataset: { entryId: entry.id, status: entry.status } },
    el('td', { textContent: name }), el('td', { textContent: entry.label || '' }),
    el('td', {}, select('Priority', [1, 2, 3, 4, 5], entry.priority, v => ({ priority: Number(v) }))),
    el('td', {}, select('Status', STATUSES, entry.status, v => ({ status: v }))),
    el('td', { textContent: purchased }), el('td', {}, remove));
  return tr;
}

export function initWantList() {
  $('want-filters').addEventListener('change', loadWantList);
  $('want-filters').addEventListener('submit', e => { e.preventDefault(); loadWantList(); });
  $('want-more').addEventListener('click', more);
  document.querySelectorAll('#want-exports button').forEach(button => button.addEventListener('click', guarded(() =>
    download(`/api/v1/want-list/export?format=${button.dataset.format}`, $('want-download'), `want-list.${button.dataset.format}`))));
}
