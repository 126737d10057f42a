/**
 * Fitting and agreement statistics for the calibrated scale (scale.ts) and `npm run agreement`.
 * Pure functions on plain numbers; no randomness, so a fit is reproducible.
 */

/** A monotone non-decreasing piecewise-linear map through knots (x ascending, y non-decreasing). */
export interface MonotoneMap {
  x: number[];
  y: number[];
}

/**
 * Isotonic regression by the pool-adjacent-violators algorithm (Ayer et al. 1955; Barlow et al.
 * 1972): the non-decreasing step function closest in least squares to the points. Returned as the
 * knots (x, fitted y) of each pooled block's mean x, so that `applyMap` interpolates linearly
 * between blocks rather than stepping. Points with equal x are pooled first. Weights default to 1.
 * `minBlock` (total weight) pools blocks lighter than it into a neighbour, a smoother map for small
 * samples. Throws on empty input.
 */
export function isotonic(xs: readonly number[], ys: readonly number[], weights?: readonly number[], minBlock = 0): MonotoneMap {
  if (xs.length === 0 || xs.length !== ys.length) throw new Error('isotonic: need as many x as y, at least one');
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  type Block = { sx: number; sy: number; w: number };
  const blocks: Block[] = [];
  for (const i of order) {
    const w = weights?.[i] ?? 1;
    const last = blocks[blocks.length - 1];
    if (last && last.sx / last.w === xs[i]) {
      last.sx += xs[i]! * w;
      last.sy += ys[i]! * w;
      last.w += w;
    } else blocks.push({ sx: xs[i]! * w, sy: ys[i]! * w, w });
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sy / a.w <= b.sy / b.w) break;
      blocks.splice(blocks.length - 2, 2, { sx: a.sx + b.sx, sy: a.sy + b.sy, w: a.w + b.w });
    }
  }
  // Smoothing: a block lighter than minBlock joins its neighbour with the closer mean. Adjacent
  // blocks of a non-decreasing sequence pool into a non-decreasing sequence, so the map stays monotone.
  for (;;) {
    const i = blocks.findIndex((b) => b.w < minBlock);
    if (i < 0 || blocks.length <= 1) break;
    const mean = (b: Block) => b.sy / b.w;
    const left = blocks[i - 1];
    const right = blocks[i + 1];
    const j = !left ? i + 1 : !right ? i - 1 : mean(blocks[i]!) - mean(left) <= mean(right) - mean(blocks[i]!) ? i - 1 : i + 1;
    const [a, b] = [blocks[Math.min(i, j)]!, blocks[Math.max(i, j)]!];
    blocks.splice(Math.min(i, j), 2, { sx: a.sx + b.sx, sy: a.sy + b.sy, w: a.w + b.w });
  }
  return { x: blocks.map((b) => b.sx / b.w), y: blocks.map((b) => b.sy / b.w) };
}

/** Evaluates a monotone map: linear between knots, flat beyond the first and last knot. */
export function applyMap(map: MonotoneMap, x: number): number {
  const { x: kx, y: ky } = map;
  if (kx.length === 0) return x;
  if (x <= kx[0]!) return ky[0]!;
  const n = kx.length - 1;
  if (x >= kx[n]!) return ky[n]!;
  let i = 0;
  while (kx[i + 1]! < x) i++;
  const t = (x - kx[i]!) / (kx[i + 1]! - kx[i]!);
  return ky[i]! + t * (ky[i + 1]! - ky[i]!);
}

/** Ranks with ties given their mean rank (1-based), as Spearman's rho needs. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) out[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation coefficient; 0 when either side has no variance. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n === 0) return 0;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Spearman's rank correlation: Pearson's on the ranks (ties at mean rank). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(ranks(a), ranks(b));
}

/** Mean absolute error of predictions against targets. */
export function meanAbsoluteError(predicted: readonly number[], actual: readonly number[]): number {
  return predicted.reduce((s, p, i) => s + Math.abs(p - actual[i]!), 0) / Math.max(1, predicted.length);
}

/** Mean signed error (bias): positive when predictions run high. */
export function meanSignedError(predicted: readonly number[], actual: readonly number[]): number {
  return predicted.reduce((s, p, i) => s + (p - actual[i]!), 0) / Math.max(1, predicted.length);
}
