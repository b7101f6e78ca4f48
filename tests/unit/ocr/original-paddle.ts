import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { PaddleOcr, paddleAlphabet, sessionReader, type OrtRuntime } from '../../../src/engines/paddle/paddle-ocr';
import { PADDLE_ASSETS } from '../../../scripts/paddle/served-graphs';

/** PaddleOcr over the package's original graphs on onnxruntime-node, one thread, one line reader. */
export async function originalPaddleOcr(): Promise<PaddleOcr> {
  const options = { executionProviders: ['cpu'], intraOpNumThreads: 1 };
  const runtime = ort as unknown as OrtRuntime;
  const det = await ort.InferenceSession.create(`${PADDLE_ASSETS}/ch_PP-OCRv4_det_infer.onnx`, options);
  const rec = await ort.InferenceSession.create(`${PADDLE_ASSETS}/ch_PP-OCRv4_rec_infer.onnx`, options);
  const alphabet = paddleAlphabet(readFileSync(`${PADDLE_ASSETS}/ppocr_keys_v1.txt`, 'utf8'));
  return new PaddleOcr(runtime, det as never, [sessionReader(runtime, rec as never, alphabet)]);
}
