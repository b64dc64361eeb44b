/** Features of a message for the intent classifier: word stems, bigrams, character n-grams, entity marks. */
import type { Understanding } from './slots.ts';
import { detectLanguage, translit } from './normalize.ts';
import { stem } from './stem.ts';

/** The sparse binary features of one message (duplicates removed). */
export function featuresOf(text: string, understanding: Understanding): string[] {
  const kazakh = detectLanguage(text) === 'kk';
  const latinRussian = !kazakh && detectLanguage(text) === 'ru';
  const features = new Set<string>(['bias']);
  const stems = understanding.tokens.map((token) => {
    const word = latinRussian && /^[a-z]+$/.test(token) ? translit(token) : token;
    return /^\d+$/.test(word) ? '<num>' : stem(word, kazakh);
  });
  for (const [i, s] of stems.entries()) {
    features.add(`w:${s}`);
    if (i > 0) features.add(`b:${stems[i - 1]}_${s}`);
  }
  if (stems.length > 0) features.add(`first:${stems[0]}`);
  for (const token of understanding.tokens) {
    if (/^\d+$/.test(token)) continue;
    const padded = ` ${token} `;
    for (let n = 3; n <= 4; n += 1)
      for (let k = 0; k + n <= padded.length; k += 1) features.add(`c:${padded.slice(k, k + n)}`);
  }
  for (const mention of understanding.mentions) features.add(`e:${mention.kind}`);
  const slots = understanding.slots;
  if (slots.price_max !== undefined || slots.price_min !== undefined) features.add('e:price');
  if (slots.order_ref || slots.tracking) features.add('e:order');
  if (slots.size) features.add('e:size');
  if (text.trim().endsWith('?')) features.add('e:question');
  if (understanding.tokens.length <= 2) features.add('e:short');
  return [...features];
}
