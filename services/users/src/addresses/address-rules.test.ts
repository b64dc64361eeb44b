import { describe, expect, it } from 'vitest';
import { addressProblem, type AddressInput } from './address-rules.ts';

const almaty: AddressInput = {
  recipient: 'Dana',
  country: 'KZ',
  city: 'Almaty',
  street: 'Abay Ave 10',
  postalCode: '050000',
  lat: 43.238,
  lng: 76.889,
};

describe('address rules', () => {
  it.each<[string, Partial<AddressInput>, string | undefined]>([
    ['a Kazakh address with a listed city and 6 digits', {}, undefined],
    ['a listed city in another case', { city: 'ASTANA' }, undefined],
    ['an unknown Kazakh city', { city: 'Atlantis' }, 'city'],
    ['a 5-digit Kazakh postal code', { postalCode: '05000' }, 'postalCode'],
    ['letters in a Kazakh postal code', { postalCode: '05000A' }, 'postalCode'],
    ['a pin in Paris for a Kazakh address', { lat: 48.85, lng: 2.35 }, 'coordinates'],
    ['only a latitude', { lng: null }, 'coordinates'],
    ['no pin at all', { lat: null, lng: null }, undefined],
    [
      'a foreign address with its own postal format',
      { country: 'DE', city: 'Berlin', postalCode: '10115', lat: 52.5, lng: 13.4 },
      undefined,
    ],
  ])('%s → %s', (_name, change, field) => {
    expect(addressProblem({ ...almaty, ...change })?.field).toBe(field);
  });
});
