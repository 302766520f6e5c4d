/**
 * A bar chart drawn by uPlot (canvas): categories on x (days, sites, labels),
 * one or more series. `stacked` draws the series on top of each other (each
 * bar is the running sum, drawn largest first). The canvas is decoration for
 * sighted users: it is aria-hidden, and every page that uses it shows the same
 * values as text (a table or figures) next to it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface BarSeries {
  label: string;
  /** A CSS colour or a custom property name ("--pos"). */
  color: string;
  values: readonly number[];
}

export interface BarChartProps {
  /** x labels, one per category. */
  labels: readonly string[];
  series: readonly BarSeries[];
  stacked?: boolean;
  /** Fixed top of the y axis (e.g. 5 for star ratings, 1 for shares). */
  yMax?: number;
  /** Format of the y axis ticks. */
  formatY?: (v: number) => string;
  height?: number;
  testId?: string;
}

function cssColor(c: string, el: Element): string {
  return c.startsWith('--') ? getComputedStyle(el).getPropertyValue(c).trim() || '#888' : c;
}

/** Index ticks at most every ~`px` pixels. */
function tickStep(n: number, width: number, px = 70): number {
  const fit = Math.max(1, Math.floor(width / px));
  return Math.max(1, Math.ceil(n / fit));
}

export function BarChart({ labels, series, stacked = false, yMax, formatY, height = 220, testId }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Layout effect: the chart is drawn in the same frame as the figures around it.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const n = labels.length;
    const xs = labels.map((_, i) => i);
    // Stacked: cumulative sums, drawn from the largest (the total) down, so each part shows on top of the previous.
    let drawn = series.map((s) => ({ ...s, values: [...s.values] }));
    if (stacked) {
      const sums = drawn.map((_, k) => xs.map((i) => drawn.slice(0, k + 1).reduce((a, s) => a + (s.values[i] ?? 0), 0)));
      drawn = drawn.map((s, k) => ({ ...s, values: sums[k]! })).reverse();
    }
    const muted = cssColor('--muted', el);
    const line = cssColor('--line', el);
    const width = Math.max(240, el.clientWidth);
    const step = tickStep(n, width);
    const bars = uPlot.paths.bars!({ size: [drawn.length > 1 && !stacked ? 0.8 / drawn.length : 0.7, 60], align: 0 });
    const axis = { stroke: muted, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 } };
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: {
          x: { time: false, range: () => [-0.5, n - 0.5] },
          y: { range: (_u, _min, max) => [0, yMax ?? Math.max(1, max * 1.1)] },
        },
        axes: [
          {
            ...axis,
            grid: { show: false },
            splits: () => xs.filter((i) => i % step === 0),
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          },
          { ...axis, values: (_u, splits) => splits.map((v) => (formatY ? formatY(v) : String(v))) },
        ],
        series: [{}, ...drawn.map((s) => ({ label: s.label, fill: cssColor(s.color, el), stroke: cssColor(s.color, el), width: 0, paths: bars, points: { show: false } }))],
      },
      [xs, ...drawn.map((s) => s.values as number[])],
      el,
    );
    const onResize = () => plot.setSize({ width: Math.max(240, el.clientWidth), height });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [labels, series, stacked, yMax, formatY, height]);
  return <div class="chart" ref={box} aria-hidden="true" data-testid={testId} />;
}
