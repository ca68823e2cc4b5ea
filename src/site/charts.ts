/**
 * Geometry of the value charts, computed with d3's scale and shape modules at build time: a
 * sparkline for lists and the trend chart of a metric page. Pure data in, SVG path strings out.
 */
import { extent, line, scaleLinear, scaleUtc, utcDay, utcMonth } from 'd3';
import type { PathPoint } from '../core/derive/progress.ts';

export interface Point {
  date: string;
  value: number;
}

const time = (date: string) => new Date(`${date}T00:00:00Z`);
const round = (n: number) => Math.round(n * 10) / 10;

/** A polyline through the values, scaled into a width × height box; the last point marked. */
export function sparkline(points: Point[], width = 96, height = 24): { path: string; last: { x: number; y: number } } | undefined {
  if (points.length < 2) return undefined;
  const x = scaleLinear([0, points.length - 1], [1.5, width - 1.5]);
  const [low, high] = extent(points, (p) => p.value) as [number, number];
  const y = scaleLinear(low === high ? [low - 1, high + 1] : [low, high], [height - 2, 2]);
  const path = line<Point>((_, i) => round(x(i)), (p) => round(y(p.value)))(points)!;
  const lastPoint = points.at(-1)!;
  return { path, last: { x: round(x(points.length - 1)), y: round(y(lastPoint.value)) } };
}

export interface Band {
  status: 'green' | 'amber' | 'red';
  y: number;
  height: number;
}

export interface TrendChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  values: string;
  dots: { x: number; y: number; date: string; value: number }[];
  target: string | undefined;
  bands: Band[];
  xTicks: XTick[];
  yTicks: { y: number; label: string }[];
}

/** An x-axis label: a month (or day) on the first line, the year under it where the year changes. */
export interface XTick {
  x: number;
  label: string;
  year: string | undefined;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Steps between month labels, tried in order until the labels no longer crowd each other. */
const MONTH_STEPS = [1, 2, 3, 6, 12];
/** Room one label needs, in the chart's own units (a three-letter month at 14px, plus a gap). */
export const MIN_TICK_GAP = 40;

/**
 * Labels for a time axis: the first of every month, every 2, 3, 6 or 12 months, whichever is the
 * smallest step that keeps labels MIN_TICK_GAP apart; spans shorter than two months get days.
 */
export function timeTicks(x: (d: Date) => number, start: Date, end: Date): XTick[] {
  const after = new Date(end.getTime() + 1);
  const spaced = (dates: Date[], gap = MIN_TICK_GAP) => dates.every((d, i) => i === 0 || x(d) - x(dates[i - 1]!) >= gap);
  const dayLabel = (d: Date) => `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}`;
  if (utcMonth.every(1)!.range(start, after).length >= 2) {
    for (const step of MONTH_STEPS) {
      const months = utcMonth.every(step)!.range(start, after);
      if (spaced(months)) return labelled(months, x, (d) => MONTH_NAMES[d.getUTCMonth()]!);
    }
    // Many years on a narrow chart: every nth new year, the year alone.
    const years = utcMonth.every(12)!.range(start, after);
    for (let n = 2; ; n++) {
      const some = years.filter((_, i) => i % n === 0);
      if (spaced(some) || some.length < 2) return some.map((d) => ({ x: round(x(d)), label: String(d.getUTCFullYear()), year: undefined }));
    }
  }
  for (const step of [1, 2, 7, 14]) {
    const days = utcDay.every(step)!.range(start, after);
    if (days.length >= 2 && spaced(days, MIN_TICK_GAP * 1.25)) return labelled(days, x, dayLabel);
  }
  return labelled([start], x, dayLabel);
}

function labelled(dates: Date[], x: (d: Date) => number, label: (d: Date) => string): XTick[] {
  return dates.map((d, i) => {
    const year = d.getUTCFullYear();
    const newYear = i === 0 || dates[i - 1]!.getUTCFullYear() !== year;
    return { x: round(x(d)), label: label(d), year: newYear ? String(year) : undefined };
  });
}

interface ChartInput {
  points: Point[];
  path: PathPoint[];
  direction: 'up' | 'down' | 'range';
  thresholds?: { green: number; red: number } | undefined;
  band?: { min: number; max: number } | undefined;
}

/** The sizes the metric page draws its trend chart at: CSS shows one, by the page's width. */
export const CHART_SIZES = { wide: { width: 640, height: 240 }, narrow: { width: 360, height: 240 } } as const;

/** The trend chart: values as a line, the target path dashed, threshold or band areas behind. */
export function trendChart({ points, path, direction, thresholds, band }: ChartInput, width = 640, height = 240): TrendChart | undefined {
  if (points.length === 0) return undefined;
  // Room at the bottom for two lines of x labels (month, and the year where it changes).
  const plot = { left: 44, top: 12, right: width - 16, bottom: height - 36 };
  const dates = [...points.map((p) => p.date), ...path.map((p) => p.date)].map(time);
  const [start, end] = extent(dates) as [Date, Date];
  const x = scaleUtc([start, end.getTime() === start.getTime() ? new Date(end.getTime() + 86_400_000) : end], [plot.left, plot.right]);
  const numbers = [...points.map((p) => p.value), ...path.map((p) => p.value), ...(thresholds ? [thresholds.green, thresholds.red] : []), ...(band ? [band.min, band.max] : [])];
  const [low, high] = extent(numbers) as [number, number];
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  const y = scaleLinear([low - pad, high + pad], [plot.bottom, plot.top]).nice();
  const [yMin, yMax] = y.domain() as [number, number];
  const draw = line<Point>((p) => round(x(time(p.date))), (p) => round(y(p.value)));
  const area = (status: Band['status'], from: number, to: number): Band => {
    const top = y(Math.min(Math.max(to, yMin), yMax));
    const bottom = y(Math.min(Math.max(from, yMin), yMax));
    return { status, y: round(top), height: round(Math.max(0, bottom - top)) };
  };
  let bands: Band[] = [];
  if (direction === 'range' && band) bands = [area('green', band.min, band.max)];
  else if (thresholds && direction === 'up') bands = [area('green', thresholds.green, yMax), area('amber', thresholds.red, thresholds.green), area('red', yMin, thresholds.red)];
  else if (thresholds && direction === 'down') bands = [area('green', yMin, thresholds.green), area('amber', thresholds.green, thresholds.red), area('red', thresholds.red, yMax)];
  return {
    width,
    height,
    plot,
    values: draw(points) ?? '',
    dots: points.map((p) => ({ x: round(x(time(p.date))), y: round(y(p.value)), date: p.date, value: p.value })),
    target: path.length > 1 ? (draw(path) ?? undefined) : undefined,
    bands: bands.filter((b) => b.height > 0),
    xTicks: timeTicks(x, start, end),
    yTicks: y.ticks(4).map((v) => ({ y: round(y(v)), label: String(v) })),
  };
}
