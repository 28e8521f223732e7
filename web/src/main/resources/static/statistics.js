// Statistics and trends of the DJ's discoveries, with charts (/api/v1/discovery/statistics and /trends).
import { api } from './api.js';
import { $, el, guarded } from './ui.js';
import { barChart } from './charts.js';

export const loadStatistics = guarded(async () => {
  const period = $('stats-period').value;
  const [{ data: stats }, { data: trends }] = await Promise.all([
    api(`/api/v1/discovery/statistics?period=${encodeURIComponent(period)}`),
    api('/api/v1/discovery/trends'),
  ]);
  const stat = (label, value, id) => el('div', { className: 'stat' }, el('dt', { textContent: label }),
    el('dd', { id, textContent: value }));
  const conversion = trends.purchaseConversion;
  $('stats-summary').replaceChildren(
    stat('Tracks discovered', stats.tracksDiscovered, 'stats-tracks'),
    stat('Artists', stats.uniqueArtists, 'stats-artists'),
    stat('Labels', stats.uniqueLabels, 'stats-labels'),
    stat('Purchased of wanted', conversion.rate == null ? '—' : `${Math.round(conversion.rate * 100)} %`, 'stats-conversion'));
  $('stats-conversion-detail').textContent = conversion.entries
    ? `${conversion.purchased} of ${conversion.entries} want-list entries purchased.` : 'Nothing on the want-list yet.';
  barChart($('chart-weekly'), trends.discoveryRate.map(w => ({ label: w.weekStart, value: w.discoveries })),
    'Discoveries per week');
  barChart($('chart-genres'), stats.topGenres.map(g => ({ label: g.name, value: g.count })), 'Top genres');
  barChart($('chart-artists'), trends.trendingArtists.map(a => ({ label: a.name, value: a.current })),
    'Artists discovered most in the last 30 days');
  barChart($('chart-played'), stats.mostPlayedTracks.map(t => ({ label: `${t.artist} – ${t.title}`, value: t.appearances })),
    'Tracks found in most mixes');
});

export function initStatistics() {
  $('stats-period').addEventListener('change', loadStatistics);
}
