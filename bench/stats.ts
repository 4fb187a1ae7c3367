export const median = (xs: number[]) => percentile(xs, 50);

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export const figure = (runs: number[]): Figure => ({ median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs });
