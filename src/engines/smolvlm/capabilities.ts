import { catalogueEntry, downloadMegabytes, type DtypePlan } from './catalogue';
import { ggufCatalogueEntry, ggufDownloadMegabytes } from '../smolvlm-gguf/catalogue';
import { hasJspi, hasMemory64, llamaUnsupported } from '../smolvlm-gguf/support';

/** What this device offers a vision-language model; `probeCapabilities` fills it in a browser. */
export interface Capabilities {
  webgpu:
    | {
        /** A software adapter (SwiftShader, WARP): WebGPU works but is slower than WASM. */
        fallback: boolean;
        shaderF16: boolean;
        /** Bytes; the largest single buffer the adapter allows. */
        maxBufferSize: number;
        maxStorageBufferBindingSize: number;
        description: string;
      }
    | undefined;
  /** `navigator.deviceMemory` in GiB (Chromium only, rounded and capped); undefined where unknown. */
  deviceMemoryGiB: number | undefined;
  cores: number;
  /** `crossOriginIsolated`: llama.cpp's wasm needs SharedArrayBuffer, which only an isolated page gets. */
  isolated: boolean;
  /** WebAssembly Memory64 and JSPI, which llama.cpp's wasm build needs (not in Safari; JSPI from Chromium 137). */
  memory64: boolean;
  jspi: boolean;
}

export interface Recommendation {
  modelId: string;
  /** Which runtime serves the model: llama.cpp for GGUF, onnxruntime for the transformers.js layout. */
  runtime: 'gguf' | 'onnx';
  /** The ONNX model of the same size: kept where it was downloaded before the GGUF runtime existed. */
  onnxModelId: string;
  device: 'webgpu' | 'wasm';
  dtype: DtypePlan;
  /** Plain sentences shown to the user: why this model, device and precision. */
  reasons: string[];
}

/**
 * Per-sub-model precision for a device. Token embeddings are a lookup table that 4-bit quantization
 * does not shrink, so they get fp16 or 8-bit; the decoder, most of the download, gets 4-bit.
 */
export function dtypePlanFor(device: 'webgpu' | 'wasm', shaderF16: boolean): DtypePlan {
  if (device === 'webgpu' && shaderF16) return { vision_encoder: 'fp16', embed_tokens: 'fp16', decoder_model_merged: 'q4f16' };
  // WebGPU without shader-f16 cannot run fp16 kernels; WASM runs 8-bit and 4-bit matmuls natively.
  if (device === 'webgpu') return { vision_encoder: 'fp32', embed_tokens: 'fp32', decoder_model_merged: 'q4' };
  return { vision_encoder: 'q8', embed_tokens: 'q8', decoder_model_merged: 'q4' };
}

const GIB = 1024 ** 3;

/**
 * The model, device and precision Loupe suggests for these capabilities. GGUF (llama.cpp) wherever the
 * page is cross-origin isolated, since SmolVLM2 2.2B is published only as GGUF; the 2.2B model only where
 * a hardware GPU with plenty of memory can hold it; 500M where there is room; 256M otherwise.
 */
export function recommend(caps: Capabilities): Recommendation {
  const reasons: string[] = [];
  const gpu = caps.webgpu;
  let device: Recommendation['device'] = 'wasm';
  if (!gpu) reasons.push('This browser offers no WebGPU adapter, so the model runs on the CPU (WASM).');
  else if (gpu.fallback) reasons.push(`The only WebGPU adapter is a software one${gpu.description ? ` (${gpu.description})` : ''}, slower than WASM, so the model runs on the CPU (WASM).`);
  else {
    device = 'webgpu';
    reasons.push(`A WebGPU adapter is available${gpu.description ? ` (${gpu.description})` : ''}, so the model runs on the GPU.`);
  }
  const f16 = device === 'webgpu' && gpu!.shaderF16;
  const noLlama = llamaUnsupported(caps);
  const runtime = noLlama ? 'onnx' : 'gguf';
  if (device === 'webgpu' && runtime === 'onnx') reasons.push(f16 ? 'It supports shader-f16: half-precision weights (q4f16).' : 'It lacks shader-f16: 4-bit weights with 32-bit activations (q4).');
  const dtype = dtypePlanFor(device, f16);

  const memory = caps.deviceMemoryGiB;
  const memoryText = memory === undefined ? 'unknown memory' : `about ${memory} GiB of memory`;
  const bigBuffers = (gpu?.maxBufferSize ?? 0) >= GIB;
  reasons.push(
    noLlama
      ? `llama.cpp (the GGUF runtime) cannot run here, so onnxruntime serves the model: ${noLlama.reason}.`
      : `llama.cpp runs the model from its published GGUF files (${device === 'webgpu' ? 'every layer on the GPU' : `${Math.min(4, caps.cores)} threads on the CPU`}); SmolVLM2 2.2B is published only as GGUF.`,
  );
  const tier = (large: boolean, medium: boolean) => (large ? 'large' : medium ? 'medium' : 'small');
  const size = tier(
    device === 'webgpu' && bigBuffers && (memory === undefined || memory >= 8) && (runtime === 'gguf' || f16),
    device === 'webgpu' ? (memory ?? 4) >= 4 : (memory ?? 4) >= 8 && caps.cores >= 8,
  );
  const onnxIds = { large: 'smolvlm-2b', medium: 'smolvlm2-500m', small: 'smolvlm2-256m' };
  const ids = runtime === 'gguf' ? { large: 'smolvlm2-2b-gguf', medium: 'smolvlm2-500m-gguf', small: 'smolvlm2-256m-gguf' } : onnxIds;
  const modelId = ids[size];
  if (size === 'large') reasons.push(`With ${memoryText} and 1 GiB GPU buffers, the 2.2B model fits; it reads small print best.`);
  else if (size === 'medium') reasons.push(`With ${memoryText}${device === 'wasm' ? ` and ${caps.cores} CPU cores` : ''}, SmolVLM2 500M fits comfortably.`);
  else
    reasons.push(
      device === 'wasm'
        ? `On the CPU with ${caps.cores} cores and ${memoryText}, the smallest model, SmolVLM2 256M, keeps a page to about a minute; larger ones take several.`
        : `With ${memoryText}, the smallest model, SmolVLM2 256M, keeps memory low.`,
    );
  const gguf = ggufCatalogueEntry(modelId);
  reasons.push(`Download: about ${formatMegabytes(gguf ? ggufDownloadMegabytes(gguf) : downloadMegabytes(catalogueEntry(modelId)!, dtype))}, once.`);
  return { modelId, runtime, onnxModelId: onnxIds[size], device, dtype, reasons };
}

export function formatMegabytes(mb: number): string {
  return mb >= 1000 ? `${(mb / 1000).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}

type GpuLike = {
  requestAdapter(): Promise<{
    features: { has(name: string): boolean };
    limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
    info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
    isFallbackAdapter?: boolean;
  } | null>;
};

/** Asks the browser once; a failing or missing WebGPU is simply "no adapter". */
export async function probeCapabilities(nav: Navigator = navigator): Promise<Capabilities> {
  const gpu = (nav as Navigator & { gpu?: GpuLike }).gpu;
  const adapter = await gpu?.requestAdapter().catch(() => null);
  const info = adapter?.info;
  return {
    webgpu: adapter
      ? {
          fallback: Boolean(adapter.isFallbackAdapter ?? info?.isFallbackAdapter),
          shaderF16: adapter.features.has('shader-f16'),
          maxBufferSize: adapter.limits.maxBufferSize,
          maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
          description: [info?.vendor, info?.architecture || info?.description].filter(Boolean).join(' '),
        }
      : undefined,
    deviceMemoryGiB: (nav as Navigator & { deviceMemory?: number }).deviceMemory,
    cores: nav.hardwareConcurrency || 1,
    isolated: globalThis.crossOriginIsolated === true,
    memory64: hasMemory64(),
    jspi: hasJspi(),
  };
}
