/**
 * Writes `data/train.jsonl`, the intent training set, from the phrase templates in en/ru/kk of
 * `data/train-templates.json` crossed with the lexicon (deterministic). The evaluation set (`data/eval.jsonl`) is written by hand with other wording.
 * Run: node --conditions=sauda-source --import tsx services/assistant/src/eval/generate-training.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PRODUCT_TYPES } from '../nlu/lexicon-data.ts';
import type { Lang } from '../nlu/normalize.ts';

type Templates = Record<Lang, string[]>;

const T = JSON.parse(
  readFileSync(new URL('../../data/train-templates.json', import.meta.url), 'utf8'),
) as Record<string, Templates>;

const BRANDS = [
  'Samsung',
  'Apple',
  'Xiaomi',
  'Sony',
  'JBL',
  'Lenovo',
  'Nike',
  'Adidas',
  'Tefal',
  'Bosch',
  'LEGO',
  'Columbia',
  'Philips',
  'самсунг',
  'сяоми',
];
const COLOURS: Record<Lang, string[]> = {
  en: ['black', 'white', 'red', 'blue', 'grey', 'green', 'beige'],
  ru: ['черный', 'белый', 'красный', 'синий', 'серый', 'зеленый', 'бежевый'],
  kk: ['қара', 'ақ', 'қызыл', 'көк', 'сұр', 'жасыл'],
};
const REFS = ['SD-7K3Q-91XM', 'SD-A2B4-C6D8', 'SD-QQ11-ZZ22', 'SD-9F8E-7D6C'];
const TRACKS = ['SD123456785KZ', 'SD000000017KZ'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

function fill(template: string, lang: Lang, i: number): string {
  const type = pick(PRODUCT_TYPES, i * 7 + 3);
  const forms = type[lang];
  return template
    .replaceAll('{type}', pick(forms, i))
    .replaceAll('{brand2}', pick(BRANDS, i + 3))
    .replaceAll('{brand}', pick(BRANDS, i))
    .replaceAll('{colour}', pick(COLOURS[lang], i))
    .replaceAll('{n}', String(pick([5, 10, 15, 20, 30, 50, 100, 150, 200], i)))
    .replaceAll('{m}', String(pick([60, 80, 250, 300, 400], i)))
    .replaceAll('{ref}', pick(REFS, i))
    .replaceAll('{track}', pick(TRACKS, i));
}

const lines: string[] = [];
for (const [intent, templates] of Object.entries(T)) {
  for (const lang of ['en', 'ru', 'kk'] as const) {
    const list = templates[lang];
    // Templates with slots are filled several times; fixed phrases appear a few times with variants.
    const rounds = intent === 'product_search' ? 6 : 3;
    for (let round = 0; round < rounds; round += 1) {
      for (const [k, template] of list.entries()) {
        const i = round * 31 + k * 5;
        let text = fill(template, lang, i);
        if (round === 1) text = text.charAt(0).toUpperCase() + text.slice(1);
        if (round === 2 && !/[?!]$/.test(text)) text = `${text}${intent === 'product_search' ? '' : '?'}`;
        lines.push(JSON.stringify({ text, lang, intent }));
      }
    }
  }
}
const unique = [...new Set(lines)];
writeFileSync(new URL('../../data/train.jsonl', import.meta.url), `${unique.join('\n')}\n`);
console.warn(`train.jsonl: ${unique.length} examples`);
