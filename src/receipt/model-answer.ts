import { EMPTY_RECEIPT } from './schema';
import { validateReceipt, type Review } from './review';
import type { Receipt } from './schema';

/**
 * The question a vision-language model is asked: the schema's keys with an example of each value's
 * form, and the rule that unknown is null. Small models follow a filled-in template better than a
 * JSON Schema document.
 */
export const RECEIPT_JSON_PROMPT = `Read this receipt and answer with JSON only, exactly these keys:
${JSON.stringify({ ...EMPTY_RECEIPT, date: 'YYYY-MM-DD', time: 'HH:MM', currency: 'ISO 4217 code', lineItems: [{ description: 'text', quantity: 1, unitPrice: 0.0, amount: 0.0 }] })}
Amounts are numbers as printed. Use null for anything not printed on the receipt; never guess.`;

export interface ModelAnswer extends Review {
  receipt?: Receipt;
  /** The JSON found in the answer, or undefined when there was none. */
  json: unknown;
}

/**
 * A model's answer through the same gate as Mistral's: the JSON object in the text (models wrap it in
 * code fences or chatter), then the schema and the arithmetic checks. No JSON is an issue, not a crash.
 */
export function receiptFromModelText(text: string): ModelAnswer {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  let json: unknown;
  if (start >= 0 && end > start) {
    try {
      json = JSON.parse(text.slice(start, end + 1));
    } catch {
      json = undefined;
    }
  }
  if (json === undefined) return { ok: false, issues: ['The answer held no JSON object.'], json };
  return { ...validateReceipt(json), json };
}
