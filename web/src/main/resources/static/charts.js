// Bar charts as inline SVG: a handful of bars needs no chart library. Each chart is an image with a text
// alternative (role="img", aria-label) and each bar carries its figure as a <title> and a visible label.
const SVG = 'http://www.w3.org/2000/svg';
const ROW = 22;
const LABEL_WIDTH = 150;
const WIDTH = 480;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Horizontal bars for [{label, value}], longest = the largest value; `describe` names the chart for screen readers. */
export function barChart(container, bars, describe) {
  container.replaceChildren();
  if (!bars.length) {
    container.textContent = 'Nothing yet.';
    return;
  }
  const max = Math.max(...bars.map(b => b.value), 1);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${bars.length * ROW}`, role: 'img', class: 'chart',
    'aria-label': `${describe}: ${bars.map(b => `${b.label} ${b.value}`).join(', ')}` });
  bars.forEach((bar, i) => {
    const y = i * ROW;
    const length = Math.max((WIDTH - LABEL_WIDTH - 40) * bar.value / max, bar.value > 0 ? 2 : 0);
    const group = svg('g', { 'data-label': bar.label, 'data-value': bar.value });
    group.append(svg('title', {}, `${bar.label}: ${bar.value}`),
      svg('text', { x: LABEL_WIDTH - 6, y: y + 15, 'text-anchor': 'end' }, bar.label),
      svg('rect', { x: LABEL_WIDTH, y: y + 3, width: length, height: ROW - 6, rx: 2 }),
      svg('text', { x: LABEL_WIDTH + length + 4, y: y + 15 }, String(bar.value)));
    chart.append(group);
  });
  container.append(chart);
}
