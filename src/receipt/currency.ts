/** The receipt's currency as an ISO 4217 code, from printed symbols and codes, then locale cues. */

const CODES = /\b(MYR|SGD|USD|EUR|GBP|JPY|CNY|RMB|CHF|AUD|NZD|CAD|HKD|INR|IDR|THB|PHP|VND|KRW|TWD|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|AED|SAR|BRL|MXN)\b/;
// Order matters: prefixed dollars before the bare `$`.
const SYMBOLS: [RegExp, string][] = [
  [/\bRM\s?\d|\(RM\)|\bRM\b/, 'MYR'],
  [/\bS\$|\bSGD/, 'SGD'],
  [/\bUS\$/, 'USD'],
  [/\bA\$|\bAU\$/, 'AUD'],
  [/\bNZ\$/, 'NZD'],
  [/\bC\$|\bCA\$/, 'CAD'],
  [/\bHK\$/, 'HKD'],
  [/€|\bEUR\b/, 'EUR'],
  [/£/, 'GBP'],
  [/¥|円/, 'JPY'],
  [/₹|\bRs\.?\s?\d/, 'INR'],
  [/฿/, 'THB'],
  [/₱/, 'PHP'],
  [/₩/, 'KRW'],
  [/\bFr\.\s?\d|\bSFr\b/, 'CHF'],
];
// Country cues when nothing is printed: company forms and tax names tied to one currency.
const CUES: [RegExp, string][] = [
  [/\bSDN\.?\s?BHD\b|\bS\/B\b|\bMALAYSIA\b|\bKUALA LUMPUR\b|\bSELANGOR\b|\bJOHOR\b|\bPULAU PINANG\b|\bSST\b/i, 'MYR'],
  [/\bPTE\.?\s?LTD\b|\bSINGAPORE\b/i, 'SGD'],
  [/\bGmbH\b|\bMwSt\b|\bUSt\b|\bTTC\b|\bTVA\b|\bIVA\b|\bS\.?A\.?R\.?L\b/i, 'EUR'],
  [/\bVAT Reg|\bLtd\b.*\bUK\b|\bUNITED KINGDOM\b/i, 'GBP'],
];

export function findCurrency(text: string, defaultCurrency: string | null): string | null {
  const code = CODES.exec(text)?.[1];
  if (code) return code === 'RMB' ? 'CNY' : code;
  for (const [re, currency] of SYMBOLS) if (re.test(text)) return currency;
  // A bare `$` is read as the caller's dollar, else US dollars, the most common by far.
  if (/\$/.test(text)) return defaultCurrency ?? 'USD';
  for (const [re, currency] of CUES) if (re.test(text)) return currency;
  return defaultCurrency;
}
