/**
 * The allocation strategy: where each ordered unit comes from.
 *
 * 1. The nearest depot (great-circle distance to the delivery address) that has every line in full:
 *    one parcel, shortest trip.
 * 2. Otherwise split, fewest parcels first: repeatedly take the depot that can fill the most remaining
 *    lines completely (then the most remaining units, then the nearest), give it what it can, and go on
 *    until every unit is placed. Greedy set cover: not always the optimum, but never far off with a
 *    handful of depots, and predictable for people reading a pick list.
 * 3. If the depots together do not hold enough, there is no plan: the short lines say what is missing.
 */

/** A point on Earth, in degrees. */
export interface Point {
  lat: number;
  lng: number;
}

/** A depot that may ship. */
export interface DepotPlace extends Point {
  id: string;
}

/** One ordered line. */
export interface WantedLine {
  lineId: string;
  variantId: string;
  quantity: number;
}

/** Units of one line taken from one depot. */
export interface Allocation {
  lineId: string;
  variantId: string;
  depotId: string;
  quantity: number;
}

/** A line the depots cannot fill, with what they hold for it. */
export interface ShortLine {
  lineId: string;
  variantId: string;
  requested: number;
  available: number;
}

/** Available units: depot id → variant id → units. */
export type Availability = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Either a plan or the reason there is none. */
export type AllocationResult =
  { ok: true; allocations: Allocation[] } | { ok: false; shortLines: ShortLine[] };

const EARTH_KM = 6371;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Chooses depots for an order's lines; see the module comment for the strategy. */
export function allocate(
  lines: readonly WantedLine[],
  depots: readonly DepotPlace[],
  availability: Availability,
  destination: Point,
): AllocationResult {
  const byDistance = [...depots].sort((a, b) => distanceKm(a, destination) - distanceKm(b, destination));
  const left = new Map(byDistance.map((d) => [d.id, new Map(availability.get(d.id) ?? [])]));
  const units = (depotId: string, variantId: string): number =>
    Math.max(0, left.get(depotId)?.get(variantId) ?? 0);

  const shortLines = findShortLines(lines, byDistance, units);
  if (shortLines.length > 0) return { ok: false, shortLines };

  // Lines of the same variant compete for the same units, so "has everything" counts them together.
  const needed = new Map<string, number>();
  for (const line of lines) needed.set(line.variantId, (needed.get(line.variantId) ?? 0) + line.quantity);
  const whole = byDistance.find((d) => [...needed].every(([variant, n]) => units(d.id, variant) >= n));
  if (whole) {
    return { ok: true, allocations: lines.map((line) => ({ ...line, depotId: whole.id })) };
  }

  const remaining = new Map(lines.map((line) => [line.lineId, line.quantity]));
  const allocations: Allocation[] = [];
  while ([...remaining.values()].some((n) => n > 0)) {
    const best = pickDepot(lines, byDistance, remaining, units);
    if (!best) break; // cannot happen once findShortLines passed; kept so a bug cannot loop forever
    for (const line of lines) {
      const want = remaining.get(line.lineId) ?? 0;
      const take = Math.min(want, units(best, line.variantId));
      if (take <= 0) continue;
      allocations.push({ lineId: line.lineId, variantId: line.variantId, depotId: best, quantity: take });
      remaining.set(line.lineId, want - take);
      left.get(best)?.set(line.variantId, units(best, line.variantId) - take);
    }
  }
  return { ok: true, allocations };
}

function findShortLines(
  lines: readonly WantedLine[],
  depots: readonly DepotPlace[],
  units: (depotId: string, variantId: string) => number,
): ShortLine[] {
  const pool = new Map<string, number>();
  for (const line of lines) {
    if (!pool.has(line.variantId))
      pool.set(
        line.variantId,
        depots.reduce((sum, d) => sum + units(d.id, line.variantId), 0),
      );
  }
  const short: ShortLine[] = [];
  for (const line of lines) {
    const available = pool.get(line.variantId) ?? 0;
    if (available < line.quantity) short.push({ ...line, requested: line.quantity, available });
    pool.set(line.variantId, Math.max(0, available - line.quantity));
  }
  return short.map(({ lineId, variantId, requested, available }) => ({
    lineId,
    variantId,
    requested,
    available,
  }));
}

function pickDepot(
  lines: readonly WantedLine[],
  depots: readonly DepotPlace[],
  remaining: ReadonlyMap<string, number>,
  units: (depotId: string, variantId: string) => number,
): string | undefined {
  let best: { id: string; full: number; total: number } | undefined;
  for (const depot of depots) {
    let full = 0;
    let total = 0;
    for (const line of lines) {
      const want = remaining.get(line.lineId) ?? 0;
      if (want === 0) continue;
      const can = Math.min(want, units(depot.id, line.variantId));
      total += can;
      if (can === want) full += 1;
    }
    // Depots are in distance order, so strict ">" keeps the nearest on a tie.
    if (total > 0 && (!best || full > best.full || (full === best.full && total > best.total)))
      best = { id: depot.id, full, total };
  }
  return best?.id;
}
