import { LoupeError } from '../errors';

interface Completion {
  choices?: { finish_reason?: string; message?: { content?: unknown } }[];
}

/** The assistant's text: a string, or an array of chunks of which the text ones count. */
export function completionText(body: unknown): { text: string; finishReason: string | undefined } {
  const choice = (body as Completion | null)?.choices?.[0];
  const content = choice?.message?.content;
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content
            .map((chunk: unknown) => ((chunk as { type?: string }).type === 'text' ? String((chunk as { text?: unknown }).text ?? '') : ''))
            .join('')
        : '';
  return { text, finishReason: choice?.finish_reason };
}

/** The JSON value of an answer; a cut-off answer is its own error, since repairing it would only cut again. */
export function answerJson(body: unknown): { raw: string; value: unknown } {
  const { text, finishReason } = completionText(body);
  if (finishReason === 'length')
    throw new LoupeError('mistral-truncated', 'Mistral stopped before finishing its answer (the receipt may be too long), so nothing was taken from it.');
  try {
    return { raw: text, value: JSON.parse(text) as unknown };
  } catch {
    return { raw: text, value: undefined };
  }
}
