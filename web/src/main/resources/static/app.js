import { api, ApiError, session, signInLocally, streamUrl, upload } from './api.js';

const $ = id => document.getElementById(id);
const views = ['sign-in', 'library', 'trash', 'admin'];
const state = { cursor: null, hasMore: false, loading: false, generation: 0, atRisk: new Map(), current: null };

// ---------- feedback ----------
function toast(text, action) {
  const el = document.createElement('div');
  el.className = 'toast';
  el.append(Object.assign(document.createElement('span'), { textContent: text }));
  if (action) {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: action.label });
    button.addEventListener('click', () => { el.remove(); action.run(); });
    el.append(button);
  }
  $('toasts').append(el);
  setTimeout(() => el.remove(), action ? 10000 : 5000);
}

function showError(error) {
  const el = document.createElement('div');
  el.className = 'toast error';
  el.textContent = error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`;
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Dismiss' });
  close.addEventListener('click', () => el.remove());
  el.append(close);
  $('errors').append(el);
  setTimeout(() => el.remove(), 10000);
}

const guarded = fn => async (...args) => { try { await fn(...args); } catch (e) { showError(e); } };

// ---------- routing ----------
function route() {
  let view = (location.hash.replace('#/', '') || 'library');
  if (!session.signedIn) view = 'sign-in';
  if (!views.includes(view)) view = 'library';
  views.forEach(v => { $(`view-${v}`).hidden = v !== view; });
  $('nav').hidden = !session.signedIn;
  $('nav-admin').hidden = !session.roles.includes('admin');
  ({ library: reloadLibrary, trash: loadTrash, admin: loadAdmin, 'sign-in': () => $('sign-in-user').focus() })[view]();
}

// ---------- sign-in ----------
$('sign-in-form').addEventListener('submit', guarded(async e => {
  e.preventDefault();
  await signInLocally($('sign-in-user').value.trim(), $('sign-in-admin').checked);
  $('who').textContent = `Signed in as ${$('sign-in-user').value.trim()}`;
  location.hash = '#/library';
  route();
}));
$('sign-out').addEventListener('click', () => {
  session.signOut();
  $('toasts').replaceChildren();
  $('errors').replaceChildren();
  $('who').textContent = '';
  location.hash = '#/sign-in';
  route();
});

// ---------- library ----------
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

function formatBytes(n) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

async function loadQuota() {
  const { data } = await api('/api/v1/me/quota');
  $('quota').textContent = `Storage: ${formatBytes(data.usedBytes)} of ${formatBytes(data.limitBytes)} used, ${data.trackCount} tracks.`;
}

async function loadWarnings() {
  const { data } = await api('/api/v1/me/archive-warnings');
  state.atRisk = new Map((data.items || []).map(w => [w.trackId, w]));
}

function trackItem(track) {
  const li = document.createElement('li');
  li.dataset.trackId = track.id;
  const open = Object.assign(document.createElement('button'), {
    type: 'button', className: 'open', textContent: `${track.title} — ${track.artist}`,
  });
  open.addEventListener('click', guarded(() => openDetails(track.id)));
  li.append(open);
  const badge = text => Object.assign(document.createElement('span'), { className: 'badge', textContent: text });
  li.append(badge(track.status), badge(track.source));
  if (track.genre) li.append(badge(track.genre));
  if (track.source === 'PROVIDER') li.append(badge(track.archivedAt ? 'archived' : 'not archived'));
  const risk = state.atRisk.get(track.id);
  if (risk) {
    const el = badge('at risk');
    el.classList.add('risk');
    el.title = `${risk.reason}${risk.expiresAt ? ', link expires ' + new Date(risk.expiresAt).toLocaleString() : ''}`;
    li.append(el);
  }
  return li;
}

async function loadPage(generation) {
  if (state.loading) return;
  state.loading = true;
  try {
    const params = libraryQuery();
    if (state.cursor) params.set('cursor', state.cursor);
    const { data } = await api(`/api/v1/tracks?${params}`);
    if (generation !== state.generation) return;
    data.items.forEach(t => $('tracks').append(trackItem(t)));
    state.cursor = data.nextCursor || null;
    state.hasMore = Boolean(data.hasMore && data.nextCursor);
    $('tracks-empty').hidden = $('tracks').children.length > 0;
  } finally {
    state.loading = false;
  }
}

const reloadLibrary = guarded(async () => {
  state.generation++;
  state.cursor = null;
  state.hasMore = false;
  state.loading = false;
  $('tracks').replaceChildren();
  await Promise.all([loadQuota(), loadWarnings().catch(() => {})]);
  await loadPage(state.generation);
});

new IntersectionObserver(entries => {
  if (entries.some(e => e.isIntersecting) && state.hasMore && !state.loading) guarded(loadPage)(state.generation);
}).observe($('tracks-more'));

let debounce;
$('search').addEventListener('input', () => { clearTimeout(debounce); debounce = setTimeout(reloadLibrary, 300); });
['filter-status', 'filter-source', 'sort'].forEach(id => $(id).addEventListener('change', reloadLibrary));
['filter-artist', 'filter-genre'].forEach(id => $(id).addEventListener('input', () => {
  clearTimeout(debounce); debounce = setTimeout(reloadLibrary, 300);
}));
$('filters').addEventListener('submit', e => { e.preventDefault(); reloadLibrary(); });

// ---------- upload ----------
$('upload-form').addEventListener('submit', async e => {
  e.preventDefault();
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
    $('upload-form').reset();
    await reloadLibrary();
  } catch (error) {
    $('upload-status').textContent = '';
    progress.hidden = true;
    if (error.status === 413) {
      showError(new ApiError(413, { detail: `The file is too large or would exceed your storage quota. ${error.message}` }));
    } else if (error.status === 403) {
      showError(new ApiError(403, { detail: `Upload refused: ${error.message}` }));
    } else {
      showError(error);
    }
  }
});

// ---------- details, edit, play, delete ----------
async function openDetails(id) {
  const { data, etag } = await api(`/api/v1/tracks/${encodeURIComponent(id)}`);
  state.current = { track: data, etag };
  $('details').hidden = false;
  $('details-title').textContent = data.title;
  $('edit-title').value = data.title || '';
  $('edit-artist').value = data.artist || '';
  $('edit-genre').value = data.genre || '';
  $('details-archive').textContent = data.source === 'PROVIDER'
    ? (data.archivedAt ? `Archived ${new Date(data.archivedAt).toLocaleString()}.` : 'Not archived yet.') : '';
  $('player').removeAttribute('src');
  $('edit-title').focus();
}

$('edit-form').addEventListener('submit', async e => {
  e.preventDefault();
  const { track, etag } = state.current;
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
      showError(error);
    }
  }
});

$('close-details').addEventListener('click', () => { $('details').hidden = true; state.current = null; });

$('play').addEventListener('click', guarded(async () => {
  const player = $('player');
  player.src = await streamUrl(state.current.track.id);
  await player.play();
}));

async function restore(id, title) {
  await api(`/api/v1/tracks/${encodeURIComponent(id)}/restore`, { method: 'POST' });
  toast(`Restored “${title}”.`);
}

$('delete').addEventListener('click', guarded(async () => {
  const { track } = state.current;
  await api(`/api/v1/tracks/${encodeURIComponent(track.id)}`, { method: 'DELETE' });
  $('details').hidden = true;
  state.current = null;
  toast(`Deletion scheduled: “${track.title}” moved to Trash.`, {
    label: 'Undo', run: guarded(async () => { await restore(track.id, track.title); await reloadLibrary(); }),
  });
  await reloadLibrary();
}));

// ---------- trash ----------
function countdown(until) {
  const ms = new Date(until) - Date.now();
  if (ms <= 0) return 'permanent deletion due now';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return `deleted for good in ${d ? d + 'd ' : ''}${h}h ${m}m ${s % 60}s`;
}

let trashTimer;
const loadTrash = guarded(async () => {
  const { data } = await api('/api/v1/tracks?status=DELETED&limit=100');
  const list = $('trash');
  list.replaceChildren();
  data.items.forEach(track => {
    const li = document.createElement('li');
    li.dataset.trackId = track.id;
    li.append(Object.assign(document.createElement('span'), { textContent: `${track.title} — ${track.artist}` }));
    const until = track.restoreUntil;
    const clock = Object.assign(document.createElement('span'), { className: 'countdown' });
    clock.dataset.until = until || '';
    clock.textContent = until ? countdown(until) : '';
    li.append(clock);
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Restore' });
    button.setAttribute('aria-label', `Restore ${track.title}`);
    button.addEventListener('click', guarded(async () => { await restore(track.id, track.title); await loadTrash(); }));
    li.append(button);
    list.append(li);
  });
  $('trash-empty').hidden = data.items.length > 0;
  clearInterval(trashTimer);
  trashTimer = setInterval(() => document.querySelectorAll('#trash .countdown').forEach(c => {
    if (c.dataset.until) c.textContent = countdown(c.dataset.until);
  }), 1000);
});

// ---------- admin ----------
const loadAdmin = guarded(async () => {
  const { data: stats } = await api('/api/v1/admin/archive/statistics');
  const dl = $('archive-stats');
  dl.replaceChildren();
  [['Archived', `${Number(stats.archivePercentage ?? 0).toFixed(1)} % (${stats.totalArchived})`],
   ['Pending', stats.pendingArchive], ['Urgent', stats.urgentArchiveNeeded], ['Expired', stats.expiredTracks]]
    .forEach(([k, v]) => dl.append(Object.assign(document.createElement('dt'), { textContent: k }),
      Object.assign(document.createElement('dd'), { textContent: String(v ?? 0) })));
  const { data: stuck } = await api('/api/v1/admin/deletions?status=DELETE_FAILED&limit=100');
  const list = $('stuck');
  list.replaceChildren();
  (stuck.items || []).forEach(entry => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('span'), {
      textContent: `${entry.title} — ${entry.artist} (user ${entry.userId}, ${entry.purgeAttempts} attempts)`,
    }));
    const retry = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Retry purge' });
    retry.addEventListener('click', guarded(async () => {
      await api(`/api/v1/admin/tracks/${encodeURIComponent(entry.trackId)}/purge/retry`, { method: 'POST' });
      toast(`Purge of “${entry.title}” retried.`);
      await loadAdmin();
    }));
    li.append(retry);
    list.append(li);
  });
  $('stuck-empty').hidden = (stuck.items || []).length > 0;
});

window.addEventListener('hashchange', route);
route();
