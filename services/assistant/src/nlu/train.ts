/**
 * Trains the intent model from `data/train.jsonl` (deterministic, well under two seconds of CPU): the
 * service does it at start; `npm run eval:assistant` reports how long it took.
 */
import { readJsonl } from './dataset.ts';
import { Lexicon } from './lexicon.ts';
import { createNlu, type Nlu } from './nlu.ts';

/** Where the labelled sets live, relative to this file. */
export const DATA_DIR = new URL('../../data/', import.meta.url);

/** Trains the NLU from the training set in `dataDir`, with the catalog's brands and category names. */
export function trainNlu(dataDir: URL = DATA_DIR, lexicon: Lexicon = new Lexicon()): Nlu {
  return createNlu(readJsonl(new URL('train.jsonl', dataDir)), lexicon);
}
