/**
 * Do leading indicators still lead? For a drives edge, both series are put on a common calendar
 * (the coarser cadence of the two, averaging values within a period) and correlated with the
 * leading series shifted 0 to 3 periods earlier. The lag with the strongest |r| is reported.
 */
import type { Cadence } from '../schemas/common.ts';
import type { Observation } from './observation.ts';

export const MAX_LAG = 3;
/** Fewer paired periods than this and r says nothing. */
export const MIN_PAIRS = 3;

const ORDER: Cadence[] = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'];

export function coarser(a: Cadence, b: Cadence): Cadence {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** The period a date falls in, as a whole number, so that consecutive periods differ by one. */
export function periodIndex(date: string, cadence: Cadence): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
  switch (cadence) {
    case 'daily':
      return days;
    case 'weekly':
      return Math.floor((days + 3) / 7); // weeks starting on Monday (1970-01-01 was a Thursday)
    case 'monthly':
      return y * 12 + (m - 1);
    case 'quarterly':
      return y * 4 + Math.floor((m - 1) / 3);
    case 'yearly':
      return y;
  }
}

/** Mean value per period. */
export function bucket(observations: Observation[], cadence: Cadence): Map<number, number> {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const o of observations) {
    const key = periodIndex(o.date, cadence);
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += o.value;
    s.n += 1;
    sums.set(key, s);
  }
  return new Map([...sums].map(([key, s]) => [key, s.sum / s.n]));
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export interface LagCorrelation {
  lag: number;
  r: number;
  pairs: number;
}

export interface LeadLag {
  /** The strongest lag, or null when no lag has enough paired periods. */
  best: LagCorrelation | null;
  byLag: LagCorrelation[];
  cadence: Cadence;
}

/** r between leading(t − lag) and lagging(t) for lag 0..MAX_LAG periods. */
export function leadLagCorrelation(leading: Observation[], leadingCadence: Cadence, lagging: Observation[], laggingCadence: Cadence): LeadLag {
  const cadence = coarser(leadingCadence, laggingCadence);
  const lead = bucket(leading, cadence);
  const lag = bucket(lagging, cadence);
  const byLag: LagCorrelation[] = [];
  for (let shift = 0; shift <= MAX_LAG; shift++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [period, y] of lag) {
      const x = lead.get(period - shift);
      if (x === undefined) continue;
      xs.push(x);
      ys.push(y);
    }
    const r = xs.length >= MIN_PAIRS ? pearson(xs, ys) : null;
    if (r !== null) byLag.push({ lag: shift, r: Number(r.toFixed(3)), pairs: xs.length });
  }
  const best = byLag.reduce<LagCorrelation | null>((top, c) => (!top || Math.abs(c.r) > Math.abs(top.r) ? c : top), null);
  return { best, byLag, cadence };
}
