/** One evaluation run: trains the NLU, builds the demo index in-process, scores NLU and retrieval. */
import { readJsonl, type LabelledRequest } from '../nlu/dataset.ts';
import { Lexicon } from '../nlu/lexicon.ts';
import { createNlu } from '../nlu/nlu.ts';
import { DATA_DIR } from '../nlu/train.ts';
import { CatalogIndex } from '../retrieval/catalog-index.ts';
import { searchRequestOf } from '../retrieval/search-request.ts';
import { demoCatalog, demoCategoryNames } from './demo-catalog.ts';
import { scoreNlu, type NluScore } from './score-nlu.ts';
import { scoreRetrieval, type RetrievalScore } from './score-retrieval.ts';

export interface Evaluation {
  nlu: NluScore;
  retrieval: RetrievalScore;
  catalogSize: number;
  trainingExamples: number;
  timings: { trainMs: number; indexMs: number };
}

/** Evaluates on `set` (default: the full `data/eval.jsonl`) against the demo catalog of `generated` products. */
export function evaluate(options: { set?: LabelledRequest[]; generated?: number } = {}): Evaluation {
  const training = readJsonl(new URL('train.jsonl', DATA_DIR));
  const set = options.set ?? readJsonl(new URL('eval.jsonl', DATA_DIR));
  const catalog = demoCatalog(options.generated ?? 5000);
  const lexicon = new Lexicon(catalog.map((p) => p.brand ?? '').filter(Boolean), demoCategoryNames());
  let since = performance.now();
  const nlu = createNlu(training, lexicon);
  const trainMs = performance.now() - since;
  since = performance.now();
  const index = new CatalogIndex(lexicon);
  for (const product of catalog) index.upsert(product);
  index.buildVectors();
  const indexMs = performance.now() - since;
  const retrieval = scoreRetrieval(set, catalog, (text) => {
    const reading = nlu.read(text);
    return index.search(searchRequestOf(text, reading.slots)).hits;
  });
  return {
    nlu: scoreNlu(nlu, set),
    retrieval,
    catalogSize: catalog.length,
    trainingExamples: training.length,
    timings: { trainMs: Math.round(trainMs), indexMs: Math.round(indexMs) },
  };
}
