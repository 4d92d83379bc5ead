import { SeededRandom, seedOf } from './random';

/**
 * How well a unit does its reform work, as a share of the maximum (0..1): the latent
 * figure the sample scores are drawn around. Most units sit between 0,78 and 0,93; a few
 * are weak. It improves a little year by year; a commune formed by a merger starts from the
 * mean of the communes it came from.
 */
export function baseQuality(unitCode: string): number {
  const rng = new SeededRandom(seedOf(`chất lượng|${unitCode}`));
  const weak = rng.chance(0.07);
  return weak ? rng.between(0.6, 0.72) : rng.between(0.79, 0.94);
}

export function qualityInYear(base: number, unitCode: string, year: number): number {
  const rng = new SeededRandom(seedOf(`năm|${unitCode}|${year}`));
  return Math.min(0.985, base + (year - 2023) * 0.008 + rng.gaussian(0.012));
}

export function mergedBaseQuality(lineage: string[], unitCode: string): number {
  const rng = new SeededRandom(seedOf(`sáp nhập|${unitCode}`));
  const mean = lineage.reduce((s, c) => s + baseQuality(c), 0) / lineage.length;
  return mean + rng.gaussian(0.015);
}
