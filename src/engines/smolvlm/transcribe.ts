import {
  InterruptableStoppingCriteria,
  RawImage,
  StoppingCriteria,
  StoppingCriteriaList,
  BaseStreamer,
  type PreTrainedModel,
  type Processor,
  type Tensor,
} from '@huggingface/transformers';
import { abortError, throwIfAborted, type RecognizeOptions, type RecognizeResult, type RgbaImage } from '../engine';
import { isDegenerateLoop } from './loop-guard';
import { TRANSCRIBE_PROMPT } from './prompts';


export interface LoadedVlm {
  processor: Processor;
  model: PreTrainedModel;
}

/** Stops generation once the tokens generated so far fall into a loop. */
class LoopGuard extends StoppingCriteria {
  tripped = false;
  constructor(private readonly promptLength: number) {
    super();
  }
  override _call(inputIds: number[][]): boolean[] {
    return inputIds.map((ids) => (this.tripped ||= isDegenerateLoop(ids.slice(this.promptLength))));
  }
}

type Tokenizer = NonNullable<Processor['tokenizer']>;

/**
 * Streams the text after every token; transformers.js's TextStreamer waits for a whole word, which on a
 * slow device leaves the view still for seconds. Only an incomplete UTF-8 sequence is held back.
 * Decoding restarts at each newline, so a page costs linear, not quadratic, decoding.
 */
class TokenStreamer extends BaseStreamer {
  readonly times: number[] = [];
  text = '';
  private prompt = true;
  private line: bigint[] = [];
  private before = '';

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly onText: (text: string) => void,
  ) {
    super();
  }

  override put(value: bigint[][]): void {
    if (this.prompt) {
      this.prompt = false;
      return;
    }
    this.times.push(performance.now());
    this.line.push(...value[0]!);
    const piece = this.tokenizer.decode(this.line, { skip_special_tokens: true });
    if (piece.endsWith('\uFFFD')) return;
    const text = this.before + piece;
    if (piece.endsWith('\n')) {
      this.before = text;
      this.line = [];
    }
    if (text !== this.text) {
      this.text = text;
      this.onText(text);
    }
  }

  override end(): void {}
}

/**
 * Times every call of one method of one object during a generation, by shadowing it with an own
 * property that is deleted afterwards: transformers.js looks these up at call time.
 */
function timeCalls(target: object | undefined, method: string) {
  const host = target as Record<string, unknown> | undefined;
  const original = host?.[method];
  const durations: number[] = [];
  if (!host || typeof original !== 'function') return { durations, restore: () => undefined };
  host[method] = async (...args: unknown[]) => {
    const start = performance.now();
    try {
      return await (original as (...a: unknown[]) => Promise<unknown>).apply(host, args);
    } finally {
      durations.push(performance.now() - start);
    }
  };
  return { durations, restore: () => void delete host[method] };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Reads one page with a vision-language model: the image split into tiles, tokens streamed as they
 * come, cancellable between tokens (the model stays loaded), a loop guard, and timings per stage.
 */
export async function transcribe(vlm: LoadedVlm, image: RgbaImage, options: RecognizeOptions & { maxNewTokens?: number; prompt?: string } = {}): Promise<RecognizeResult> {
  const { signal, onPartial, maxNewTokens = 1024, prompt: question = TRANSCRIBE_PROMPT } = options;
  throwIfAborted(signal);
  const started = performance.now();
  const prompt = vlm.processor.apply_chat_template([{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: question }] }], {
    add_generation_prompt: true,
  }) as string;
  const inputs = await vlm.processor(prompt, [new RawImage(image.data, image.width, image.height, 4)], { do_image_splitting: true });
  const prepared = performance.now();

  const promptLength = (inputs.input_ids as Tensor).dims.at(-1)!;
  const stop = new InterruptableStoppingCriteria();
  const loop = new LoopGuard(promptLength);
  const criteria = new StoppingCriteriaList();
  criteria.push(stop);
  criteria.push(loop);
  const onAbort = () => stop.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });

  const vision = timeCalls(vlm.model, 'encode_image');
  // The decoder's own run time per step, to tell the model's cost from the generation loop's around it.
  const decoder = timeCalls((vlm.model as unknown as { sessions?: Record<string, object> }).sessions?.decoder_model_merged, 'run');
  const streamer = new TokenStreamer(vlm.processor.tokenizer!, (text) => onPartial?.(text));
  const tokenTimes = streamer.times;
  try {
    await vlm.model.generate({ ...inputs, max_new_tokens: maxNewTokens, do_sample: false, streamer, stopping_criteria: criteria });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    vision.restore();
    decoder.restore();
  }
  if (signal?.aborted) throw abortError();

  const done = performance.now();
  const [first = done] = tokenTimes;
  const decode = tokenTimes.length > 1 ? (tokenTimes.at(-1)! - first) / (tokenTimes.length - 1) : 0;
  const visionMs = sum(vision.durations);
  // The first decoder run is the prefill; each later one produces one token.
  const steps = decoder.durations.slice(1);
  const decoderRunPerToken = steps.length ? sum(steps) / steps.length : 0;
  return {
    text: streamer.text.trim(),
    lines: [],
    timings: {
      preprocess: prepared - started,
      timeToFirstToken: first - prepared,
      // Before the first token: the vision encoder, then the prompt's prefill (embedding, merge, decoder).
      visionEncode: visionMs,
      prefill: Math.max(0, first - prepared - visionMs),
      decodePerToken: decode,
      decoderRunPerToken,
      // Sampling, stopping criteria, streaming and tensor copies: what Loupe and transformers.js add per token.
      loopOverheadPerToken: decode && decoderRunPerToken ? Math.max(0, decode - decoderRunPerToken) : 0,
      tokensPerSecond: decode ? 1000 / decode : 0,
      tokens: tokenTimes.length,
      loopStopped: loop.tripped ? 1 : 0,
      total: done - started,
    },
  };
}
