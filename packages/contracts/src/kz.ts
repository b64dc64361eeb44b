/** Kazakhstan address rules shared by `users` and the web app; no dependencies, so the browser bundle can import it. */

/** Cities of Kazakhstan an address may name (the regional centres and cities of republican status). */
export const KZ_CITIES = [
  'Almaty',
  'Astana',
  'Shymkent',
  'Aktobe',
  'Karaganda',
  'Taraz',
  'Pavlodar',
  'Ust-Kamenogorsk',
  'Semey',
  'Atyrau',
  'Kostanay',
  'Kyzylorda',
  'Uralsk',
  'Petropavl',
  'Aktau',
  'Temirtau',
  'Turkestan',
  'Kokshetau',
  'Taldykorgan',
  'Ekibastuz',
  'Rudny',
  'Zhezkazgan',
  'Konaev',
  'Balkhash',
  'Zhanaozen',
] as const;

/** Kazakhstan's postal codes: six digits. */
export const KZ_POSTAL_CODE = /^[0-9]{6}$/;
