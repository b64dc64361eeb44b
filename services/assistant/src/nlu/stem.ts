/** Light suffix-stripping stemmers: Russian (Snowball-like endings) and Kazakh (agglutinative suffixes). */

const RU_ENDINGS = [
  'иями',
  'ями',
  'ами',
  'иях',
  'ого',
  'его',
  'ему',
  'ому',
  'ыми',
  'ими',
  'ость',
  'ешь',
  'ете',
  'ишь',
  'ите',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ой',
  'ей',
  'ий',
  'ый',
  'ую',
  'юю',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ть',
  'ся',
  'сь',
  'ую',
  'ы',
  'и',
  'а',
  'я',
  'о',
  'е',
  'у',
  'ю',
  'ь',
  'й',
].sort((a, b) => b.length - a.length);

const KK_SUFFIXES = [
  'ларыңыз',
  'леріңіз',
  'лардың',
  'лердің',
  'дардың',
  'дердің',
  'тардың',
  'тердің',
  'ларға',
  'лерге',
  'дарға',
  'дерге',
  'тарға',
  'терге',
  'ларды',
  'лерді',
  'дарды',
  'дерді',
  'тарды',
  'терді',
  'лары',
  'лері',
  'дары',
  'дері',
  'тары',
  'тері',
  'ымды',
  'імді',
  'ымыз',
  'іміз',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'мен',
  'бен',
  'пен',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'ны',
  'ні',
  'ды',
  'ді',
  'ты',
  'ті',
  'ым',
  'ім',
  'ың',
  'ің',
  'сы',
  'сі',
  'ын',
  'ін',
].sort((a, b) => b.length - a.length);

const EN_ENDINGS = ['ies', 'es', 's'];

/** Russian stem: the longest known ending removed while at least three letters stay. */
export function stemRu(token: string): string {
  for (const ending of RU_ENDINGS) {
    if (token.length - ending.length >= 3 && token.endsWith(ending)) return token.slice(0, -ending.length);
  }
  return token;
}

/** Kazakh stem: up to two suffixes (plural, then case or possessive) removed while three letters stay. */
export function stemKk(token: string): string {
  let stem = token;
  for (let round = 0; round < 2; round += 1) {
    const suffix = KK_SUFFIXES.find((s) => stem.length - s.length >= 3 && stem.endsWith(s));
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/** English stem: plural endings only ("headphones" → "headphone", "batteries" → "battery"). */
export function stemEn(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 4 && /(ss|sh|ch|x)es$/.test(token)) return token.slice(0, -2);
  for (const ending of EN_ENDINGS.slice(2)) {
    if (token.length > 3 && token.endsWith(ending) && !token.endsWith('ss')) return token.slice(0, -1);
  }
  return token;
}

// Catalog text repeats the same words endlessly: remembering stems makes indexing several times faster.
const stemCache = new Map<string, string>();
const variantCache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

/** The stem of one folded token, by script: Kazakh letters → Kazakh, Cyrillic → Russian, else English. */
export function stem(token: string, kazakh = false): string {
  const key = kazakh ? `k:${token}` : token;
  const known = stemCache.get(key);
  if (known !== undefined) return known;
  if (stemCache.size > CACHE_LIMIT) stemCache.clear();
  const value = stemUncached(token, kazakh);
  stemCache.set(key, value);
  return value;
}

function stemUncached(token: string, kazakh: boolean): string {
  if (/^\d/.test(token)) return token;
  if (/[а-я]/.test(token)) return kazakh || /[әғқңөұүһі]/.test(token) ? stemKk(token) : stemRu(token);
  return stemEn(token);
}

/** Every stem a token might have, for lexicon matching across languages. */
export function stemVariants(token: string): string[] {
  const known = variantCache.get(token);
  if (known) return known;
  if (variantCache.size > CACHE_LIMIT) variantCache.clear();
  const value = variantsUncached(token);
  variantCache.set(token, value);
  return value;
}

function variantsUncached(token: string): string[] {
  if (!/[а-яәғқңөұүһі]/.test(token)) return [...new Set([token, stemEn(token)])];
  return [...new Set([token, stemRu(token), stemKk(token), stemKk(stemRu(token))])];
}
