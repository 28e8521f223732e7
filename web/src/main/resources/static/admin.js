// Admin (role admin): the archive dashboard, archive jobs with retry and "run now", stuck purges with retry.
import { api } from './api.js';
import { $, el, toast, guarded, formatDuration, when } from './ui.js';

const percent = v => `${Number(v ?? 0).toFixed(1)} %`;

async function loadStatistics() {
  const { data: s } = await api('/api/v1/admin/archive/statistics');
  const rows = [
    ['Archived', `${percent(s.archivePercentage)} (${s.totalArchived ?? 0} tracks)`],
    ['Pending', s.pendingArchive ?? 0],
    ['Urgent (< 2 days to expiry)', s.urgentArchiveNeeded ?? 0],
    ['Expired', s.expiredTracks ?? 0],
    ['Failure rate', percent(100 * (s.failureRate ?? 0))],
    ['Average lead time', formatDuration(s.averageLeadTime)],
  ];
  $('archive-stats').replaceChildren(...rows.flatMap(([k, v]) => [
    el('div', { className: 'stat' }, el('dt', { textContent: k }), el('dd', { textContent: String(v) }))]));
}

async function loadJobs() {
  const status = $('jobs-status').value;
  const { data } = await api(`/api/v1/admin/archive/jobs?status=${encodeURIComponent(status)}&limit=100`);
  const items = data.items || [];
  $('jobs').replaceChildren(...items.map(job => {
    const retry = el('button', { type: 'button', textContent: 'Retry now', attrs: { 'aria-label': `Retry archiving ${job.title}` } });
    retry.addEventListener('click', guarded(async () => {
      await api(`/api/v1/tracks/${encodeURIComponent(job.trackId)}/archive`, { method: 'POST' });
      toast(`Archiving of “${job.title}” requested.`);
      await loadJobs();
    }));
    return el('li', { dataset: { trackId: job.trackId } },
      el('span', { className: 'grow', textContent: `${job.title} (user ${job.userId}, ${job.provider?.name || 'provider'})` }),
      el('span', { className: 'badge', textContent: job.status }),
      job.urgent && el('span', { className: 'badge risk', textContent: 'urgent' }),
      el('span', { textContent: `${job.attempts ?? 0} attempts; link expires ${when(job.expiresAt)}` }),
      job.lastError && el('span', { className: 'job-error', textContent: `Last error: ${job.lastError}` }),
      job.status === 'ARCHIVED' ? null : retry);
  }));
  $('jobs-empty').textContent = `No ${status.toLowerCase()} archive jobs.`;
  $('jobs-empty').hidden = items.length > 0;
}

async function loadStuckPurges() {
  const { data } = await api('/api/v1/admin/deletions?status=DELETE_FAILED&limit=100');
  const items = data.items || [];
  $('stuck').replaceChildren(...items.map(entry => {
    const retry = el('button', { type: 'button', textContent: 'Retry purge', attrs: { 'aria-label': `Retry purge of ${entry.title}` } });
    retry.addEventListener('click', guarded(async () => {
      await api(`/api/v1/admin/tracks/${encodeURIComponent(entry.trackId)}/purge/retry`, { method: 'POST' });
      toast(`Purge of “${entry.title}” retried.`);
      await loadStuckPurges();
    }));
    return el('li', {}, el('span', {
      className: 'grow', textContent: `${entry.title} — ${entry.artist} (user ${entry.userId}, ${entry.purgeAttempts} attempts)`,
    }), retry);
  }));
  $('stuck-empty').hidden = items.length > 0;
}

export const loadAdmin = guarded(async () => {
  await Promise.all([loadStatistics(), loadJobs(), loadStuckPurges()]);
});

export function initAdmin() {
  $('jobs-status').addEventListener('change', guarded(loadJobs));
  $('archive-run').addEventListener('click', guarded(async () => {
    const button = $('archive-run');
    button.disabled = true;
    $('archive-run-status').textContent = 'Starting the due and urgent archives…';
    try {
      const { data } = await api('/api/v1/admin/archive/run', { method: 'POST', body: { limit: 100 } });
      const n = data.requested ?? (data.trackIds || []).length;
      $('archive-run-status').textContent = n ? `Archiving started for ${n} track${n === 1 ? '' : 's'}.` : 'Nothing was due.';
      await Promise.all([loadStatistics(), loadJobs()]);
    } finally {
      button.disabled = false;
    }
  }));
}
