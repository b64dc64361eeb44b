/** Address rules: Kazakh addresses name a known city and a 6-digit postal code, and lie inside the country. */
import { KZ_CITIES, KZ_POSTAL_CODE } from '@sauda/contracts';

export interface AddressInput {
  label?: string | null | undefined;
  recipient: string;
  phone?: string | null | undefined;
  country: string;
  city: string;
  street: string;
  postalCode: string;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
}

export type AddressProblem = { field: 'city' | 'postalCode' | 'coordinates'; message: string };

// Kazakhstan's bounding box, generous by a fraction of a degree.
const KZ_BOUNDS = { minLat: 40.5, maxLat: 55.5, minLng: 46.4, maxLng: 87.4 };

/** Why the address is not acceptable, or undefined. */
export function addressProblem(address: AddressInput): AddressProblem | undefined {
  const hasLat = address.lat !== undefined && address.lat !== null;
  const hasLng = address.lng !== undefined && address.lng !== null;
  if (hasLat !== hasLng)
    return { field: 'coordinates', message: 'Give both latitude and longitude, or neither' };
  if (address.country !== 'KZ') return undefined;
  if (!canonicalKzCity(address.city))
    return { field: 'city', message: 'Choose a city of Kazakhstan from the list' };
  if (!KZ_POSTAL_CODE.test(address.postalCode.trim()))
    return { field: 'postalCode', message: 'A Kazakh postal code has 6 digits' };
  if (hasLat && hasLng) {
    const lat = address.lat as number;
    const lng = address.lng as number;
    const inside =
      lat >= KZ_BOUNDS.minLat &&
      lat <= KZ_BOUNDS.maxLat &&
      lng >= KZ_BOUNDS.minLng &&
      lng <= KZ_BOUNDS.maxLng;
    if (!inside) return { field: 'coordinates', message: 'The pin is outside Kazakhstan' };
  }
  return undefined;
}

/** The list's spelling of a Kazakh city typed in any case; undefined when it is not on the list. */
export function canonicalKzCity(city: string): string | undefined {
  const wanted = city.trim().toLowerCase();
  return KZ_CITIES.find((known) => known.toLowerCase() === wanted);
}
