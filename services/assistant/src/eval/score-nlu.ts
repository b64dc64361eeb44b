/** Scores the NLU on a labelled set: intent accuracy and slot micro-F1 (slot=value pairs). */
import type { LabelledRequest } from '../nlu/dataset.ts';
import type { Nlu } from '../nlu/nlu.ts';
import type { Slots } from '../nlu/slots.ts';

/** The slots the evaluation scores (references and refinements are dialogue state, scored elsewhere). */
const SCORED: Array<keyof Slots> = [
  'category',
  'brand',
  'colour',
  'size',
  'price_min',
  'price_max',
  'sort',
  'order_ref',
];

function pairs(slots: Slots | undefined): Set<string> {
  const out = new Set<string>();
  if (!slots) return out;
  for (const key of SCORED) {
    const value = slots[key];
    if (typeof value === 'string' || typeof value === 'number')
      out.add(`${key}=${String(value).toLowerCase()}`);
  }
  for (const [name, value] of Object.entries(slots.attributes ?? {}))
    out.add(`attr.${name}=${value.toLowerCase()}`);
  return out;
}

export interface NluScore {
  requests: number;
  intentAccuracy: number;
  slotPrecision: number;
  slotRecall: number;
  slotF1: number;
  byLanguage: Record<string, { requests: number; intentAccuracy: number; slotF1: number }>;
  confusions: Array<{ text: string; expected: string; got: string }>;
  slotErrors: Array<{ text: string; missing: string[]; extra: string[] }>;
}

interface Tally {
  n: number;
  correct: number;
  tp: number;
  fp: number;
  fn: number;
}

const f1 = (t: Tally): number => {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** Reads every request and compares with its labels. */
export function scoreNlu(nlu: Nlu, set: LabelledRequest[]): NluScore {
  const all: Tally = { n: 0, correct: 0, tp: 0, fp: 0, fn: 0 };
  const perLang = new Map<string, Tally>();
  const confusions: NluScore['confusions'] = [];
  const slotErrors: NluScore['slotErrors'] = [];
  for (const request of set) {
    const reading = nlu.read(request.text);
    const lang = perLang.get(request.lang) ?? { n: 0, correct: 0, tp: 0, fp: 0, fn: 0 };
    perLang.set(request.lang, lang);
    const ok = reading.intent === request.intent;
    const expected = pairs(request.slots);
    const got = pairs(reading.slots);
    const tp = [...got].filter((p) => expected.has(p)).length;
    for (const tally of [all, lang]) {
      tally.n += 1;
      tally.correct += ok ? 1 : 0;
      tally.tp += tp;
      tally.fp += got.size - tp;
      tally.fn += expected.size - tp;
    }
    if (!ok) confusions.push({ text: request.text, expected: request.intent, got: reading.intent });
    if (tp !== got.size || tp !== expected.size)
      slotErrors.push({
        text: request.text,
        missing: [...expected].filter((p) => !got.has(p)),
        extra: [...got].filter((p) => !expected.has(p)),
      });
  }
  return {
    requests: all.n,
    intentAccuracy: all.correct / Math.max(1, all.n),
    slotPrecision: all.tp / Math.max(1, all.tp + all.fp),
    slotRecall: all.tp / Math.max(1, all.tp + all.fn),
    slotF1: f1(all),
    byLanguage: Object.fromEntries(
      [...perLang].map(([lang, t]) => [
        lang,
        { requests: t.n, intentAccuracy: t.correct / t.n, slotF1: f1(t) },
      ]),
    ),
    confusions,
    slotErrors,
  };
}
