/**
 * Price limits from free text in en/ru/kk: "under 20 000 tenge", "до 20 тысяч", "20 мыңға дейін",
 * "from 5k to 15k", "дешевле 30000", "50 000 теңгеден арзан". Amounts come back in tenge (major units).
 */
import { fold, translit } from './normalize.ts';

export interface PriceLimits {
  min?: number;
  max?: number;
}

const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(k|к|тыс|тысяч|тысячи|тысяча|тыщ|thousand|thousands|мың)/, 1000],
  [/^(млн|миллион|million|millions|m)$/, 1_000_000],
  [/^(млн|миллион)/, 1_000_000],
];
const CURRENCY = /^(тг|тенге|теңге|tenge|kzt|₸|t)/;
const MAX_BEFORE = new Set([
  'до',
  'under',
  'below',
  'upto',
  'max',
  'maximum',
  'within',
  'budget',
  'бюджет',
  'дешевле',
  'cheaper',
  'less',
  'меньше',
  'максимум',
  'пределах',
  'около',
  'around',
  'about',
  'примерно',
  'за',
  'for',
  'шамамен',
]);
const MIN_BEFORE = new Set([
  'от',
  'from',
  'over',
  'above',
  'дороже',
  'больше',
  'более',
  'свыше',
  'выше',
  'минимум',
  'least',
  'min',
  'minimum',
  'between',
  'с',
]);
const MAX_AFTER = /^(дейін|шейін|арзан|аспайтын|аспайды|төмен|кем|less|or less|cheaper)/;
const MIN_AFTER = /^(бастап|жоғары|қымбат|астам|артық|more|plus)/;
const SKIP = new Set(['than', 'чем', 'the', 'of', 'a', 'не', 'no', 'to', 'up', 'at', 'most', 'or']);

/** Joins digit groups ("20 000" → "20000", "1.5" kept) and splits digits from glued units ("20к" → "20 к"). */
export function joinDigitGroups(folded: string): string {
  return folded
    .replace(/(\d)[ .,](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)[ .,](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)([^\d\s.,%-])/g, '$1 $2');
}

interface NumberToken {
  index: number;
  value: number;
  multiplier: number;
  /** A multiplier or currency follows: it is money even without a direction word. */
  money: boolean;
  /** Index of the first token after the number and its unit words. */
  after: number;
}

function readNumbers(tokens: string[]): NumberToken[] {
  const numbers: NumberToken[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (!/^\d+([.,]\d+)?$/.test(token)) continue;
    let money = false;
    let j = i + 1;
    const unit = tokens[j] ?? '';
    const found = MULTIPLIERS.find(([pattern]) => pattern.test(unit) || pattern.test(translit(unit)));
    if (found) {
      money = true;
      j += 1;
    }
    if (CURRENCY.test(tokens[j] ?? '')) {
      money = true;
      j += 1;
    }
    numbers.push({
      index: i,
      value: Number(token.replace(',', '.')),
      multiplier: found?.[1] ?? 1,
      money,
      after: j,
    });
  }
  // "от 10 до 20 тысяч", "10-20 мың", "5 to 15k": a bare first number borrows the second one's multiplier.
  for (const [n, number] of numbers.entries()) {
    const next = numbers[n + 1];
    if (number.multiplier === 1 && next && next.multiplier > 1 && next.index - number.after <= 1)
      number.multiplier = next.multiplier;
  }
  return numbers;
}

function directionBefore(tokens: string[], index: number): 'min' | 'max' | undefined {
  for (let k = index - 1; k >= Math.max(0, index - 3); k -= 1) {
    const word = tokens[k] ?? '';
    const latin = translit(word);
    if (word === 'to' && tokens[k - 1] === 'up') return 'max';
    if (SKIP.has(word)) continue;
    if (['more', 'больше', 'более', 'дороже'].includes(word))
      return tokens[k - 1] === 'no' || tokens[k - 1] === 'не' ? 'max' : 'min';
    if (MAX_BEFORE.has(word) || MAX_BEFORE.has(latin)) return 'max';
    if (MIN_BEFORE.has(word) || MIN_BEFORE.has(latin)) return 'min';
    return undefined;
  }
  return undefined;
}

function directionAfter(tokens: string[], after: number, numberIndex: number): 'min' | 'max' | undefined {
  const unit = tokens[after - 1] ?? '';
  const next = tokens[after] ?? '';
  // "20 мыңға дейін", "50 000 теңгеден арзан", "10k or less", "5000 and more".
  const candidates = [next, `${next} ${tokens[after + 1] ?? ''}`.trim()];
  if (after === numberIndex + 1 && /^(ға|ге|қа|ке|дан|ден|тан|тен|нан|нен)$/.test(next)) return undefined;
  for (const word of candidates) {
    if (MAX_AFTER.test(word) || word === 'or less' || word === 'and less') return 'max';
    if (MIN_AFTER.test(word) || word === 'or more' || word === 'and more' || word === 'and above')
      return 'min';
  }
  if (/(дан|ден|тан|тен|нан|нен)$/.test(unit) && /^(арзан|төмен)/.test(next)) return 'max';
  // "100 мыңнан 200 мыңға дейін": an ablative followed by another number opens a range.
  if (/(дан|ден|тан|тен|нан|нен)$/.test(unit) && /^\d/.test(next)) return 'min';
  return undefined;
}

/** The price limits a message states, in tenge; empty when it states none. */
export function parsePriceLimits(text: string): PriceLimits {
  // Order codes and tracking numbers hold digits that are no prices.
  const cleaned = fold(text).replace(/\b[a-z]{2}-[a-z0-9]{4}-[a-z0-9]{4}\b|\b[a-z]{2}\d{9}[a-z]{2}\b/g, ' ');
  const tokens = joinDigitGroups(cleaned).match(/\d+(?:[.,]\d+)?|\p{L}+/gu) ?? [];
  const limits: PriceLimits = {};
  const numbers = readNumbers(tokens);
  for (const [n, number] of numbers.entries()) {
    const value = Math.round(number.value * number.multiplier);
    const previous = numbers[n - 1];
    const connector = tokens[number.index - 1] ?? '';
    const ranged =
      previous !== undefined &&
      number.index - previous.after <= 1 &&
      /^(and|и|to|мен|по)$|^$/.test(previous.after === number.index ? '' : connector);
    const direction =
      directionBefore(tokens, number.index) ??
      directionAfter(tokens, number.after, number.index) ??
      (ranged && limits.min !== undefined && limits.max === undefined ? 'max' : undefined);
    const money = number.money || number.multiplier > 1;
    if (!direction && !money) continue;
    if (value < 100) continue;
    if (direction === 'min') limits.min = value;
    else if (ranged && limits.max !== undefined && limits.min === undefined && direction !== 'max') {
      limits.min = limits.max;
      limits.max = value;
    } else if (ranged && previous && !direction && limits.min === undefined) {
      limits.min = Math.round(previous.value * previous.multiplier);
      limits.max = value;
    } else limits.max = value;
  }
  if (limits.min !== undefined && limits.max !== undefined && limits.min > limits.max) {
    [limits.min, limits.max] = [limits.max, limits.min];
  }
  return limits;
}
