/** Integer money arithmetic in minor units: allocation by weights and VAT extraction, conserving every unit. */

/**
 * Splits `total` over `weights` in proportion (largest remainder), so the parts sum to `total` exactly and
 * no part exceeds its weight when `total <= sum(weights)`. BigInt because amount × weight can pass 2^53.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const t = BigInt(total);
  const s = BigInt(sum);
  const floors = weights.map((w) => (t * BigInt(w)) / s);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = Number(t - floors.reduce((a, b) => a + b, 0n));
  // Biggest remainders first; ties go to the earlier line so the result is deterministic.
  remainders.sort((a, b) => (b.r === a.r ? a.i - b.i : b.r > a.r ? 1 : -1));
  const parts = floors.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** `amount × percent / 100`, rounded down: a discount never rounds up against the shop's books. */
export function percentOf(amount: number, percent: number): number {
  return Number((BigInt(amount) * BigInt(percent)) / 100n);
}

/** The VAT inside a VAT-inclusive amount at `rateBp` basis points (1200 = 12 %), rounded half up. */
export function includedVat(gross: number, rateBp: number): number {
  if (rateBp === 0) return 0;
  const numerator = BigInt(gross) * BigInt(rateBp) * 2n;
  const denominator = BigInt(10_000 + rateBp) * 2n;
  return Number((numerator + denominator / 2n) / denominator);
}
