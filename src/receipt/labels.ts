/** Line labels shared by the extractors: what kind of summary line a printed line is. */

export const SUBTOTAL =
  /\b(sub[\s\-.]?total|sub[\s\-.]?ttl|total[\s\-.]*((sales|amount|amt)\.?\s*)?\(?(excl|excluding|exclusive|before|w\/o|net|ex)\b|net\s*total\s*\(?excl|zwischensumme|sous[\s-]?total|total\s*h\.?t\b|subtotaal|netto(betrag)?\b|base imponible|imponibile)/i;
// Strongest first: what the customer finally pays.
export const FINAL_TOTAL =
  /\b(round(ed|ing)?\s*t[o0]ta[l1i]|t[o0]ta[l1i]\s*(amt\.?\s*|amount\s*)?(after\s*)?round(ed|ing)?|grand\s*t[o0]ta[l1i]|nett?\s*t[o0]ta[l1i]|t[o0]ta[l1i]\s*(amt\.?\s*|amount\s*)?(due|payable|to\s*pay)|amount\s*(due|payable)|balance\s*(due|payable)|net\s*amount|total\s*ttc|net\s*[àa]\s*payer|[àa]\s*payer|zu\s*zahlen|gesamt(betrag|summe)?|total\s*a\s*pagar|importe\s*total|totale\s*(complessivo|euro)?)\b/i;
export const TOTAL = /\b(t[o0]ta[l1iI|]|ttl|summe|betrag|montant|importe|totaal|totale|jumlah|amount)\b/i;
// Totals that are not money to pay: counts, savings, the tax alone, what was handed over.
export const NOT_TOTAL =
  /\d\s*%.*\bsuppl(y|ies)\b|\bsuppl(y|ies)\b.*\d\s*%|\b(qty|quantity|[il1|]tems?|[il1|]tem\([a-z]\)|qty\(s\)|pcs|units?|articles?|artikel|savings?|saved|discounts?|disc|points?|tendered|change|paid|rabatt|remise|tip|gratuity)\b|total\s*(tax|gst|vat|sst|tva|mwst)|(tax|gst|vat)\s*total|\b(no|#)\s*of\b/i;
// A per-rate line of a tax breakdown: "Total 6% supplies (excl. GST)", its captured rate "6".
export const RATE_SUPPLIES = /\bt[o0]ta[l1]\b.*?(\d{1,2}(?:\.\d{1,2})?)\s*%.*\bsuppl(?:y|ies)\b/i;
export const TAX =
  /\b(gst|vat|tva|mwst|ust|sst|iva|tax|taxes|service\s*tax|sales\s*tax|hst|pst|qst|impuesto|steuer|cukai|btw|ppn)\b/i;
// Tax words that name a number or a document, not an amount.
export const NOT_TAX = /\b(reg(istration|\.)?|no\.?|number|id|invoice|incl(usive|uding|\.)?|excl(usive|uding|\.)?|exempt|summary|code|rate|ident|intracom|identifikation|tax\s*invoice)\b|#|tax\s*included/i;
export const TIP = /\b(tip|tips|gratuity|service\s*charge|svc\s*chg|serv(ice)?\.?\s*chg|pourboire|trinkgeld|propina|service\s*(fee|compris))\b/i;
export const ROUNDING = /\b(round(ing)?(\s*(adj(ustment)?|off|diff))?|rundung|arrondi|adj\.?\s*round)\b/i;
// Lines past a tax breakdown table repeat sums that are not the receipt's totals.
export const SUMMARY_START = /\b(gst|tax|vat|tva|mwst|sst)\s*(summary|analysis|breakdown|details?)\b|\bsummary\b/i;
export const PAYMENT_LINE = /\b(cash|tendered|change|card|visa|master|amex|debit|credit|paid|bar|esp[eè]ces|efectivo|rendu|r[üu]ckgeld)\b/i;
