/** The labelled sets in `services/assistant/data/*.jsonl`: one request per line with intent and slots. */
import { readFileSync } from 'node:fs';
import type { Lang } from './normalize.ts';
import type { Slots } from './slots.ts';

/** What a relevant product looks like for a search request (all given fields must match). */
export interface RelevanceSpec {
  category?: string;
  brand?: string;
  colour?: string;
  maxPrice?: number;
  minPrice?: number;
  /** Hand-written demo products (numbers of `demoProductId`) that must be found. */
  demo?: number[];
}

export interface LabelledRequest {
  text: string;
  lang: Lang;
  intent: string;
  slots?: Slots;
  expect?: RelevanceSpec;
}

/** Reads one JSON-lines file (blank lines and `//` comments skipped). */
export function readJsonl(url: URL): LabelledRequest[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('//'))
    .map((line) => JSON.parse(line) as LabelledRequest);
}
