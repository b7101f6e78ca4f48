/**
 * Every date printed on a receipt as a candidate for its purchase date, described by evidence that holds in any
 * language: a date label or a non-purchase word (expiry, validity, an order's or an arrival's) on its line or the
 * line above, a time of day beside it, where it is printed, how often, how it is written, and how it stands against
 * the receipt's other dates. `ranker.ts` weighs the evidence, with weights learned by scripts/fields/train-fields.ts.
 */
import { damagedDateIn, datesIn, TIME, type DateOrder, type PrintedDate } from './dates';
import { fold } from './fold';
import { labelClasses } from './label-match';

export const DATE_FEATURES = [
  'own_date_label',
  'above_date_label',
  'not_purchase',
  'not_purchase_above',
  'other_event',
  'other_event_above',
  'time_beside',
  'position_first',
  'is_first',
  'is_last',
  'repeated',
  'form_iso',
  'form_spaced',
  'form_words',
  'form_damaged',
  'two_digit_year',
  'is_latest',
  'is_earliest',
  'bias',
] as const;
export type DateFeature = (typeof DATE_FEATURES)[number];

export interface DateCandidate {
  date: string;
  features: Record<DateFeature, number>;
}

// Dates that are not the purchase: expiry, validity, due and return dates, in the lexicon's languages (folded).
const NOT_PURCHASE =
  /\b(EXP(IRY|IRES|\.)?|VALID|BEST BEFORE|DUE|BORN|DOB|WARRANTY|GUARANTEE|RETURN BY|ZARUKA|ZARUKU|ZARUKY|GARANCIA|GARANTIE|GARANTIA|GARANZIA|GWARANCJA|JAMSTVO|GARANTI|TAKUU|GARANTII|GULTIG|MHD|HALTBAR|VALABLE|EXPIRE|VALIDO|VALIDA|SCADENZA|VENCIMENTO|GELDIG|WAZN[EY]|PLATNOST|PLATNE|ERVENYES|LEJAR|VALABIL|GILTIG|BAST FORE|GYLDIG|HOLDBAR|VOIMASSA|PARASTA ENNEN|KEHTIB|PARIM ENNE|DERIGS|LIDZ|GALIOJA|VRIJEDI|VELJA\w*|GECERLI|SON KULLANMA|HAN SU DUNG|HAN DUNG|VALID UNTIL|BALIDO)\b/;

// The dates of another event than the sale: an order, a prescription, a deposit voucher, a car park's entry, a hotel
// stay's arrival. The receipt is dated when it is issued; one of these is its date only where it prints no other.
const OTHER_EVENT =
  /\b(ORDER DATE|DATE ORDERED|ARRIVAL|ARRIVEE|ANKUNFT|ANREISE|LLEGADA|ARRIVO|CHEGADA|AANKOMST|PRZYJAZD|PRICHOD|PRIJEZD|ERKEZES|SOSIRE|ANKOMST|SAAPUMINEN|SAABUMINE|IERASANAS|ATVYKIMAS|DOLAZAK|PRIHOD|BESTELLDATUM|DATE DE COMMANDE|FECHA (DE|DEL) PEDIDO|DATA DO PEDIDO|DATA (DELL')?ORDINE|BESTELDATUM|ORDERDATUM|DATA ZAMOWIENIA|DATUM OBJEDNAVKY|DATUM NARUDZBE|RENDELES DATUMA|DATA COMENZII|BESTILLINGSDATO|TILAUSPAIVA|TELLIMUSE KUUPAEV|PASUTIJUMA DATUMS|UZSAKYMO DATA|PRESCRI\w*|REZEPT\w*|ORDONNANCE|RICETTA|RECETA|RECEITA|RECEPT[AOEU]?|RECEPTE|RECEPTO|RETSEPT\w*|RESEPT\w*|VENY|RETETA|EINFAHRT|LEERGUTBON)\b/;

interface LineEvidence {
  dateLabel: boolean;
  notPurchase: boolean;
  otherEvent: boolean;
  /** Dates printed on the line: the clean ones, else one OCR damaged on a line that names the date or the time. */
  dates: PrintedDate[];
}

function evidenceOf(line: string, order: DateOrder): LineEvidence {
  const folded = fold(line);
  const dateLabel = labelClasses(line).has('date');
  const clean = datesIn(line, order);
  const damaged = clean.length === 0 && (dateLabel || /\d\s?:\s?[0-5]\d/.test(line)) ? damagedDateIn(line, order) : null;
  return { dateLabel, notPurchase: NOT_PURCHASE.test(folded), otherEvent: OTHER_EVENT.test(folded), dates: damaged ? [damaged] : clean };
}

/** A time of day on the line outside the date itself ("05.03.2024 14:20", "14:20 05/03/24"). */
function timeBeside(line: string, date: PrintedDate): boolean {
  const rest = line.slice(0, date.index) + ' '.repeat(date.end - date.index) + line.slice(date.end);
  return [...rest.matchAll(TIME)].length > 0;
}

export function dateCandidates(lines: string[], order: DateOrder): DateCandidate[] {
  const evidence = lines.map((line) => evidenceOf(line, order));
  const n = Math.max(1, lines.length - 1);
  const byDate = new Map<string, { at: number[]; f: Record<DateFeature, number> }>();
  evidence.forEach((info, i) => {
    // A label printed alone above its date ("Valid until:" / "12.03.2025") describes it.
    const above = i > 0 && evidence[i - 1]!.dates.length === 0 ? evidence[i - 1]! : null;
    info.dates.forEach((printed, k) => {
      const entry = byDate.get(printed.date) ?? { at: [], f: Object.fromEntries(DATE_FEATURES.map((name) => [name, 0])) as Record<DateFeature, number> };
      const f = entry.f;
      entry.at.push(i);
      // On a line of two dates ("Arrival 01.03 Departure 04.03"), a word before the first describes the first.
      const own = k === 0 || info.dates.length === 1;
      const mark = (name: DateFeature, on: boolean) => {
        if (on) f[name] = 1;
      };
      mark('own_date_label', info.dateLabel && own);
      mark('above_date_label', !!above?.dateLabel);
      mark('not_purchase', info.notPurchase);
      mark('not_purchase_above', !!above?.notPurchase);
      mark('other_event', info.otherEvent);
      mark('other_event_above', !!above?.otherEvent);
      mark('time_beside', timeBeside(lines[i]!, printed));
      mark('form_iso', printed.form === 'iso');
      mark('form_spaced', printed.form === 'spaced');
      mark('form_words', printed.form === 'words');
      mark('form_damaged', printed.form === 'damaged');
      mark('two_digit_year', printed.twoDigitYear);
      byDate.set(printed.date, entry);
    });
  });
  const dates = [...byDate.keys()];
  const sorted = [...dates].sort();
  return [...byDate].map(([date, { at, f }], rank) => {
    f.position_first = at[0]! / n;
    f.is_first = rank === 0 ? 1 : 0;
    f.is_last = rank === dates.length - 1 ? 1 : 0;
    f.repeated = at.length > 1 ? 1 : 0;
    f.is_latest = dates.length > 1 && date === sorted.at(-1) ? 1 : 0;
    f.is_earliest = dates.length > 1 && date === sorted[0] ? 1 : 0;
    f.bias = 1;
    return { date, features: f };
  });
}
