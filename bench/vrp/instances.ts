/**
 * Readers for the two public benchmark formats: Solomon VRPTW text files (travel = Euclidean distance in
 * double precision) and CVRPLIB/TSPLIB EUC_2D files (each edge rounded to the nearest integer).
 */
import type { VrpProblem } from '@sauda/vrp';

/** A benchmark instance: coordinates and rules kept for the independent checker, plus the solver's problem. */
export interface Instance {
  name: string;
  format: 'solomon' | 'cvrplib';
  x: number[];
  y: number[];
  /** Node 0 is the depot; customers are 1..n. */
  demand: number[];
  ready: number[];
  due: number[];
  service: number[];
  capacity: number;
  fleet: number;
  rounded: boolean;
  problem: VrpProblem;
}

/** Travel between two nodes under the instance's own rule. */
export function edge(instance: Instance, a: number, b: number): number {
  const d = Math.hypot(instance.x[a]! - instance.x[b]!, instance.y[a]! - instance.y[b]!);
  return instance.rounded ? Math.round(d) : d;
}

export function parseSolomon(name: string, text: string): Instance {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const vehicleLine = lines.findIndex((line) => line.startsWith('NUMBER'));
  const [fleet, capacity] = lines[vehicleLine + 1]!.split(/\s+/).map(Number) as [number, number];
  const rows = lines
    .slice(lines.findIndex((line) => line.startsWith('CUST')) + 1)
    .filter((line) => /^\d/.test(line))
    .map((line) => line.split(/\s+/).map(Number));
  const column = (k: number): number[] => rows.map((row) => row[k]!);
  const instance: Omit<Instance, 'problem'> = {
    name,
    format: 'solomon',
    x: column(1),
    y: column(2),
    demand: column(3),
    ready: column(4),
    due: column(5),
    service: column(6),
    capacity,
    fleet,
    rounded: false,
  };
  return { ...instance, problem: toProblem(instance) };
}

export function parseCvrplib(name: string, text: string): Instance {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const header = (key: string): string =>
    lines
      .find((line) => line.startsWith(key))
      ?.split(':')[1]
      ?.trim() ?? '';
  const dimension = Number(header('DIMENSION'));
  const capacity = Number(header('CAPACITY'));
  if (!header('EDGE_WEIGHT_TYPE').startsWith('EUC_2D')) throw new Error(`${name}: only EUC_2D is supported`);
  const section = (title: string): number[][] => {
    const from = lines.findIndex((line) => line.startsWith(title)) + 1;
    return lines.slice(from, from + dimension).map((line) => line.split(/\s+/).map(Number));
  };
  const coords = section('NODE_COORD_SECTION');
  const demands = new Map(section('DEMAND_SECTION').map((row) => [row[0]!, row[1]!]));
  const depotId = Number(lines[lines.findIndex((line) => line.startsWith('DEPOT_SECTION')) + 1]);
  // The depot becomes node 0, customers keep their file order.
  const order = [coords.find((row) => row[0] === depotId)!, ...coords.filter((row) => row[0] !== depotId)];
  const instance: Omit<Instance, 'problem'> = {
    name,
    format: 'cvrplib',
    x: order.map((row) => row[1]!),
    y: order.map((row) => row[2]!),
    demand: order.map((row, i) => (i === 0 ? 0 : (demands.get(row[0]!) ?? 0))),
    ready: order.map(() => 0),
    due: order.map(() => Infinity),
    service: order.map(() => 0),
    capacity,
    // CVRPLIB's optimal values use exactly the k vehicles the name gives (A-n32-k5).
    fleet: Number(/-k(\d+)/.exec(name)?.[1] ?? dimension - 1),
    rounded: true,
  };
  return { ...instance, problem: toProblem(instance) };
}

function toProblem(instance: Omit<Instance, 'problem'>): VrpProblem {
  const size = instance.x.length;
  const matrix = new Float64Array(size * size);
  const probe = { ...instance, problem: undefined as unknown as VrpProblem };
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) matrix[a * size + b] = edge(probe, a, b);
  return {
    vehicles: Array.from({ length: instance.fleet }, (_, v) => ({
      id: `v${v + 1}`,
      capacity: [instance.capacity],
      startLocation: 0,
      endLocation: 0,
      shiftStart: instance.ready[0]!,
      shiftEnd: instance.due[0]!,
    })),
    jobs: Array.from({ length: size - 1 }, (_, i) => ({
      id: String(i + 1),
      location: i + 1,
      demand: [instance.demand[i + 1]!],
      serviceTime: instance.service[i + 1]!,
      windows: [[instance.ready[i + 1]!, instance.due[i + 1]!]],
    })),
    durations: matrix,
    distances: matrix,
  };
}
