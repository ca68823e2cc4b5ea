/** Medians and the plain-text numbers every benchmark line uses. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const seconds = (s: number) => `${s.toFixed(2)} s`;
export const megabytes = (kb: number) => `${Math.round(kb / 1024)} MB`;
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (r: number) => `${r.toFixed(2)}×`;
export const count = (n: number) => n.toLocaleString('en-US');

/** "median 3.21 s (min 3.10, max 3.40)" */
export function timeSummary(values: number[]): string {
  return `median ${seconds(median(values))} (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`;
}

/** "peak 410 MB" as the median of the runs' peaks, or a note when memory was not measured. */
export function peakSummary(peaks: (number | undefined)[]): string {
  const known = peaks.filter((p): p is number => p !== undefined);
  return known.length === peaks.length && known.length ? `peak ${megabytes(median(known))}` : 'peak memory unavailable';
}

export const missed = (ok: boolean) => (ok ? '' : ' TARGET MISSED');
