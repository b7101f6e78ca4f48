import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { PaddleOcr, paddleAlphabet, sessionReader, type OrtRuntime } from '../../src/engines/paddle/paddle-ocr';
import { PADDLE_ASSETS, rewritten, servedRecognizer } from './served-graphs';

/** Which recognizer graph to read lines with: the int8 one Loupe serves, or the float one it replaced. */
export type RecognizerKind = 'served' | 'rewritten float';

const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } as const;

/**
 * The PaddleOcr class the browser engine uses, on onnxruntime-web's WASM backend in Node, with the detector Loupe
 * serves: for accuracy loops over many images (its timings are not the browser's).
 */
export async function paddleInNode(kinds: readonly RecognizerKind[] = ['served']): Promise<Map<RecognizerKind, PaddleOcr>> {
  ort.env.wasm.numThreads = 2;
  const runtime = ort as unknown as OrtRuntime;
  const originalRec = readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'));
  const det = await ort.InferenceSession.create(rewritten(readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_det_infer.onnx'))), options);
  const alphabet = paddleAlphabet(readFileSync(join(PADDLE_ASSETS, 'ppocr_keys_v1.txt'), 'utf8'));
  const engines = new Map<RecognizerKind, PaddleOcr>();
  for (const kind of kinds) {
    const bytes = kind === 'served' ? servedRecognizer(originalRec) : rewritten(originalRec);
    const rec = await ort.InferenceSession.create(bytes, options);
    engines.set(kind, new PaddleOcr(runtime, det as never, [sessionReader(runtime, rec as never, alphabet)]));
  }
  return engines;
}
