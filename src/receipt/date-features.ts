/**
 * Every date printed on a receipt as a candidate for its purchase date, described by evidence that holds in any
 * language: a date label on its line or alone above it, other words before it, a time of day beside it, where it is
 * printed, how often, how it is written, and how it stands against the receipt's other dates. `ranker.ts` weighs the
 * evidence, with weights learned by scripts/fields/train-fields.ts. The lexicon's non-purchase words are rules, not
 * weights (SROIE prints too few such dates to learn them from): an expiry, validity or return-by date is never the
 * purchase date, and an order's, an arrival's or a prescription's only where the receipt prints no other.
 */
import { damagedDateIn, datesIn, TIME, type DateOrder, type PrintedDate } from './dates';
import { fold } from './fold';
import { labelClasses, labelsIn } from './label-match';
import { noEvidence } from './ranker';

export const DATE_FEATURES = [
  'own_date_label',
  'above_date_label',
  'word_before',
  'time_beside',
  'position_first',
  'is_first',
  'is_last',
  'repeated',
  'form_iso',
  'form_words',
  'form_damaged',
  'two_digit_year',
  'is_earliest',
  'bias',
] as const;
export type DateFeature = (typeof DATE_FEATURES)[number];

export interface DateCandidate {
  date: string;
  features: Record<DateFeature, number>;
}

// Dates that are not the purchase: expiry, validity, due and return dates, a membership's start, the next appointment
// or service, in the lexicon's languages (folded).
const NOT_PURCHASE =
  /\b(EXP(IRY|IRES|\.)?|VALID|BEST BEFORE|DUE|BORN|DOB|WARRANTY|GUARANTEE|RETURN BY|ZARUKA|ZARUKU|ZARUKY|GARANCIA|GARANTIE|GARANTIA|GARANZIA|GWARANCJA|JAMSTVO|GARANTI|TAKUU|GARANTII|GULTIG|MHD|HALTBAR|VALABLE|EXPIRE|VALIDO|VALIDA|SCADENZA|VENCIMENTO|GELDIG|WAZN[EY]|PLATNOST|PLATNE|ERVENYES|LEJAR|VALABIL|GILTIG|BAST FORE|GYLDIG|HOLDBAR|VOIMASSA|PARASTA ENNEN|KEHTIB|PARIM ENNE|DERIGS|LIDZ|GALIOJA|VRIJEDI|VELJA\w*|GECERLI|SON KULLANMA|HAN SU DUNG|HAN DUNG|VALID UNTIL|BALIDO|(MEMBER|CUSTOMER|KUNDE|MITGLIED|CLIENT|CLIENTE|SOCIO|KLANT|KLIENT) (SINCE|SEIT|DEPUIS|DESDE|DAL|SINDS|OD)|NEXT (APPOINTMENT|SERVICE|VISIT|INSPECTION|DUE)|NACHSTE[NR]? (TERMIN|INSPEKTION|WARTUNG|SERVICE)|PROCHAIN (RENDEZ-VOUS|RDV|CONTROLE|ENTRETIEN)|PROXIMA (CITA|REVISION|VISITA)|PROSSIM[OA] (APPUNTAMENTO|CONTROLLO|TAGLIANDO)|VOLGENDE (AFSPRAAK|BEURT|ONDERHOUD)|NASTEPN\w* (WIZYTA|PRZEGLAD)|SEURAAVA (HUOLTO|KAYNTI))\b/;

// The dates of another event than the sale: an order, a prescription, a deposit voucher, a car park's entry, a hotel
// stay's arrival, a pickup, delivery, appointment or show. The receipt is dated when it is issued; one of these is its
// date only where it prints no other.
const OTHER_EVENT =
  /\b(ORDER DATE|DATE ORDERED|ARRIVAL|ARRIVEE|ANKUNFT|ANREISE|LLEGADA|ARRIVO|CHEGADA|AANKOMST|PRZYJAZD|PRICHOD|PRIJEZD|ERKEZES|SOSIRE|ANKOMST|SAAPUMINEN|SAABUMINE|IERASANAS|ATVYKIMAS|DOLAZAK|PRIHOD|BESTELLDATUM|DATE DE COMMANDE|FECHA (DE|DEL) PEDIDO|DATA DO PEDIDO|DATA (DELL')?ORDINE|BESTELDATUM|ORDERDATUM|DATA ZAMOWIENIA|DATUM OBJEDNAVKY|DATUM NARUDZBE|RENDELES DATUMA|DATA COMENZII|BESTILLINGSDATO|TILAUSPAIVA|TELLIMUSE KUUPAEV|PASUTIJUMA DATUMS|UZSAKYMO DATA|PRESCRI\w*|REZEPT\w*|ORDONNANCE|RICETTA|RECETA|RECEITA|RECEPT[AOEU]?|RECEPTE|RECEPTO|RETSEPT\w*|RESEPT\w*|VENY|RETETA|EINFAHRT|LEERGUTBON|PICK ?UP|READY|DELIVER\w*|APPOINTMENT|SHOW(ING|TIME)?|PERFORMANCE|ABHOLUNG|ABHOLBEREIT|LIEFER\w*|TERMIN|VORSTELLUNG|RETRAIT|A RETIRER|LIVRAISON|RENDEZ-VOUS|SEANCE|RECOGIDA|CITA|SESION|FUNCION|RITIRO|CONSEGNA|APPUNTAMENTO|SPETTACOLO|OPHALEN|BEZORG\w*|AFSPRAAK|VOORSTELLING|ODBIOR|DOSTAWA|WIZYTA|SEANS|VYZVEDNUTI|DORUCENI|VYZDVIHNUTIE|DORUCENIE|ATVETEL|KISZALLITAS|RIDICARE|LIVRARE|HAMTNING|LEVERANS|FORESTALLNING|AFHENTNING|FORESTILLING|HENTING|NOUTO|TOIMITUS|NAYTOS|ETENDUS|PIEGADE|ATSIEMIMAS|PRISTATYMAS|PREUZIMANJE|DOSTAVA|PREVZEM|TESLIMAT)\b/;

interface LineEvidence {
  dateLabel: boolean;
  notPurchase: boolean;
  otherEvent: boolean;
  /** A label printed alone above its date, ending in a colon ("Valid until:" / "31.12.2025"): a footer sentence is none. */
  labelOnly: boolean;
  /** Dates printed on the line: the clean ones, else one OCR damaged on a line that names the date or the time. */
  dates: PrintedDate[];
}

function evidenceOf(line: string, order: DateOrder): LineEvidence {
  const folded = fold(line);
  const dateLabel = labelClasses(line).has('date');
  const clean = datesIn(line, order);
  const damaged = clean.length === 0 && (dateLabel || /\d\s?:\s?[0-5]\d/.test(line)) ? damagedDateIn(line, order) : null;
  return { dateLabel, notPurchase: NOT_PURCHASE.test(folded), otherEvent: OTHER_EVENT.test(folded), labelOnly: !/\d/.test(line) && /\p{L}{2}.*:\s*$/u.test(line), dates: damaged ? [damaged] : clean };
}

/** A time of day on the line outside the date itself ("05.03.2024 14:20", "14:20 05/03/24"). */
function timeBeside(line: string, date: PrintedDate): boolean {
  const rest = line.slice(0, date.index) + ' '.repeat(date.end - date.index) + line.slice(date.end);
  return [...rest.matchAll(TIME)].length > 0;
}

// Words before a date that say nothing of what it dates: weekdays, "on", "the", "at", "le", "am" (folded).
const PLAIN_BEFORE = /^(MON|TUE|WED|THU|FRI|SAT|SUN|MO|DI|MI|DO|FR|SA|SO|LUN|MAR|MER|JEU|VEN|SAM|DIM|ON|THE|AT|LE|AM|DEN|DNE|KL|KLO)$/;

// Words that date the sale itself: sold, bought, paid, issued (folded), as good as a date label before a date.
const SALE_WORD =
  /\b(SOLD|BOUGHT|PURCHASED|PAID|ISSUED|VERKAUFT|GEKAUFT|BEZAHLT|AUSGESTELLT|VENDUE?|ACHETE|PAYEE?|EMISE?|VENDID[OA]|COMPRAD[OA]|PAGAD[OA]|EMITID[OA]|VENDUT[OA]|ACQUISTAT[OA]|PAGAT[OA]|EMESS[OA]|VERKOCHT|GEKOCHT|BETAALD|UITGEGEVEN|SPRZEDAN\w*|ZAKUPION\w*|ZAPLACON\w*|WYSTAWION\w*|PRODAN\w*|ZAPLACEN\w*|VYSTAVEN\w*|VYDAN\w*|KIALLITVA|FIZETVE|VANDUT|PLATIT|EMIS|KOPT|SALD|BETALT|KOBT|SOLGT|KJOPT|UTSTEDT|OSTETTU|MYYTY|MAKSETTU|OSTETUD|MUUDUD|MAKSTUD|PARDOTS|APMAKSATS|PARDUOTA|APMOKETA|PLACENO|IZDANO|KUPLJENO|PRODANO)\b/;

/** A word of three letters or more before the date on its line that is not a date label, a weekday or a time word. */
function wordBefore(line: string, date: PrintedDate): boolean {
  if (saleLabelledBefore(line, date) || labelsIn(line).some((m) => m.cls === 'date' && m.start < date.index)) return false;
  return fold(line.slice(0, date.index))
    .split(/[^\p{L}]+/u)
    .some((word) => word.length >= 3 && !PLAIN_BEFORE.test(word));
}

/** A word of the sale before the date on its line ("Sold 05/03/2024"). */
const saleLabelledBefore = (line: string, date: PrintedDate) => SALE_WORD.test(fold(line.slice(0, date.index)));

interface Occurrence {
  line: number;
  printed: PrintedDate;
  /** The line's first date, which a label before it describes ("Arrival 01.03 Departure 04.03"). */
  own: boolean;
  above: LineEvidence | null;
  /** An event's word before it on its line ("Arrivée 01.03.2024") or on the label above; one after it is another's. */
  otherEvent: boolean;
}

export function dateCandidates(lines: string[], order: DateOrder): DateCandidate[] {
  const evidence = lines.map((line) => evidenceOf(line, order));
  const n = Math.max(1, lines.length - 1);
  const occurrences: Occurrence[] = [];
  evidence.forEach((info, i) => {
    const above = i > 0 && evidence[i - 1]!.labelOnly ? evidence[i - 1]! : null;
    if (info.notPurchase || above?.notPurchase) return;
    info.dates.forEach((printed, k) => occurrences.push({ line: i, printed, own: k === 0, above, otherEvent: OTHER_EVENT.test(fold(lines[i]!.slice(0, printed.index))) || !!above?.otherEvent }));
  });
  const sale = occurrences.some((o) => !o.otherEvent) ? occurrences.filter((o) => !o.otherEvent) : occurrences;

  const byDate = new Map<string, { at: number[]; f: Record<DateFeature, number> }>();
  for (const { line, printed, own, above } of sale) {
    const entry = byDate.get(printed.date) ?? { at: [], f: noEvidence(DATE_FEATURES) };
    const f = entry.f;
    entry.at.push(line);
    const mark = (name: DateFeature, on: boolean) => {
      if (on) f[name] = 1;
    };
    // A date label on the line or a word of the sale before it ("Sold 05/03/2024"); a label alone on the line above.
    mark('own_date_label', (evidence[line]!.dateLabel || saleLabelledBefore(lines[line]!, printed)) && own);
    mark('above_date_label', !!above?.dateLabel);
    mark('word_before', wordBefore(lines[line]!, printed));
    mark('time_beside', timeBeside(lines[line]!, printed));
    mark('form_iso', printed.form === 'iso');
    mark('form_words', printed.form === 'words');
    mark('form_damaged', printed.form === 'damaged');
    mark('two_digit_year', printed.twoDigitYear);
    byDate.set(printed.date, entry);
  }
  const dates = [...byDate.keys()];
  const earliest = [...dates].sort()[0];
  return [...byDate].map(([date, { at, f }], rank) => {
    f.position_first = at[0]! / n;
    // First and last as printed, by each date's first line.
    f.is_first = rank === 0 ? 1 : 0;
    f.is_last = rank === dates.length - 1 ? 1 : 0;
    f.repeated = at.length > 1 ? 1 : 0;
    f.is_earliest = dates.length > 1 && date === earliest ? 1 : 0;
    f.bias = 1;
    return { date, features: f };
  });
}
