/**
 * Every amount on a receipt as a candidate for its total, described by evidence that holds in any
 * language: the kinds of label on its line and the line above, where it is printed, how often, and
 * whether the receipt's other amounts add up to it. `ranker.ts` weighs the evidence.
 */
import { amountsInLine, toMinor, wholeAmountsInLine } from './amounts';
import { CURRENCY_CODE, CURRENCY_CODES } from './currency';
import { fold } from './fold';
import { labelClasses, type LabelClass } from './label-match';
import { noEvidence } from './ranker';

// Strongest first: an amount printed under several labels is described by the strongest ("TOTAL" over "SUBTOTAL").
const CLASSES: readonly LabelClass[] = ['payable', 'total', 'subtotal', 'card', 'cash', 'tendered', 'change', 'tax', 'rounding', 'discount', 'count', 'tip', 'taxId', 'date', 'document'];
// Payment lines repeating an amount are evidence beside its strongest label: what was paid is the total.
const ALSO: readonly LabelClass[] = ['card', 'cash', 'tendered', 'change'];
const ABOVE: readonly LabelClass[] = ['payable', 'total', 'subtotal', 'tax', 'cash', 'change', 'card'];

export const TOTAL_FEATURES = [
  ...CLASSES.map((c) => `own_${c}`),
  ...ALSO.map((c) => `also_${c}`),
  ...ABOVE.map((c) => `above_${c}`),
  'unlabelled',
  'inclusive_marker',
  'exclusive_marker',
  'repeated',
  'occurrences',
  'position_last',
  'position_first',
  'on_last_total_line',
  'is_max',
  'ratio_to_max',
  'equals_cash_less_change',
  'equals_subtotal_plus_tax',
  'equals_subtotal',
  'equals_items',
  'equals_items_plus_tax',
  'equals_total_plus_rounding',
  'cash_rounded',
  'cash_rounded_with_rounding_line',
  'on_percent_line',
  'on_multi_amount_line',
  'never_last_on_line',
  'whole_units',
  'bias',
] as const;
export type TotalFeature = (typeof TOTAL_FEATURES)[number];

export interface TotalCandidate {
  value: number;
  features: Record<TotalFeature, number>;
}

// "Total incl. VAT", "TTC", "inkl. MwSt" against "excl.", "HT", "netto", "before tax", folded.
const INCLUSIVE = /\b(INCL?|INCLUSIVE|INCLUDING|INKL|INKLUSIVE|TTC|INCLUS|INCLUIDO|INCLUSO|INCLUSIEF|WLICZONY|VCETNE|VRATANE|TARTALMAZ|INKLUDERAD|INKLUDERET|SIS)\b/;
const EXCLUSIVE = /\b(EXCL?|EXCLUSIVE|EXCLUDING|EXKL|HT|BEFORE|NETTO|NET|SANS|SIN|SENZA|SEM|ZONDER|BEZ|NELKUL|FARA|UTAN|UDEN|UTEN|ILMAN|ILMA|BREZ|HARIC)\b/;

// "Ukupno HRK (1 EUR = 7,53450) 681,87", "Total USD @ 1 EUR = 1.08": a line that states an exchange rate gives the sum in another currency.
const EXCHANGE_RATE = new RegExp(`(?<![\\d.,])1\\s*(?:${CURRENCY_CODE.source}|[€$£])\\s*=\\s*\\d`, 'u');

// A company's share capital printed in its header ("NIF 509876123 Cap.Soc. 2.500.000 EUR", "Stammkapital 25.000 EUR").
const SHARE_CAPITAL = /\b(CAP(ITAL)?\.? ?SOC(IAL)?\.?|SHARE CAPITAL|CAPITAL SOCIAL|CAPITALE SOCIALE|STAMMKAPITAL|GRUNDKAPITAL|KAPITAL ZAKLADOWY|ZAKLADNI KAPITAL|ZAKLADNE IMANIE|JEGYZETT TOKE|ALAPTOKE|CAPITAL SOCIAL SUBSCRIS|AKTIEKAPITAL|AKSJEKAPITAL|OSAKEPAAOMA|OSAKAPITAL|PAMATKAPITALS|IKAPITALAS|TEMELJNI KAPITAL|OSNOVNI KAPITAL|SERMAYE)\b/;

interface LineInfo {
  inclusive: boolean;
  exclusive: boolean;
  classes: Set<LabelClass>;
  amounts: number[];
  percent: boolean;
}

/** A label alone on its line takes the lone figure on the next line (label and amount in two columns). */
function carriesNext(info: LineInfo, next: LineInfo | undefined, nextLine: string | undefined): boolean {
  return info.classes.size > 0 && info.amounts.length === 0 && next !== undefined && next.classes.size === 0 && next.amounts.length === 1 && (nextLine ?? '').replace(/[^\p{L}]/gu, '').length <= 4;
}

const firstAmountOf = (infos: LineInfo[], cls: LabelClass) => infos.find((l) => l.classes.has(cls) && l.amounts.length > 0)?.amounts.at(-1) ?? null;

// A whole amount with its currency beside it: "Celkem k úhradě 110 Kč", "Att betala 299 kr", "EUR 12".
// "KC" is "Kč" as OCR prints it without its caron.
const MARK = `(?:${CURRENCY_CODES.join('|')}|Kč|KC|kr|Ft|zł|lei|Fr\\.|[€£$])`;
// A code before the amount is set apart from it ("EUR 12"): "FT10060" is a cashier's id, not 10060 forints.
const MARKED_WHOLE = new RegExp(`(?<![\\d.,])(\\d{1,3}(?:[ .'’]\\d{3})+|\\d+)\\s?${MARK}(?![\\p{L}\\d])|(?:(?<![\\p{L}])${MARK}\\s|[€£$])(\\d+)(?![\\d.,])`, 'giu');

/**
 * Amounts that stand for money on the receipt: decimals, or whole units where the currency has no minor unit,
 * or where a line has no decimals, whole amounts its currency marks (cash totals rounded to whole crowns).
 */
function moneyOnLine(line: string, wholeUnits: boolean): number[] {
  const decimals = amountsInLine(line);
  if (decimals.length > 0) return decimals;
  if (wholeUnits) return wholeAmountsInLine(line);
  return [...line.matchAll(MARKED_WHOLE)].map((m) => Number((m[1] ?? m[2] ?? '').replace(/\D/g, '')));
}

export function totalCandidates(lines: string[], wholeUnits = false): TotalCandidate[] {
  // A receipt with no decimal amounts at all prints whole units, whatever its currency.
  wholeUnits ||= !lines.some((line) => amountsInLine(line).length > 0);
  // In whole units every integer looks like money: a tax, registration or receipt number's line holds none, nor does a run of ten digits.
  const money = (line: string, classes: Set<LabelClass>) =>
    (wholeUnits && (classes.has('taxId') || classes.has('document') || classes.has('date')) && amountsInLine(line).length === 0) || EXCHANGE_RATE.test(line) || SHARE_CAPITAL.test(fold(line))
      ? []
      : moneyOnLine(line, wholeUnits).filter((v) => !wholeUnits || Math.abs(v) < 1e10);
  const infos: LineInfo[] = lines.map((line) => ({ inclusive: INCLUSIVE.test(fold(line)), exclusive: EXCLUSIVE.test(fold(line)), classes: labelClasses(line), amounts: money(line, labelClasses(line)), percent: /%/.test(line) }));
  const n = Math.max(1, lines.length - 1);
  const positive = infos.flatMap((l) => l.amounts).filter((v) => v > 0);
  if (positive.length === 0) return [];
  const max = Math.max(...positive);

  const cash = firstAmountOf(infos, 'cash') ?? firstAmountOf(infos, 'tendered');
  const change = firstAmountOf(infos, 'change');
  const paid = cash !== null && change !== null && change >= 0 && cash >= change ? toMinor(cash) - toMinor(change) : null;
  const subtotal = firstAmountOf(infos, 'subtotal');
  const tax = firstAmountOf(infos, 'tax');
  const rounding = firstAmountOf(infos, 'rounding');
  const firstSummary = infos.findIndex((l) => ['payable', 'total', 'subtotal'].some((c) => l.classes.has(c as LabelClass)));
  const itemLines = infos.slice(0, firstSummary === -1 ? 0 : firstSummary).filter((l) => l.classes.size === 0 && l.amounts.length > 0);
  const items = itemLines.reduce((sum, l) => sum + toMinor(l.amounts.at(-1)!), 0);
  const totalLines = infos.map((l, i) => (l.classes.has('payable') || l.classes.has('total') ? i : -1)).filter((i) => i >= 0);
  const lastTotalLine = totalLines.at(-1) ?? -1;
  const labelledTotals = new Set<number>();

  const byValue = new Map<number, { value: number; at: number[]; own: Set<LabelClass>; above: Set<LabelClass>; percent: boolean; multi: boolean; last: boolean; inclusive: boolean; exclusive: boolean }>();
  infos.forEach((info, i) => {
    const above = i > 0 && carriesNext(infos[i - 1]!, info, lines[i]) ? infos[i - 1]!.classes : new Set<LabelClass>();
    info.amounts.forEach((value, k) => {
      if (value <= 0) return;
      const key = toMinor(value);
      const entry = byValue.get(key) ?? { value, at: [], own: new Set(), above: new Set(), percent: false, multi: false, last: false, inclusive: false, exclusive: false };
      entry.at.push(i);
      const isLast = k === info.amounts.length - 1;
      if (isLast) for (const c of info.classes) entry.own.add(c);
      for (const c of above) entry.above.add(c);
      entry.percent ||= info.percent;
      if (isLast) {
        entry.inclusive ||= info.inclusive;
        entry.exclusive ||= info.exclusive;
      }
      entry.multi ||= info.amounts.length > 1;
      entry.last ||= isLast;
      if (isLast && (info.classes.has('payable') || info.classes.has('total') || above.has('payable') || above.has('total'))) labelledTotals.add(key);
      byValue.set(key, entry);
    });
  });

  const eq = (minor: number, target: number | null) => (target !== null && minor === target ? 1 : 0);
  return [...byValue].map(([minor, e]) => {
    const f = noEvidence(TOTAL_FEATURES);
    const strongest = CLASSES.find((c) => e.own.has(c));
    if (strongest) f[`own_${strongest}` as TotalFeature] = 1;
    for (const c of ALSO) f[`also_${c}` as TotalFeature] = e.own.has(c) && strongest !== c ? 1 : 0;
    for (const c of ABOVE) f[`above_${c}` as TotalFeature] = e.above.has(c) ? 1 : 0;
    f.unlabelled = e.own.size === 0 && e.above.size === 0 ? 1 : 0;
    f.inclusive_marker = e.inclusive ? 1 : 0;
    f.exclusive_marker = e.exclusive ? 1 : 0;
    f.repeated = e.at.length > 1 ? 1 : 0;
    f.occurrences = Math.log1p(e.at.length);
    f.position_last = Math.max(...e.at) / n;
    f.position_first = Math.min(...e.at) / n;
    f.on_last_total_line = e.at.includes(lastTotalLine) || e.at.includes(lastTotalLine + 1) ? 1 : 0;
    f.is_max = minor === toMinor(max) ? 1 : 0;
    f.ratio_to_max = e.value / max;
    f.equals_cash_less_change = eq(minor, paid);
    f.equals_subtotal_plus_tax = subtotal !== null && tax !== null ? eq(minor, toMinor(subtotal) + toMinor(tax)) : 0;
    f.equals_subtotal = subtotal !== null ? eq(minor, toMinor(subtotal)) : 0;
    f.equals_items = itemLines.length > 1 ? eq(minor, items) : 0;
    f.equals_items_plus_tax = itemLines.length > 1 && tax !== null ? eq(minor, items + toMinor(tax)) : 0;
    f.equals_total_plus_rounding = rounding !== null && rounding !== 0 && [...labelledTotals].some((t) => t !== minor && t + toMinor(rounding) === minor) ? 1 : 0;
    // Rounding to 5 cents and whole amounts tell totals apart only where amounts have cents.
    f.cash_rounded = !wholeUnits && minor % 5 === 0 ? 1 : 0;
    f.cash_rounded_with_rounding_line = !wholeUnits && rounding !== null && minor % 5 === 0 ? 1 : 0;
    f.on_percent_line = e.percent ? 1 : 0;
    f.on_multi_amount_line = e.multi ? 1 : 0;
    f.never_last_on_line = e.last ? 0 : 1;
    f.whole_units = !wholeUnits && minor % 100 === 0 ? 1 : 0;
    f.bias = 1;
    return { value: e.value, features: f };
  });
}
