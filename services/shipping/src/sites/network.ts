/** Pure rules of our network: which sorting centre serves a point, and what date a parcel is promised for. */

/** A sorting centre as the rules see it. */
export interface Centre {
  id: string;
  name: string;
  city: string;
  lat: number;
  lng: number;
  radiusKm: number;
}

interface Point {
  lat: number;
  lng: number;
}

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** The nearest centre and how far it is; `served` is false beyond its radius (a carrier delivers there). */
export function nearestCentre(
  centres: readonly Centre[],
  point: Point,
): { centre: Centre; km: number; served: boolean } | null {
  let best: { centre: Centre; km: number } | null = null;
  for (const centre of centres) {
    const km = distanceKm(centre, point);
    if (best === null || km < best.km) best = { centre, km };
  }
  return best ? { ...best, served: best.km <= best.centre.radiusKm } : null;
}

/**
 * The promised date when the order named none: the next day in the same city, two days within 800 km,
 * four beyond, two more by carrier; counted from the day the parcel was packed, in Kazakhstan's time.
 */
export function promisedDateByRule(packedAt: Date, km: number, byCarrier: boolean): string {
  const days = (km <= 60 ? 1 : km <= 800 ? 2 : 4) + (byCarrier ? 2 : 0);
  const local = new Date(packedAt.getTime() + 5 * 3_600_000); // Kazakhstan is UTC+5 all year
  local.setUTCDate(local.getUTCDate() + days);
  return local.toISOString().slice(0, 10);
}
