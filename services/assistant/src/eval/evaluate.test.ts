import { describe, expect, it } from 'vitest';
import { readJsonl } from '../nlu/dataset.ts';
import { DATA_DIR } from '../nlu/train.ts';
import { evaluate } from './evaluate.ts';

describe('the offline engine on a reduced evaluation set (every third request, 1,000 generated products)', () => {
  const set = readJsonl(new URL('eval.jsonl', DATA_DIR)).filter((_, i) => i % 3 === 0);
  const result = evaluate({ set, generated: 1000 });

  it('covers the three languages', () => {
    expect(Object.keys(result.nlu.byLanguage).sort()).toEqual(['en', 'kk', 'ru']);
  });

  it('meets the quality targets: intent ≥ 0.92, slot F1 ≥ 0.85, nDCG@10 ≥ 0.6', () => {
    expect(result.nlu.intentAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(result.nlu.slotF1).toBeGreaterThanOrEqual(0.85);
    expect(result.retrieval.ndcgAt10).toBeGreaterThanOrEqual(0.6);
  });
});
