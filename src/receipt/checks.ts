/** Arithmetic and schema checks on a receipt, in integer minor units, worded for a review flag. */
import { toMinor } from './amounts';
import { receiptSchema, type Receipt } from './schema';

export interface CheckIssue {
  field: string;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  issues: CheckIssue[];
}

// Currencies whose cash totals round to 0.05: a printed total may then differ by up to 2 cents.
const CASH_ROUNDED = new Set(['MYR', 'CHF', 'AUD', 'NZD', 'CAD', 'SEK', 'DKK', 'NOK', 'SGD']);

const show = (minor: number) => (minor / 100).toFixed(2);

/** An item priced per kilo or at fractional cents rounds its amount: one minor unit of slack each. */
function roundedItems(receipt: Receipt): number {
  return receipt.lineItems.filter(
    (item) => item.quantity !== null && item.unitPrice !== null && Math.abs(item.quantity * item.unitPrice * 100 - Math.round(item.quantity * item.unitPrice * 100)) > 1e-6,
  ).length;
}

/**
 * Validates against the schema (so model answers go through the same gate), then checks that the
 * items add up to the subtotal (or the total when there is none) and that subtotal + tax + tip +
 * rounding make the total. A total that already includes the tax passes too.
 */
export function checkReceipt(value: unknown, options: { roundingAdjustment?: number | null } = {}): CheckResult {
  const parsed = receiptSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'receipt', message: issue.message })) };
  }
  const receipt = parsed.data;
  const issues: CheckIssue[] = [];
  const slack = receipt.currency && CASH_ROUNDED.has(receipt.currency) && options.roundingAdjustment == null ? 2 : 0;
  const rounding = toMinor(options.roundingAdjustment ?? 0);
  const tax = receipt.tax === null ? 0 : toMinor(receipt.tax);
  const tip = receipt.tip === null ? 0 : toMinor(receipt.tip);

  for (const [i, item] of receipt.lineItems.entries()) {
    if (item.quantity === null || item.unitPrice === null || item.amount === null) continue;
    const expected = toMinor(item.quantity * item.unitPrice);
    if (Math.abs(expected - toMinor(item.amount)) > 1) {
      issues.push({ field: `lineItems.${i}.amount`, message: `${item.description || `Item ${i + 1}`}: ${item.quantity} × ${show(toMinor(item.unitPrice))} is ${show(expected)} but the line says ${show(toMinor(item.amount))}` });
    }
  }

  const amounts = receipt.lineItems.map((item) => item.amount);
  if (amounts.length > 0 && amounts.every((a) => a !== null)) {
    const sum = amounts.reduce((s, a) => s + toMinor(a!), 0);
    const tolerance = roundedItems(receipt);
    if (receipt.subtotal !== null) {
      if (Math.abs(sum - toMinor(receipt.subtotal)) > tolerance) {
        issues.push({ field: 'subtotal', message: `Line items add up to ${show(sum)} but the subtotal says ${show(toMinor(receipt.subtotal))}` });
      }
    } else if (receipt.total !== null) {
      const total = toMinor(receipt.total);
      const fits = [sum, sum + tax + tip, sum + tip].some((s) => Math.abs(s + rounding - total) <= tolerance + slack);
      if (!fits) issues.push({ field: 'total', message: `Line items add up to ${show(sum)} but the total says ${show(total)}` });
    }
  }

  if (receipt.subtotal !== null && receipt.total !== null) {
    const subtotal = toMinor(receipt.subtotal);
    const total = toMinor(receipt.total);
    const exclusive = subtotal + tax + tip + rounding;
    const inclusive = subtotal + tip + rounding;
    if (Math.abs(exclusive - total) > slack && Math.abs(inclusive - total) > slack) {
      const parts = [`Subtotal ${show(subtotal)}`, receipt.tax !== null ? `tax ${show(tax)}` : '', receipt.tip !== null ? `tip ${show(tip)}` : '', rounding ? `rounding ${show(rounding)}` : ''].filter(Boolean);
      issues.push({ field: 'total', message: `${parts.join(' + ')} come to ${show(exclusive)} but the total says ${show(total)}` });
    }
  }
  if (receipt.tax !== null && receipt.total !== null && tax > toMinor(receipt.total)) {
    issues.push({ field: 'tax', message: `The tax (${show(tax)}) is more than the total (${show(toMinor(receipt.total))})` });
  }
  return { ok: issues.length === 0, issues };
}
