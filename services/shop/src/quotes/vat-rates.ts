/** VAT rates per country, configured as `KZ:1200,RU:2000` (basis points: 1200 = 12 %). */
import type { VatRates } from './quote-cart.ts';

/** Kazakhstan's standard rate, the marketplace's home market. */
export const DEFAULT_VAT_RATES = 'KZ:1200';

/** Parses the configured list; a malformed entry fails start-up rather than mispricing. */
export function parseVatRates(text: string): VatRates {
  const rates: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Z]{2}):(\d{1,5})$/.exec(part);
    if (!match?.[1] || !match[2] || Number(match[2]) > 10_000)
      throw new Error(`VAT rate "${part}" is not CC:basis-points`);
    rates[match[1]] = Number(match[2]);
  }
  return Object.freeze(rates);
}
