// A formatter costs far more to make than to use, and a list of receipts shows the same few currencies.
const formatters = new Map<string, Intl.NumberFormat>();

/** `12.5, 'EUR'` → `€12.50` in the reader's locale; an amount whose currency was not read, with its two decimals. */
export function formatMoney(amount: number, currency: string | null): string {
  if (!currency) return amount.toFixed(2);
  let format = formatters.get(currency);
  if (!format) formatters.set(currency, (format = new Intl.NumberFormat(undefined, { style: 'currency', currency })));
  return format.format(amount);
}
