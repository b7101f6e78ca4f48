/** How the receipt was paid: a card brand or e-wallet beats a generic card, which beats cash. */

const METHODS: [RegExp, string][] = [
  [/\bvisa\b/i, 'Visa'],
  [/\bmaster\s?card\b|\bmaster\b/i, 'Mastercard'],
  [/\bamex\b|\bamerican express\b/i, 'American Express'],
  [/\bdiscover\b/i, 'Discover'],
  [/\bjcb\b/i, 'JCB'],
  [/\bunion\s?pay\b/i, 'UnionPay'],
  [/\bmaestro\b/i, 'Maestro'],
  [/\bgirocard\b|\bec[-\s]?karte\b/i, 'Girocard'],
  [/\bcarte\s+bancaire\b|\bCB\b/, 'Carte Bancaire'],
  [/\bapple\s?pay\b/i, 'Apple Pay'],
  [/\bgoogle\s?pay\b|\bgpay\b/i, 'Google Pay'],
  [/\bpaypal\b/i, 'PayPal'],
  [/\bgrab\s?pay\b/i, 'GrabPay'],
  [/\btouch\s?'?n\s?go\b|\btng\b/i, "Touch 'n Go"],
  [/\bboost\b/i, 'Boost'],
  [/\bshopee\s?pay\b/i, 'ShopeePay'],
  [/\balipay\b/i, 'Alipay'],
  [/\bwe\s?chat\s?pay\b/i, 'WeChat Pay'],
  [/\bpaynow\b/i, 'PayNow'],
  [/\be-?wallet\b/i, 'E-wallet'],
  [/\bdebit\b/i, 'Debit card'],
  [/\bcredit\s?card\b|\bcredit\b/i, 'Credit card'],
  [/\bcard\b|\bkarte\b|\bcarte\b|\btarjeta\b|\bcontactless\b/i, 'Card'],
  [/\bcash\b|\btunai\b|^\s*bar\b|\besp[eè]ces\b|\befectivo\b|\bcontanti\b/i, 'Cash'],
];
// Lines that mention a method without being paid with it.
const NOT_PAYMENT = /\b(refund|cashier|accept(ed)?|we take|no\s+cash|cash\s*back|rebate|membership|voucher)\b/i;

export function findPaymentMethod(lines: string[]): string | null {
  const relevant = lines.filter((line) => !NOT_PAYMENT.test(line));
  for (const [re, method] of METHODS) if (relevant.some((line) => re.test(line))) return method;
  return null;
}
