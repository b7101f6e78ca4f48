import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The graph after onnxruntime's graph optimizations, applied once at build time instead of in every session
 * the browser creates: the served graphs then open with optimizations off (PADDLE_SESSION_OPTIONS in
 * src/engines/paddle/paddle-ocr.ts), about two thirds of the time on a cold runtime for the same text
 * (bench/paddle-sessions.ts, docs/BENCHMARKS.md). 'extended' rather than 'all': the level above it adds
 * layout changes chosen for the machine that optimizes, which onnxruntime warns are not portable; the fused
 * operators of 'extended' are CPU kernels that onnxruntime-web's CPU backend has.
 */
export async function preOptimized(graph: Uint8Array): Promise<Uint8Array> {
  const ort = await import('onnxruntime-node').catch((error: unknown) => {
    throw new Error(
      `pre-optimize: onnxruntime-node, which optimizes PaddleOCR's graphs at build time, does not load on ${process.platform}-${process.arch}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const folder = mkdtempSync(join(tmpdir(), 'loupe-pre-optimize-'));
  try {
    const path = join(folder, 'optimized.onnx');
    const session = await ort.InferenceSession.create(graph, { executionProviders: ['cpu'], graphOptimizationLevel: 'extended', optimizedModelFilePath: path });
    await session.release();
    return readFileSync(path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
