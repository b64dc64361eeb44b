/**
 * Multinomial logistic regression over sparse binary features, trained by plain SGD with a seeded
 * shuffle: the same examples always give the same weights (no wall clock, no Math.random).
 */
import { seededRandom } from '@sauda/kit/random';

export interface TrainingExample {
  features: string[];
  label: string;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/** A trained intent model: `predict` answers the best label and the probability of each. */
export interface IntentModel {
  labels: readonly string[];
  featureCount: number;
  predict(features: string[]): { label: string; confidence: number; scores: Record<string, number> };
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  const out = new Float64Array(scores.length);
  for (let k = 0; k < scores.length; k += 1) {
    out[k] = Math.exp((scores[k] ?? 0) - max);
    sum += out[k] ?? 0;
  }
  for (let k = 0; k < out.length; k += 1) out[k] = (out[k] ?? 0) / sum;
  return out;
}

/** Trains the model on labelled feature lists. */
export function trainLogisticRegression(
  examples: TrainingExample[],
  options: TrainOptions = {},
): IntentModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const vocabulary = new Map<string, number>();
  const encoded = examples.map((example) => {
    const ids: number[] = [];
    for (const feature of example.features) {
      let id = vocabulary.get(feature);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(feature, id);
      }
      ids.push(id);
    }
    return { ids: Int32Array.from(ids), label: labelIndex.get(example.label) ?? 0 };
  });
  const classes = labels.length;
  const weights = new Float64Array(vocabulary.size * classes);
  const epochs = options.epochs ?? 25;
  const l2 = options.l2 ?? 1e-6;
  const rnd = seededRandom(options.seed ?? 20_261_121);
  const order = encoded.map((_, i) => i);
  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = (options.learningRate ?? 0.5) / (1 + epoch * 0.2);
    for (const index of order) {
      const example = encoded[index];
      if (!example) continue;
      const scale = 1 / Math.sqrt(example.ids.length);
      scores.fill(0);
      for (const id of example.ids)
        for (let k = 0; k < classes; k += 1)
          scores[k] = (scores[k] ?? 0) + (weights[id * classes + k] ?? 0) * scale;
      const probabilities = softmax(scores);
      for (let k = 0; k < classes; k += 1) {
        const gradient = (probabilities[k] ?? 0) - (k === example.label ? 1 : 0);
        for (const id of example.ids) {
          const w = id * classes + k;
          weights[w] = (weights[w] ?? 0) * (1 - rate * l2) - rate * gradient * scale;
        }
      }
    }
  }
  return {
    labels,
    featureCount: vocabulary.size,
    predict(features) {
      const ids = features.map((f) => vocabulary.get(f)).filter((id): id is number => id !== undefined);
      const local = new Float64Array(classes);
      const scale = 1 / Math.sqrt(Math.max(1, features.length));
      for (const id of ids)
        for (let k = 0; k < classes; k += 1)
          local[k] = (local[k] ?? 0) + (weights[id * classes + k] ?? 0) * scale;
      const probabilities = softmax(local);
      let best = 0;
      for (let k = 1; k < classes; k += 1) if ((probabilities[k] ?? 0) > (probabilities[best] ?? 0)) best = k;
      return {
        label: labels[best] ?? 'other',
        confidence: probabilities[best] ?? 0,
        scores: Object.fromEntries(labels.map((label, k) => [label, probabilities[k] ?? 0])),
      };
    },
  };
}
