/** Text normalisation for en/ru/kk: case folding, ё→е, tokens, language guess, Latin-typed Russian. */

export type Lang = 'en' | 'ru' | 'kk';

const KAZAKH_LETTERS = /[әғқңөұүһі]/;
const CYRILLIC = /[а-яё]/;
// Frequent Kazakh words written without Kazakh-specific letters.
const KAZAKH_WORDS = new Set([
  'бар',
  'ма',
  'ме',
  'керек',
  'маған',
  'бойынша',
  'дейін',
  'жоқ',
  'сәлем',
  'сатып',
  'алу',
]);

/** Lowercase, NFC, ё→е, typographic quotes and dashes flattened, thin spaces to spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[«»“”„"]/g, ' ')
    .replace(/[’ʼ`]/g, "'");
}

/** Word tokens of folded text: letters (Kazakh ones included) and digits; hyphenated words split. */
export function tokenize(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The language a message is most likely written in (Kazakh letters or words win over Russian). */
export function detectLanguage(text: string): Lang {
  const folded = fold(text);
  if (KAZAKH_LETTERS.test(folded)) return 'kk';
  if (!CYRILLIC.test(folded)) return looksLikeTranslit(folded) ? 'ru' : 'en';
  return tokenize(folded).some((token) => KAZAKH_WORDS.has(token)) ? 'kk' : 'ru';
}

const TRANSLIT: Array<[string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['yo', 'е'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['w', 'в'],
  ['x', 'кс'],
  ['y', 'ы'],
  ["'", 'ь'],
];

/** Latin-typed Russian ("naushniki do 20 tysyach") read back as Cyrillic; other tokens come back unchanged. */
export function translit(token: string): string {
  if (!/^[a-z']+$/.test(token)) return token;
  let out = '';
  let i = 0;
  while (i < token.length) {
    const pair = TRANSLIT.find(([latin]) => token.startsWith(latin, i));
    if (!pair) return token;
    out += pair[1];
    i += pair[0].length;
  }
  return out;
}

// Function words that only a Russian typed in Latin letters would use.
const TRANSLIT_MARKERS = new Set([
  'do',
  'ot',
  'tysyach',
  'tys',
  'kupit',
  'khochu',
  'hochu',
  'nuzhen',
  'nuzhny',
  'deshevle',
  'pokazhi',
  'gde',
  'moy',
  'zakaz',
  'chernyy',
  'chernye',
]);

function looksLikeTranslit(folded: string): boolean {
  return tokenize(folded).some((token) => TRANSLIT_MARKERS.has(token));
}
