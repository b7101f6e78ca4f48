// How long onnxruntime-web takes to open the PaddleOCR graphs on a cold runtime, as on a first visit: the served
// graphs optimized in the session ('all'), against the same graphs optimized at build time
// (scripts/paddle/pre-optimize.ts) and opened with optimizations off, as Loupe serves them. Each measurement is
// a fresh Node process (the runtime started, but nothing of it optimized yet), the two variants alternating; the first run
// of each graph is timed too, so time moved from opening to the first page would show.
// Usage: npx tsx bench/paddle-sessions.ts [--runs 5] [--out bench/out/paddle-sessions.json]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web';
import { PADDLE_ASSETS, rewritten, servedRecognizer } from '../scripts/paddle/served-graphs';
import { preOptimized } from '../scripts/paddle/pre-optimize';
import { model, node, valueInfo } from '../tests/fixtures/tiny-smolvlm/onnx-graph';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/out/paddle-sessions.json' },
    child: { type: 'string' },
    level: { type: 'string' },
    graph: { type: 'string' },
  },
});
const INPUT: Record<"det" | "rec", number[]> = { det: [1, 3, 960, 640], rec: [1, 3, 48, 320] };
type Kind = keyof typeof INPUT;

/** One cold measurement, in this process: open the graph, run it once. */
async function measureOnce(kind: Kind, graph: string, level: 'all' | 'disabled') {
  ort.env.wasm.numThreads = 1;
  // The first session of a process also starts onnxruntime's wasm: a one-node graph pays for that first.
  const identity = model({ name: 'identity', input: [valueInfo('x', 'float32', [1])], output: [valueInfo('y', 'float32', [1])], node: [node('Identity', ['x'], ['y'])] });
  await (await ort.InferenceSession.create(identity)).release();
  const bytes = readFileSync(graph);
  const start = performance.now();
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: level });
  const opened = performance.now();
  const dims = INPUT[kind];
  const data = new Float32Array(dims.reduce((a, b) => a * b)).map((_, i) => ((i * 7919) % 255) / 255 - 0.5);
  await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, dims) });
  return { openMs: opened - start, firstRunMs: performance.now() - opened };
}

if (args.child) {
  console.log(JSON.stringify(await measureOnce(args.child as Kind, args.graph!, args.level as 'all' | 'disabled')));
  process.exit(0);
}

const folder = mkdtempSync(join(tmpdir(), 'loupe-sessions-'));
const served = {
  det: rewritten(readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_det_infer.onnx'))),
  rec: servedRecognizer(readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'))),
};
const variants = [] as { name: string; kind: Kind; level: 'all' | 'disabled'; graph: string; runs: { openMs: number; firstRunMs: number }[] }[];
for (const kind of ['det', 'rec'] as const) {
  const path = (name: string) => join(folder, `${kind}-${name}.onnx`);
  writeFileSync(path('served'), served[kind]);
  writeFileSync(path('pre'), await preOptimized(served[kind]));
  variants.push({ name: `${kind}, optimized in the session`, kind, level: 'all', graph: path('served'), runs: [] });
  variants.push({ name: `${kind}, optimized at build time`, kind, level: 'disabled', graph: path('pre'), runs: [] });
}
const script = fileURLToPath(import.meta.url);
try {
  for (let run = 0; run < Number(args.runs); run++)
    for (const v of variants) {
      const output = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', v.kind, '--level', v.level, '--graph', v.graph], { encoding: 'utf8' });
      v.runs.push(JSON.parse(output.trim().split('\n').at(-1)!));
    }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const table = Object.fromEntries(
  variants.map((v) => [v.name, { 'open (ms)': Math.round(median(v.runs.map((r) => r.openMs))), 'first run (ms)': Math.round(median(v.runs.map((r) => r.firstRunMs))) }]),
);
console.log(`cold onnxruntime-web (1 thread) in a fresh Node process per measurement, medians of ${args.runs} runs:`);
console.table(table);
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, JSON.stringify({ runs: Number(args.runs), table, variants: variants.map(({ name, level, runs }) => ({ name, level, runs })) }, null, 2));
console.log(`wrote ${args.out}`);
