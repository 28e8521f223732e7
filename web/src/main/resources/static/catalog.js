// The catalog: every track identified in the DJ's tracklists, once, with the mixes it was found in, where to buy
// it, and a way onto the want-list (discovery-service's /api/v1/catalog).
import { api, download } from './api.js';
import { $, el, toast, guarded, when } from './ui.js';

const PAGE = 20;
const STORES = { beatport: 'Beatport', bandcamp: 'Bandcamp', 'apple-music': 'Apple Music', discogs: 'Discogs marketplace' };
let cursor = null;
let shown = null;
let typing = null;

const trackName = t => `${t.artist} – ${t.title}${t.version ? ` (${t.version})` : ''}`;

function query() {
  const params = new URLSearchParams({ limit: PAGE, sort: $('catalog-sort').value });
  [['artist', 'catalog-artist'], ['title', 'catalog-title'], ['genre', 'catalog-genre']].forEach(([name, id]) => {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  });
  return params;
}

export const loadCatalog = guarded(async () => {
  cursor = null;
  $('catalog-tracks').replaceChildren();
  await more();
});

const more = guarded(async () => {
  const params = query();
  if (cursor) params.set('cursor', cursor);
  const { data } = await api(`/api/v1/catalog/tracks?${params}`);
  $('catalog-tracks').append(...data.items.map(track => {
    const open = el('button', { type: 'button', className: 'open', textContent: trackName(track) });
    open.addEventListener('click', guarded(() => showTrack(track.id)));
    return el('li', { dataset: { trackId: track.id } }, open,
      el('span', { className: 'badge', textContent: `${track.discoveryCount} ${track.discoveryCount === 1 ? 'mix' : 'mixes'}` }),
      track.confidence && el('span', { className: 'badge', textContent: track.confidence.toLowerCase() }),
      track.genre && el('span', { className: 'badge', textContent: track.genre }));
  }));
  cursor = data.hasMore ? data.nextCursor : null;
  $('catalog-more').hidden = !cursor;
  $('catalog-empty').hidden = $('catalog-tracks').children.length > 0;
});

async function showTrack(id) {
  const [{ data: track }, { data: links }] = await Promise.all([
    api(`/api/v1/catalog/tracks/${encodeURIComponent(id)}`),
    api(`/api/v1/catalog/tracks/${encodeURIComponent(id)}/purchase-links`),
  ]);
  shown = track;
  $('catalog-details').hidden = false;
  $('catalog-details-title').textContent = trackName(track);
  $('catalog-details-meta').textContent = [track.label, track.genre, track.isrc && `ISRC ${track.isrc}`,
    `found in ${track.discoveryCount} ${track.discoveryCount === 1 ? 'mix' : 'mixes'}`,
    `first ${when(track.firstDiscovered)}`, `last ${when(track.lastSeen)}`,
    track.confidence && `${track.confidence.toLowerCase()} match (${track.method})`,
    track.metadataSources?.length && `from ${track.metadataSources.join(', ')}`].filter(Boolean).join(' · ');
  $('catalog-mixes').replaceChildren(...track.sourceMixes.map(mix => el('li', {},
    `${mix.tracklistTitle}${mix.djName ? ` by ${mix.djName}` : ''}`,
    mix.position != null && el('span', { className: 'badge', textContent: `#${mix.position}` }),
    mix.cueTimeMs != null && el('span', { className: 'badge', textContent: cue(mix.cueTimeMs) }))));
  // Only https links become links: a store URL is built from metadata, which came from outside.
  $('catalog-links').replaceChildren(...links.links.filter(link => link.url.startsWith('https://')).map(link => el('li', {},
    el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', textContent: STORES[link.store] || link.store }),
    el('span', { className: 'muted', textContent: ` ${link.kind === 'direct' ? 'this release' : 'search'}${link.price ? ` · ${link.price}` : ''}` }))));
  $('catalog-details-title').focus();
}

function cue(ms) {
  const s = Math.floor(ms / 1000);
  const pad = n => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

async function onWant(e) {
  e.preventDefault();
  const { status, data } = await api('/api/v1/want-list', { method: 'POST',
    body: { trackId: shown.id, priority: Number($('want-priority').value) } });
  toast(status === 201 ? `Added “${trackName(shown)}” to the want-list.`
    : `“${trackName(shown)}” is already on the want-list (priority ${data.priority}).`);
}

export function initCatalog() {
  const reload = () => { clearTimeout(typing); typing = setTimeout(loadCatalog, 250); };
  ['catalog-artist', 'catalog-title', 'catalog-genre'].forEach(id => $(id).addEventListener('input', reload));
  $('catalog-sort').addEventListener('change', loadCatalog);
  $('catalog-filters').addEventListener('submit', e => { e.preventDefault(); loadCatalog(); });
  $('catalog-more').addEventListener('click', more);
  $('want-form').addEventListener('submit', guarded(onWant));
  document.querySelectorAll('#catalog-exports button').forEach(button => button.addEventListener('click', guarded(() => {
    const params = new URLSearchParams({ format: button.dataset.format });
    if ($('catalog-genre').value.trim()) params.set('genre', $('catalog-genre').value.trim());
    return download(`/api/v1/catalog/export?${params}`, $('catalog-download'), `catalog.${button.dataset.format}`);
  })));
}
