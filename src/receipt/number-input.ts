/**
 * A number typed into a field: `12.50`, `12,50`, `1,234.50` or `1.234,50`. The last separator is the
 * decimal one when at most `maxDecimals` digits follow it, else a thousands separator. Empty is
 * unknown (null); anything else that is not a number is undefined, so the field can say so.
 */
export function parseNumberInput(value: string, maxDecimals = 2): number | null | undefined {
  const v = value.trim().replace(/\s/g, '');
  if (!v) return null;
  const last = Math.max(v.lastIndexOf('.'), v.lastIndexOf(','));
  const decimal = last >= 0 && v.length - last - 1 <= maxDecimals ? last : -1;
  const whole = decimal >= 0 ? v.slice(0, decimal) : v;
  // Thousands separators only between groups of three digits.
  if (!/^-?(\d+|\d{1,3}([.,]\d{3})+)$/.test(whole)) return undefined;
  const normalized = decimal >= 0 ? `${whole.replace(/[.,]/g, '')}.${v.slice(decimal + 1)}` : whole.replace(/[.,]/g, '');
  return new RegExp(`^-?\\d+(\\.\\d{1,${maxDecimals}})?$`).test(normalized) ? Number(normalized) : undefined;
}
