/**
 * Geometry of the value charts, computed with d3's scale and shape modules at build time: a
 * sparkline for lists and the trend chart of a metric page. Pure data in, SVG path strings out.
 */
import { extent, line, scaleLinear, scaleUtc } from 'd3';
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
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

interface ChartInput {
  points: Point[];
  path: PathPoint[];
  direction: 'up' | 'down' | 'range';
  thresholds?: { green: number; red: number } | undefined;
  band?: { min: number; max: number } | undefined;
}

/** The trend chart: values as a line, the target path dashed, threshold or band areas behind. */
export function trendChart({ points, path, direction, thresholds, band }: ChartInput, width = 640, height = 240): TrendChart | undefined {
  if (points.length === 0) return undefined;
  const plot = { left: 48, top: 12, right: width - 16, bottom: height - 28 };
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
    xTicks: x.ticks(5).map((d) => ({ x: round(x(d)), label: d.toISOString().slice(0, 7) })),
    yTicks: y.ticks(4).map((v) => ({ y: round(y(v)), label: String(v) })),
  };
}
