import { checkReceipt } from './checks';
import { receiptSchema, type Receipt } from './schema';

export interface Review {
  ok: boolean;
  issues: string[];
}

/** The checks' verdict, as stored with a document and shown beside its fields. */
export function reviewReceipt(receipt: Receipt): Review {
  const { ok, issues } = checkReceipt(receipt);
  return { ok, issues: issues.map((issue) => issue.message) };
}

/**
 * The gate every model answer passes (Mistral now, SmolVLM later): the schema first, then the same
 * arithmetic checks as local extraction. `receipt` is present whenever the schema holds, so an answer
 * that parses but does not add up can still be kept, flagged for review.
 */
export function validateReceipt(value: unknown): Review & { receipt?: Receipt } {
  const parsed = receiptSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: checkReceipt(value).issues.map((issue) => `${issue.field}: ${issue.message}`) };
  return { ...reviewReceipt(parsed.data), receipt: parsed.data };
}
