// The library: search, filters, sort, infinite scroll, upload, details with inline edit, play, delete with undo.
import { api, ApiError, streamUrl, upload } from './api.js';
import { $, el, toast, showError, guarded, markFieldErrors, clearFieldErrors, formatBytes, when } from './ui.js';

const state = { cursor: null, hasMore: false, loading: false, generation: 0, atRisk: new Map(), current: null };
const EDIT_FIELDS = { title: 'edit-title', artist: 'edit-artist', genre: 'edit-genre' };
const UPLOAD_FIELDS = { title: 'upload-title', artist: 'upload-artist', genre: 'upload-genre', file: 'upload-file' };

function libraryQuery() {
  const [sortBy, sortOrder] = $('sort').value.split(':');
  const params = new URLSearchParams({ sortBy, sortOrder, limit: '20' });
  const add = (name, value) => { if (value.trim()) params.set(name, value.trim()); };
  add('search', $('search').value);
  add('status', $('filter-status').value);
  add('artist', $('filter-artist').value);
  add('genre', $('filter-genre').value);
  add('source', $('filter-source').value);
  return params;
}

async function loadQuota() {
  const { data } = await api('/api/v1/me/quota');
  $('quota').textContent = `Storage: ${formatBytes(data.usedBytes)} of ${formatBytes(data.limitBytes)} used, ${data.trackCount} ${data.trackCount === 1 ? 'track' : 'tracks'}.`;
}

async function loadWarnings() {
  const { data } = await api('/api/v1/me/archive-warnings');
  state.atRisk = new Map((data.items || []).map(w => [w.trackId, w]));
}

/** PROVIDER tracks: archived / archive pending / failed / expired, from the track's archive block. */
function archiveState(track) {
  const status = track.archive?.status || (track.archivedAt ? 'ARCHIVED' : 'PENDING');
  return { ARCHIVED: 'archived', PENDING: 'not archived yet', FAILED: 'archive failed', EXPIRED: 'link expired' }[status] || status;
}

const badge = (text, extra = '') => el('span', { className: `badge ${extra}`.trim(), textContent: text });

function trackItem(track) {
  const open = el('button', { type: 'button', className: 'open', textContent: `${track.title} — ${track.artist}` });
  open.addEventListener('click', guarded(() => openDetails(track.id)));
  const li = el('li', { dataset: { trackId: track.id } }, open, badge(track.status), badge(track.source),
    track.genre && badge(track.genre));
  if (track.source === 'PROVIDER') li.append(badge(archiveState(track), 'archive'));
  const risk = state.atRisk.get(track.id);
  if (risk) {
    const reason = `${risk.reason}${risk.expiresAt ? ', link expires ' + when(risk.expiresAt) : ''}`;
    const b = badge('at risk', 'risk');
    b.title = reason;
    li.append(b, el('span', { className: 'visually-hidden', textContent: `At risk: ${reason}` }));
  }
  return li;
}

async function loadPage(generation) {
  if (state.loading) return;
  state.loading = true;
  $('tracks').setAttribute('aria-busy', 'true');
  try {
    const params = libraryQuery();
    if (state.cursor) params.set('cursor', state.cursor);
    const { data } = await api(`/api/v1/tracks?${params}`);
    if (generation !== state.generation) return;
    data.items.forEach(t => $('tracks').append(trackItem(t)));
    state.cursor = data.nextCursor || null;
    state.hasMore = Boolean(data.hasMore && data.nextCursor);
    $('tracks-empty').hidden = $('tracks').children.length > 0;
    const shown = $('tracks').children.length;
    $('tracks-count').textContent = `${shown}${state.hasMore ? '+' : ''} ${shown === 1 && !state.hasMore ? 'track' : 'tracks'} shown`;
  } finally {
    state.loading = false;
    $('tracks').removeAttribute('aria-busy');
  }
  // A tall screen may show the sentinel at once: keep loading until it is off screen or the list ends.
  if (state.hasMore && isVisible($('tracks-more'))) await loadPage(generation);
}

const isVisible = node => { const r = node.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom >= 0; };

export const reloadLibrary = guarded(async () => {
  state.generation++;
  state.cursor = null;
  state.hasMore = false;
  state.loading = false;
  $('tracks').replaceChildren();
  await Promise.all([loadQuota(), loadWarnings().catch(() => {})]);
  await loadPage(state.generation);
});

export function initLibrary() {
  new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting) && state.hasMore && !state.loading) guarded(loadPage)(state.generation);
  }).observe($('tracks-more'));

  let debounce;
  const later = () => { clearTimeout(debounce); debounce = setTimeout(reloadLibrary, 300); };
  ['search', 'filter-artist', 'filter-genre'].forEach(id => $(id).addEventListener('input', later));
  ['filter-status', 'filter-source', 'sort'].forEach(id => $(id).addEventListener('change', reloadLibrary));
  $('filters').addEventListener('submit', e => { e.preventDefault(); reloadLibrary(); });

  $('upload-form').addEventListener('submit', onUpload);
  $('edit-form').addEventListener('submit', onSave);
  $('close-details').addEventListener('click', closeDetails);
  $('details').addEventListener('keydown', e => { if (e.key === 'Escape') closeDetails(); });
  $('play').addEventListener('click', guarded(onPlay));
  $('delete').addEventListener('click', guarded(onDelete));
}

// ---------- upload ----------
async function onUpload(e) {
  e.preventDefault();
  const form = $('upload-form');
  clearFieldErrors(form);
  const file = $('upload-file').files[0];
  const progress = $('upload-progress');
  progress.hidden = false;
  progress.value = 0;
  $('upload-status').textContent = `Uploading ${file.name}…`;
  const metadata = { title: $('upload-title').value, artist: $('upload-artist').value };
  if ($('upload-genre').value.trim()) metadata.genre = $('upload-genre').value.trim();
  try {
    const track = await upload(file, metadata, percent => {
      progress.value = percent;
      $('upload-status').textContent = `Uploading ${file.name}: ${percent}%`;
    });
    progress.value = 100;
    $('upload-status').textContent = `Uploaded “${track.title}”.`;
    form.reset();
    await reloadLibrary();
  } catch (error) {
    $('upload-status').textContent = '';
    progress.hidden = true;
    markFieldErrors(form, error, UPLOAD_FIELDS);
    const refusal = uploadRefusal(error);
    showError(refusal ? new ApiError(error.status, { detail: refusal }) : error, form);
  }
}

/** What a refused upload means for the person, from track-api's problem: file size, storage quota, track cap. */
function uploadRefusal({ status, problem, message }) {
  const type = problem?.type || '';
  if (status === 413 && problem?.maxFileSizeBytes) {
    return `The file is too large: a file may have at most ${formatBytes(problem.maxFileSizeBytes)}.`;
  }
  if (type.endsWith('quota-exceeded')) {
    return `Not enough storage for this file: it needs at least ${formatBytes(problem.requestedBytes)}, and `
      + `${formatBytes(Math.max(problem.limitBytes - problem.usedBytes, 0))} of your ${formatBytes(problem.limitBytes)} are free. `
      + 'Delete tracks to make room (a track in the trash counts until it is deleted for good).';
  }
  if (type.endsWith('track-limit-reached')) return `Your library is full. ${message}`;
  if (status === 403 || status === 413) return `Upload refused: ${message}`;
  return null;
}

// ---------- details, edit, play, delete ----------
async function openDetails(id) {
  const { data, etag } = await api(`/api/v1/tracks/${encodeURIComponent(id)}`);
  state.current = { track: data, etag };
  clearFieldErrors($('edit-form'));
  $('details').hidden = false;
  $('details-title').textContent = data.title;
  $('edit-title').value = data.title || '';
  $('edit-artist').value = data.artist || '';
  $('edit-genre').value = data.genre || '';
  const archive = data.archive;
  $('details-archive').textContent = data.source === 'PROVIDER'
    ? `Provider ${data.provider?.name || ''}: ${archiveState(data)}`
      + (archive?.archivedAt ? `, ${when(archive.archivedAt)}` : '')
      + (archive?.expiresAt && !archive?.archivedAt ? `; the provider's link expires ${when(archive.expiresAt)}` : '')
      + (archive?.lastError ? `; last error: ${archive.lastError}` : '') + '.'
    : '';
  $('player').removeAttribute('src');
  $('edit-title').focus();
}

function closeDetails() {
  const id = state.current?.track.id;
  $('details').hidden = true;
  state.current = null;
  document.querySelector(`#tracks li[data-track-id="${CSS.escape(id || '')}"] button.open`)?.focus();
}

async function onSave(e) {
  e.preventDefault();
  const { track, etag } = state.current;
  const form = $('edit-form');
  clearFieldErrors(form);
  const patch = { title: $('edit-title').value, artist: $('edit-artist').value, genre: $('edit-genre').value || null };
  try {
    await api(`/api/v1/tracks/${encodeURIComponent(track.id)}`, {
      method: 'PATCH', body: patch,
      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': etag || `"${track.version}"` },
    });
    toast(`Saved “${patch.title}”.`);
    await openDetails(track.id);
    await reloadLibrary();
  } catch (error) {
    if (error.status === 412) {
      toast('This track was changed elsewhere; reloaded the latest version. Your edit was not saved.');
      await guarded(openDetails)(track.id);
      await reloadLibrary();
    } else {
      markFieldErrors(form, error, EDIT_FIELDS);
      showError(error, form);
    }
  }
}

async function onPlay() {
  const player = $('player');
  player.src = await streamUrl(state.current.track.id);
  await player.play();
}

export async function restore(id, title) {
  await api(`/api/v1/tracks/${encodeURIComponent(id)}/restore`, { method: 'POST' });
  toast(`Restored “${title}”.`);
}

async function onDelete() {
  const { track } = state.current;
  await api(`/api/v1/tracks/${encodeURIComponent(track.id)}`, { method: 'DELETE' });
  $('details').hidden = true;
  state.current = null;
  toast(`Deletion scheduled: “${track.title}” moved to Trash.`, {
    label: 'Undo', run: guarded(async () => { await restore(track.id, track.title); await reloadLibrary(); }),
  });
  await reloadLibrary();
  $('search').focus();
}
