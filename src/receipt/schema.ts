import { z } from 'zod';

/**
 * The one receipt schema: what local extraction produces, what Mistral must answer, what the user
 * edits and exports. Unknown is `null`, never a guess. Amounts are decimal numbers in the receipt's
 * currency; every arithmetic check converts them to integer minor units first.
 */
const money = z.number().nullable();

export const lineItemSchema = z
  .object({
    description: z.string(),
    quantity: z.number().nullable(),
    unitPrice: money,
    amount: money,
  })
  .strict();

export const receiptSchema = z
  .object({
    merchantName: z.string().nullable(),
    merchantAddress: z.string().nullable(),
    /** ISO 8601 calendar date, YYYY-MM-DD. */
    date: z.iso.date().nullable(),
    /** 24-hour HH:MM or HH:MM:SS. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/)
      .nullable(),
    /** ISO 4217 code. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    subtotal: money,
    tax: money,
    tip: money,
    total: money,
    paymentMethod: z.string().nullable(),
    lineItems: z.array(lineItemSchema),
  })
  .strict();

export type LineItem = z.infer<typeof lineItemSchema>;
export type Receipt = z.infer<typeof receiptSchema>;

export const EMPTY_RECEIPT: Receipt = {
  merchantName: null,
  merchantAddress: null,
  date: null,
  time: null,
  currency: null,
  subtotal: null,
  tax: null,
  tip: null,
  total: null,
  paymentMethod: null,
  lineItems: [],
};

/** The schema as JSON Schema, for Mistral's strict `json_schema` response format and for SmolVLM's prompt. */
export function receiptJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(receiptSchema, { target: 'draft-7' }) as Record<string, unknown>;
}
