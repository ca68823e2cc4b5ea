/**
 * How long the cascade layout takes on a large catalog: a synthetic five-level tree of 5,000
 * goals built in memory, laid out 7 times; prints the median (and the fastest and slowest).
 *
 *   node bench/layout.ts [goals]
 */
import { layoutCascade } from '../src/diagrams/cascade.ts';
import { syntheticCascade } from '../test/helpers/diagram-catalog.ts';

const goals = Number(process.argv[2] ?? 5000);
const RUNS = 7;
const catalog = syntheticCascade(goals, 7, 0.05);
layoutCascade(catalog); // warm up the JIT and d3's modules

const times: number[] = [];
let boxes = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const diagram = layoutCascade(catalog);
  times.push(performance.now() - start);
  boxes = diagram.nodes.length;
}
times.sort((a, b) => a - b);
const ms = (t: number) => `${t.toFixed(1)} ms`;
process.stdout.write(`cascade layout of ${catalog.goals.size} goals (${boxes} boxes): median ${ms(times[RUNS >> 1]!)} of ${RUNS} runs (fastest ${ms(times[0]!)}, slowest ${ms(times[RUNS - 1]!)})\n`);
