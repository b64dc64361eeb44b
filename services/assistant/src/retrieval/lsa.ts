/**
 * Latent semantic analysis learned from the catalog itself: a truncated SVD of the TF-IDF term-product
 * matrix by randomized subspace iteration (seeded, so deterministic). Products and queries are folded
 * into the same space by summing their terms' vectors, so new products join without a rebuild.
 */
import { seededRandom } from '@sauda/kit/random';

export interface SparseRow {
  ids: Int32Array;
  weights: Float32Array;
}

/** Seeded numbers in [-0.5, 0.5). */
function random(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() - 0.5;
}

/** Orthonormalises the columns of an m×l column-major matrix in place (modified Gram-Schmidt). */
function orthonormalise(q: Float64Array, m: number, l: number): void {
  for (let j = 0; j < l; j += 1) {
    const cj = j * m;
    for (let i = 0; i < j; i += 1) {
      const ci = i * m;
      let dot = 0;
      for (let r = 0; r < m; r += 1) dot += (q[ci + r] ?? 0) * (q[cj + r] ?? 0);
      for (let r = 0; r < m; r += 1) q[cj + r] = (q[cj + r] ?? 0) - dot * (q[ci + r] ?? 0);
    }
    let norm = 0;
    for (let r = 0; r < m; r += 1) norm += (q[cj + r] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < m; r += 1) q[cj + r] = (q[cj + r] ?? 0) / norm;
  }
}

/** A·Q for rows (n×m sparse) and Q (m×l column-major) → n×l column-major. */
function multiply(rows: SparseRow[], q: Float64Array, m: number, l: number): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n * l);
  for (let d = 0; d < n; d += 1) {
    const row = rows[d];
    if (!row) continue;
    for (let k = 0; k < row.ids.length; k += 1) {
      const term = row.ids[k] ?? 0;
      const w = row.weights[k] ?? 0;
      for (let j = 0; j < l; j += 1) out[j * n + d] = (out[j * n + d] ?? 0) + w * (q[j * m + term] ?? 0);
    }
  }
  return out;
}

/** Aᵀ·B for rows (n×m sparse) and B (n×l column-major) → m×l column-major. */
function multiplyTransposed(rows: SparseRow[], b: Float64Array, m: number, l: number): Float64Array {
  const n = rows.length;
  const out = new Float64Array(m * l);
  for (let d = 0; d < n; d += 1) {
    const row = rows[d];
    if (!row) continue;
    for (let k = 0; k < row.ids.length; k += 1) {
      const term = row.ids[k] ?? 0;
      const w = row.weights[k] ?? 0;
      for (let j = 0; j < l; j += 1) out[j * m + term] = (out[j * m + term] ?? 0) + w * (b[j * n + d] ?? 0);
    }
  }
  return out;
}

/** Eigenvectors of a small symmetric l×l matrix (cyclic Jacobi), sorted by eigenvalue, largest first. */
function symmetricEigen(c: Float64Array, l: number): { values: number[]; vectors: Float64Array } {
  const a = new Float64Array(c);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i += 1) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 30; sweep += 1) {
    let off = 0;
    for (let p = 0; p < l; p += 1) for (let q = p + 1; q < l; q += 1) off += (a[p * l + q] ?? 0) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p += 1) {
      for (let q = p + 1; q < l; q += 1) {
        const apq = a[p * l + q] ?? 0;
        if (Math.abs(apq) < 1e-14) continue;
        const theta = ((a[q * l + q] ?? 0) - (a[p * l + p] ?? 0)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(t * t + 1);
        const sin = t * cos;
        for (let k = 0; k < l; k += 1) {
          const akp = a[k * l + p] ?? 0;
          const akq = a[k * l + q] ?? 0;
          a[k * l + p] = cos * akp - sin * akq;
          a[k * l + q] = sin * akp + cos * akq;
        }
        for (let k = 0; k < l; k += 1) {
          const apk = a[p * l + k] ?? 0;
          const aqk = a[q * l + k] ?? 0;
          a[p * l + k] = cos * apk - sin * aqk;
          a[q * l + k] = sin * apk + cos * aqk;
        }
        for (let k = 0; k < l; k += 1) {
          const vkp = v[k * l + p] ?? 0;
          const vkq = v[k * l + q] ?? 0;
          v[k * l + p] = cos * vkp - sin * vkq;
          v[k * l + q] = sin * vkp + cos * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort(
    (x, y) => (a[y * l + y] ?? 0) - (a[x * l + x] ?? 0),
  );
  const vectors = new Float64Array(l * l);
  order.forEach((from, to) => {
    for (let k = 0; k < l; k += 1) vectors[to * l + k] = v[k * l + from] ?? 0;
  });
  return { values: order.map((i) => a[i * l + i] ?? 0), vectors };
}

/** Term vectors (m × k, row-major Float32) of the top-k right singular vectors of the TF-IDF matrix. */
export function learnTermVectors(rows: SparseRow[], termCount: number, k: number, seed = 7): Float32Array {
  const l = k + 8;
  const m = termCount;
  const rnd = random(seed);
  let q: Float64Array = new Float64Array(m * l);
  for (let i = 0; i < q.length; i += 1) q[i] = rnd();
  orthonormalise(q, m, l);
  for (let iteration = 0; iteration < 2; iteration += 1) {
    q = multiplyTransposed(rows, multiply(rows, q, m, l), m, l);
    orthonormalise(q, m, l);
  }
  const b = multiply(rows, q, m, l);
  const n = rows.length;
  const c = new Float64Array(l * l);
  for (let i = 0; i < l; i += 1)
    for (let j = i; j < l; j += 1) {
      let dot = 0;
      for (let d = 0; d < n; d += 1) dot += (b[i * n + d] ?? 0) * (b[j * n + d] ?? 0);
      c[i * l + j] = dot;
      c[j * l + i] = dot;
    }
  const { vectors } = symmetricEigen(c, l);
  // V = Q·W, keeping the first k eigenvectors; stored row-major by term.
  const out = new Float32Array(m * k);
  for (let term = 0; term < m; term += 1)
    for (let j = 0; j < k; j += 1) {
      let sum = 0;
      for (let i = 0; i < l; i += 1) sum += (q[i * m + term] ?? 0) * (vectors[j * l + i] ?? 0);
      out[term * k + j] = sum;
    }
  return out;
}

/** Folds a sparse TF-IDF vector into the latent space (unit length; zeros when no term is known). */
export function foldIn(
  row: SparseRow,
  termVectors: Float32Array,
  k: number,
  into = new Float32Array(k),
): Float32Array {
  into.fill(0);
  for (let i = 0; i < row.ids.length; i += 1) {
    const base = (row.ids[i] ?? 0) * k;
    const w = row.weights[i] ?? 0;
    for (let j = 0; j < k; j += 1) into[j] = (into[j] ?? 0) + w * (termVectors[base + j] ?? 0);
  }
  let norm = 0;
  for (let j = 0; j < k; j += 1) norm += (into[j] ?? 0) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < k; j += 1) into[j] = (into[j] ?? 0) / norm;
  return into;
}
