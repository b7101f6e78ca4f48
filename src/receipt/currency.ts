/** The receipt's currency as an ISO 4217 code, from printed symbols and codes, then locale cues. */
import { fold } from './fold';

export const CURRENCY_CODES = ['MYR', 'SGD', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'CHF', 'AUD', 'NZD', 'CAD', 'HKD', 'INR', 'IDR', 'THB', 'PHP', 'VND', 'KRW', 'TWD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'HRK', 'RSD', 'ISK', 'BGN', 'ZAR', 'AED', 'SAR', 'BRL', 'MXN'];
export const CURRENCY_CODE = new RegExp(`\\b(${CURRENCY_CODES.join('|')})\\b`);
// A code counts beside money or in a column header, not as a word of an address ("ATATÜRK CAD.").
const codeIn = (text: string) => text.split('\n').find((line) => CURRENCY_CODE.test(line) && /\d[.,]\d{2}|\(\s*[A-Z]{3}\s*\)|\b[A-Z]{3}\s?\d|\s[A-Z]{3}\s*:?\s*$/.test(line));
// Order matters: prefixed dollars before the bare `$`; symbols matched on the text as printed.
const SYMBOLS: [RegExp, string][] = [
  // "(RM)" heads a money column in Malaysia and names the province of Rome in an Italian address.
  [/\bRM\s?\d|\b(AMOUNT|AMT|PRICE|TOTAL|TAX|GST|SST|NETT?|U\/P|DISC)\s?\(RM\)/i, 'MYR'],
  [/\bS\$|\bSGD/, 'SGD'],
  [/\bUS\$/, 'USD'],
  [/\bR\$/, 'BRL'],
  [/\bMX\$/, 'MXN'],
  [/\bA\$|\bAU\$/, 'AUD'],
  [/\bNZ\$/, 'NZD'],
  [/\bC\$|\bCA\$/, 'CAD'],
  [/\bHK\$/, 'HKD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥|円/, 'JPY'],
  [/₹|\bRs\.?\s?\d/, 'INR'],
  [/฿/, 'THB'],
  [/₱/, 'PHP'],
  [/₩/, 'KRW'],
  [/₫|\d\s?đ\b|\bVNĐ\b/, 'VND'],
  [/₺|\d\s?TL\b|\bTL\s?\d/, 'TRY'],
  [/\d\s?zł|\bzł\b|\bZŁ\b/i, 'PLN'],
  [/\d\s?Kč|\bKč\b/i, 'CZK'],
  [/\d\s?Ft\b|\bFt\.?\s*$/m, 'HUF'],
  // "RON 95" is a petrol grade: the code counts only beside an amount with decimals.
  [/\d\s?lei\b|\bLEI\b|\d[.,]\d{2}\s?RON\b|\bRON\s?\d+[.,]\d{2}/i, 'RON'],
  [/\d[.,]\d{2}\s?TRY\b|\bTRY\s?\d+[.,]\d{2}/, 'TRY'],
  [/\bRp\.?\s?\d/i, 'IDR'],
  // "DIN A4" is a paper size: dinars are beside an amount or head a column.
  [/\d\s?din\.?\b|\bdin\.?\s?\d|\(DIN\)|\bдин/i, 'RSD'],
  [/\bFr\.\s?\d|\bSFr\b|\bCHF\b/, 'CHF'],
  [/\d\s?kn\b|\bKN\b/, 'HRK'],
  // A bare "RM" is weaker than any symbol: "00100 Roma RM" is the province of Rome on a receipt in euros.
  [/(?<!\()\bRM\b(?!\))/, 'MYR'],
];
// Country cues when nothing else is printed (matched on folded text): tax names, registration numbers,
// company forms and words tied to one currency. "kr" is three currencies, told apart by these too.
const CUES: [RegExp, string][] = [
  [/\bSDN\.?\s?BHD\b|\bS\/B\b|\bMALAYSIA\b|\bKUALA LUMPUR\b|\bSELANGOR\b|\bJOHOR\b|\bPULAU PINANG\b|\bSST\b/, 'MYR'],
  [/\bPTE\.?\s?LTD\b|\bSINGAPORE\b/, 'SGD'],
  [/\bNPWP\b|\bPPN\b|\bINDONESIA\b|\bJAKARTA\b/, 'IDR'],
  [/\bMST\b|\bTHUE GTGT\b|\bVIET ?NAM\b|\bHOA DON\b/, 'VND'],
  [/\bKDV\b|\bVKN\b|\bVERGI\b/, 'TRY'],
  [/\bNIP\b|\bPTU\b|\bPARAGON\b|\bSP\.? Z O\.?O\b/, 'PLN'],
  [/\bDIC\b(?!.*\bSK)|\bUCTENKA\b|\bS\.R\.O\b.*\bCZ\b|\bCELKEM\b/, 'CZK'],
  [/\bAFA\b|\bADOSZAM\b|\bNYUGTA\b|\bKFT\b|\bOSSZESEN\b|\bFIZETENDO\b/, 'HUF'],
  [/\bCUI\b|\bBON FISCAL\b|\bS\.?R\.?L\.?\b.*\bRO\b|\bROMANIA\b/, 'RON'],
  [/\bPIB\b|\bSRBIJA\b|\bBEOGRAD\b/, 'RSD'],
  [/\bCVR\b|\bDANMARK\b|\bAPS\b|\bA\/S\b/, 'DKK'],
  [/\bMVA\b|\bNORGE\b|\bFORETAKSREGISTERET\b/, 'NOK'],
  [/\bMOMS\b|\bORG\.? ?NR\b|\bKVITTO\b|\bSVERIGE\b/, 'SEK'],
  [/\bGMBH\b|\bMWST\b|\bUST\b|\bTTC\b|\bTVA\b|\bIVA\b|\bBTW\b|\bALV\b|\bKMKR\b|\bPVN\b|\bPVM\b|\bDDV\b|\bPDV\b|\bOIB\b|\bFPA\b|\bΦΠΑ\b|\bS\.?A\.?R\.?L\b|\bIC DPH\b|\bDPH\b/, 'EUR'],
  // "VAT REG TIN" heads Philippine receipts: the TIN decides before the VAT registration does.
  [/\bTIN\b|\bPHILIPPINES\b|\bBIR\b/, 'PHP'],
  [/\bVAT REG|\bLTD\b.*\bUK\b|\bUNITED KINGDOM\b/, 'GBP'],
];
// Where "kr" is printed, the Nordic cues above decide; alone it is most often Swedish.
const KRONA = /\d\s?kr\.?\b|\bkr\.?\s?\d|\bKR\b/i;

/** Currencies whose receipts print whole units: their amounts have no minor units to look for. */
export const WHOLE_UNIT = new Set(['HUF', 'VND', 'IDR', 'JPY', 'KRW', 'ISK', 'CLP', 'COP', 'PYG', 'UGX']);

export function findCurrency(text: string, defaultCurrency: string | null): string | null {
  const code = CURRENCY_CODE.exec(codeIn(text) ?? '')?.[1];
  if (code) return code === 'RMB' ? 'CNY' : code;
  for (const [re, currency] of SYMBOLS) if (re.test(text)) return currency;
  const folded = fold(text);
  // A bare `$` is Mexico's peso on a Mexican receipt, else the caller's dollar, else US dollars, the most common by far.
  if (/\$/.test(text)) return /\bRFC\b|\bS\.?\s?A\.? DE C\.?V\b|\bMEXICO\b|\bCDMX\b/.test(folded) ? 'MXN' : (defaultCurrency ?? 'USD');
  const cue = CUES.find(([re]) => re.test(folded))?.[1];
  if (KRONA.test(text)) return cue === 'DKK' || cue === 'NOK' ? cue : 'SEK';
  return cue ?? defaultCurrency;
}
