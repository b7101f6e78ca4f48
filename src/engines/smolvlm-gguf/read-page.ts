import type { ChatCompletionChunk, ChatCompletionParams, StreamParams } from '@wllama/wllama';
import { abortError, throwIfAborted, type RecognizeOptions, type RecognizeResult, type RgbaImage } from '../engine';
import { isDegenerateLoop } from '../smolvlm/loop-guard';
import { TRANSCRIBE_PROMPT } from '../smolvlm/prompts';
import { modelImage } from './model-image';

/** What Loupe needs of wllama: one streamed chat completion. Tests in Node drive it with a fake. */
export interface ChatModel {
  createChatCompletion(options: ChatCompletionParams & StreamParams<ChatCompletionChunk>): Promise<void>;
}

export interface ReadPageOptions extends RecognizeOptions {
  prompt?: string;
  maxTokens?: number;
  /** A JSON schema the answer must follow: llama.cpp turns it into a grammar, so the answer always parses. */
  schema?: Record<string, unknown>;
  /** The long side the model's processor resizes a page to; larger pages are shrunk first (`model-image.ts`). */
  maxSide: number;
}

/**
 * Reads one page with a GGUF SmolVLM: the image and the question in one user turn (llama.cpp's
 * multimodal library slices the image as the model was trained), tokens streamed into the view as
 * they come, cancel between tokens, the loop guard, and the same timings as the ONNX runtime where
 * llama.cpp reports them.
 */
export async function readPage(model: ChatModel, image: RgbaImage, options: ReadPageOptions): Promise<RecognizeResult> {
  const { signal, onPartial, prompt = TRANSCRIBE_PROMPT, maxTokens = 1024, schema, maxSide } = options;
  throwIfAborted(signal);
  const started = performance.now();
  const { bytes } = modelImage(image, maxSide);
  const prepared = performance.now();

  // The loop guard compares tokens; a streamed piece stands for its token (the same text, the same id).
  const ids = new Map<string, number>();
  const pieces: number[] = [];
  const tokenTimes: number[] = [];
  let text = '';
  let looped = false;
  let timings: ChatCompletionChunk['timings'];
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await model.createChatCompletion({
      messages: [{ role: 'user', content: [{ type: 'image', data: bytes.buffer }, { type: 'text', text: prompt }] }],
      stream: true,
      max_tokens: maxTokens,
      temperature: 0,
      abortSignal: stop.signal,
      // Streamed chunks carry llama.cpp's own prompt and token timings only when asked.
      timings_per_token: true,
      ...(schema && { response_format: { type: 'json_schema', json_schema: { name: 'receipt', schema, strict: true } } }),
      onData: (chunk) => {
        timings = chunk.timings ?? timings;
        const piece = chunk.choices[0]?.delta?.content;
        if (!piece) return;
        tokenTimes.push(performance.now());
        text += piece;
        onPartial?.(text);
        if (!ids.has(piece)) ids.set(piece, ids.size);
        pieces.push(ids.get(piece)!);
        if (isDegenerateLoop(pieces)) {
          looped = true;
          stop.abort();
        }
      },
    });
  } catch (error) {
    if (!(stop.signal.aborted && looped && !signal?.aborted)) {
      if (signal?.aborted || (error as Error)?.name === 'AbortError') throw abortError();
      throw error;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw abortError();

  const done = performance.now();
  const [first = done] = tokenTimes;
  const decode = tokenTimes.length > 1 ? (tokenTimes.at(-1)! - first) / (tokenTimes.length - 1) : 0;
  return {
    text: text.trim(),
    lines: [],
    timings: {
      preprocess: prepared - started,
      timeToFirstToken: first - prepared,
      // llama.cpp's prompt processing: the image slices encoded and decoded, then the prompt's tokens.
      // It does not report image encoding apart from it.
      prefill: timings?.prompt_ms ?? Math.max(0, first - prepared),
      promptTokens: timings?.prompt_n ?? 0,
      decodePerToken: decode,
      // The model's own time per token, as llama.cpp measures it: the difference to decodePerToken is the loop's.
      decoderRunPerToken: timings?.predicted_per_token_ms ?? 0,
      loopOverheadPerToken: decode && timings?.predicted_per_token_ms ? Math.max(0, decode - timings.predicted_per_token_ms) : 0,
      tokensPerSecond: decode ? 1000 / decode : 0,
      tokens: tokenTimes.length,
      loopStopped: looped ? 1 : 0,
      total: done - started,
    },
  };
}
