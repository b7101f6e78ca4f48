import { abortError } from '../engines/engine';
import { LoupeError } from '../errors';
import type { Receipt } from '../receipt/schema';
import type { Review } from '../receipt/review';
import { answerJson } from './response';
import { chatCompletionsUrl, chatRequest, requestHeaders, type ChatMessage, type MistralTarget } from './request';

/** Model ids Mistral has retired (they answer 404), so the message can name the current one instead. */
const RETIRED_MODELS = new Set(['mistral-medium-2505', 'mistral-medium-2508', 'mistral-medium-3', 'mistral-medium-3.1', 'mistral-medium-3-1']);
export const CURRENT_MEDIUM = 'mistral-medium-3-5';

/** Schema and arithmetic verdict on an answer (`validateReceipt`); `receipt` is there whenever the schema holds. */
type Validation = Review & { receipt?: Receipt };

export interface StructureOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Per attempt, for the whole answer. */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a timeout. */
  maxRetries?: number;
}

export interface Structured {
  receipt: Receipt;
  /** The answer's checks: an answer that parses but does not add up is kept, flagged for review. */
  review: Review;
  repaired: boolean;
}

/** The longest a Retry-After is waited out before giving the user the choice. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Sends a receipt's text (never its image) to Mistral's chat completions with the receipt schema in
 * strict JSON mode, validates the answer, and asks once for a repair with the problems spelled out.
 */
export async function structureWithMistral(
  text: string,
  target: MistralTarget,
  validate: (value: unknown) => Validation,
  options: StructureOptions = {},
): Promise<Structured> {
  const first = answerJson(await send(chatRequest(target.model, text), target, options));
  const verdict = validate(first.value);
  if (verdict.ok && verdict.receipt) return { receipt: verdict.receipt, review: verdict, repaired: false };

  const problems = first.value === undefined ? ['The answer was not valid JSON.'] : verdict.issues;
  const repair: ChatMessage[] = [
    { role: 'assistant', content: first.raw },
    { role: 'user', content: `That answer has these problems:\n- ${problems.join('\n- ')}\nAnswer again with corrected JSON for the same receipt text.` },
  ];
  const second = answerJson(await send(chatRequest(target.model, text, repair), target, options));
  const repaired = validate(second.value);
  if (repaired.receipt) return { receipt: repaired.receipt, review: { ok: repaired.ok, issues: repaired.issues }, repaired: true };
  throw new LoupeError('mistral-invalid', `Mistral's answer did not fit the receipt schema, even after a second try (${repaired.issues.slice(0, 3).join('; ')}).`);
}

async function send(body: unknown, target: MistralTarget, options: StructureOptions): Promise<unknown> {
  const { signal, timeoutMs = 60_000, maxRetries = 3, random = Math.random } = options;
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortError();
    if (globalThis.navigator?.onLine === false) throw offline();
    const attemptSignal = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attemptSignal.abort();
    }, timeoutMs);
    const onAbort = () => attemptSignal.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchFn(chatCompletionsUrl(target.baseUrl), {
        method: 'POST',
        headers: requestHeaders(target.apiKey),
        body: JSON.stringify(body),
        signal: attemptSignal.signal,
        // Nothing of the page (cookies, referrer) goes with the text.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (response.ok) return (await response.json()) as unknown;
      const failure = await httpError(response, target.model);
      if (!isRetryable(failure) || attempt >= maxRetries) throw failure;
      const wait = retryDelay(response, attempt, random);
      if (wait > MAX_RETRY_AFTER_MS) throw failure;
      await sleep(wait, signal);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (error instanceof LoupeError) throw error;
      if (!timedOut) throw offline();
      if (attempt >= maxRetries) throw new LoupeError('mistral-timeout', `Mistral did not answer within ${Math.round(timeoutMs / 1000)} s, ${attempt + 1} times. Try again later.`);
      await sleep(backoff(attempt, random), signal);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function offline(): LoupeError {
  return new LoupeError('mistral-offline', "Mistral can't be reached: this device is offline or the connection failed. Try again when you are online.");
}

const isRetryable = (error: LoupeError) => error.code === 'mistral-rate-limited' || error.code === 'mistral-server';

/** 1 s, 2 s, 4 s… with jitter so many tabs do not retry in step, at most 16 s. */
const backoff = (attempt: number, random: () => number) => Math.min(16_000, 1000 * 2 ** attempt * (0.5 + random()));

function retryDelay(response: Response, attempt: number, random: () => number): number {
  const header = response.headers.get('Retry-After');
  if (response.status === 429 && header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    if (Number.isFinite(ms)) return Math.max(0, ms);
  }
  return backoff(attempt, random);
}

async function httpError(response: Response, model: string): Promise<LoupeError> {
  const detail = await response
    .text()
    .then((body) => {
      try {
        const parsed = JSON.parse(body) as { message?: unknown; detail?: unknown };
        return String(typeof parsed.message === 'string' ? parsed.message : JSON.stringify(parsed.detail ?? parsed));
      } catch {
        return body;
      }
    })
    .catch(() => '');
  const status = response.status;
  if (status === 401 || status === 403)
    return new LoupeError('mistral-auth', `Mistral refused the API key (HTTP ${status}). Check the key in Settings.`);
  if (status === 404)
    return RETIRED_MODELS.has(model)
      ? new LoupeError('mistral-model-retired', `Mistral retired the model “${model}”; it no longer answers. Choose the current Mistral Medium, ${CURRENT_MEDIUM}, in Settings.`)
      : new LoupeError('mistral-model-unknown', `Mistral does not know the model “${model}” (HTTP 404). Check the model id in Settings.`);
  if (status === 429) return new LoupeError('mistral-rate-limited', 'Mistral is limiting requests for this key right now. Wait a minute and try again.');
  if (status >= 500) return new LoupeError('mistral-server', `Mistral had a problem answering (HTTP ${status}), several times. Try again later.`);
  return new LoupeError('mistral-bad-request', `Mistral rejected the request (HTTP ${status})${detail ? `: ${detail.slice(0, 300)}` : ''}.`);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
