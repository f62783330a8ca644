// Inline SVG charts of reports: the radar of dimension shares (with the corpus median) and a bar chart of a level
// distribution. In: labels and exact values. Out: SVG markup (no scripts, no external references).
// Exact values become doubles only here, for drawing (Rational.toNumber is for display only).

import type { Rational } from '../numbers/rational';
import { escapeHtml } from './escape';
import { shareText } from '../present/numbers';
import { radarGeometry } from '../present/radar';

export interface RadarAxis {
  readonly id: string;
  readonly share: Rational;
  readonly median?: Rational;
}

/** A radar chart of shares (0–100 %), one axis per dimension; `median` draws the corpus median as a dashed line. */
export function radarSvg(axes: readonly RadarAxis[], labels: { title: string; platform: string; median: string }): string {
  const size = 340;
  const g = radarGeometry(axes.length, size / 2, size / 2 + 4, 120);
  const share = (q: Rational): number => q.toNumber();
  const rings = g.rings.map((points) => `<polygon class="ring" points="${points}"/>`).join('');
  const spokes = axes
    .map((a, i) => {
      const { spoke: end, label: lab } = g.axis(i);
      return `<line class="spoke" x1="${g.centre.x}" y1="${g.centre.y}" x2="${end.x}" y2="${end.y}"/><text class="axis" x="${lab.x}" y="${lab.y}" text-anchor="${lab.anchor}">${escapeHtml(a.id)}</text>`;
    })
    .join('');
  const poly = (vals: readonly number[], cls: string): string => `<polygon class="${cls}" points="${g.polygon(vals)}"/>`;
  const hasMedian = axes.length > 0 && axes.every((a) => a.median !== undefined);
  const median = hasMedian ? poly(axes.map((a) => share(a.median as Rational)), 'median') : '';
  const own = poly(axes.map((a) => share(a.share)), 'own');
  const dots = axes.map((a, i) => {
    const { x, y } = g.point(i, share(a.share));
    return `<circle class="dot" cx="${x}" cy="${y}" r="3"><title>${escapeHtml(`${a.id} ${shareText(a.share)}`)}</title></circle>`;
  });
  const legendY = size + 14;
  const legend =
    `<rect class="own" x="10" y="${legendY - 9}" width="14" height="10"/><text class="legend" x="30" y="${legendY}">${escapeHtml(labels.platform)}</text>` +
    (hasMedian ? `<line class="median" x1="150" y1="${legendY - 4}" x2="170" y2="${legendY - 4}"/><text class="legend" x="176" y="${legendY}">${escapeHtml(labels.median)}</text>` : '');
  return (
    `<svg class="radar" role="img" aria-label="${escapeHtml(labels.title)}" viewBox="0 0 ${size} ${size + 24}" width="${size}" height="${size + 24}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(labels.title)}</title>${rings}${spokes}${median}${own}${dots.join('')}${legend}</svg>`
  );
}

export interface Bar {
  readonly label: string;
  readonly count: number;
  readonly cls: string;
}

/** A horizontal bar chart of counts (a level distribution). */
export function barsSvg(bars: readonly Bar[], title: string): string {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const row = 26;
  const left = 110;
  const width = 480;
  const h = bars.length * row + 10;
  const body = bars
    .map((b, i) => {
      const y = 5 + i * row;
      const w = Math.round(((width - left - 40) * b.count) / max);
      return (
        `<text class="axis" x="${left - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text>` +
        `<rect class="bar ${escapeHtml(b.cls)}" x="${left}" y="${y + 3}" width="${w}" height="${row - 8}"/>` +
        `<text class="count" x="${left + w + 6}" y="${y + 15}">${b.count}</text>`
      );
    })
    .join('');
  return `<svg class="bars" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${body}</svg>`;
}
