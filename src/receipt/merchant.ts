/** The merchant's name and address from the receipt's header lines. */
import { correctNameWords } from './name-words';

// Legal forms name the company that issued the receipt; OCR often misreads "SDN BHD" and "S/B".
const LEGAL_FORM =
  /\b(s[do0]n\.?\s*[be8][hn][do0]\.?|[s5]\/b|sb|bhd|berhad|pte\.?\s*ltd|ltd|limited|llc|l\.l\.c|inc|incorporated|corp(oration)?|co\.|company|plc|gmbh|s\.a\.?|s\.a\.r\.l|sarl|sas|s\.l\.|s\.r\.l|b\.v|n\.v|pty)(?![\p{L}\d])/iu;
// Words that make a line read as a business name, weaker than a legal form.
const BUSINESS_WORD =
  /\b(enterprise|trading|restoran|restaurant|bakeries|bakery|store|stores|mart|supermarket|hardware|stationery|florist|cafe|caf[ée]|bistro|pharmacy|kedai|syarikat|perniagaan|shop|boutique|market)\b/i;
const COMPANY_SUFFIX = new RegExp(`${LEGAL_FORM.source}|${BUSINESS_WORD.source}`, 'iu');

// Lines that are not a name: documents, registration and tax numbers, contact details, greetings.
const NOT_NAME =
  /\b(tax\s*invoice|invoice|receipt|resit|bill|cash\s*sale|official|tel|telephone|phone|fax|hp|mobile|e-?mail|www\.|https?|gst|vat|sst|reg(istration|\.)?\s*(no|#)|co\.?\s*(reg|no)|company\s*(reg|no)|roc|ssm|abn|siret|ust-?id|steuer|welcome|thank|thanks|tq|table|cashier|counter|order|date|time|opening|hours|tarikh|no\.\s*:|member)\b|@|\d{3,}[\s-]?\d{3,}/i;
const ADDRESS =
  /\b(jalan|jln|lorong|lot|taman|tmn|persiaran|bandar|kampung|kg|street|st|road|rd|avenue|ave|lane|ln|drive|dr|blvd|boulevard|way|highway|suite|ste|floor|fl|level|unit|block|blk|building|plaza|mall|centre|center|park|industrial|perindustrian|stra(ss|ß)e|str|platz|weg|gasse|rue|avenue|boulevard|chemin|place|calle|avenida|via|piazza|selangor|kuala|lumpur|johor|penang|pulau|perak|kedah|melaka|sabah|sarawak|pahang|darul|ehsan|takzim|wilayah|persekutuan|singapore|malaysia)\b|(stra(ss|ß)e|straat|gasse|weg|platz)(?![\p{L}])|\b\d{5}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b[A-Z]{2} \d{5}(-\d{4})?\b|^no\.?\s?\d|,\s*$/iu;
// A registration number glued to the name: "(001451637-M)", "(1234567-X)", "CO-REG 750441-W".
const REG_TAIL = /\s*[([]?\s*(co\.?\s*reg(\.|istration)?\s*(no\.?)?\s*:?\s*)?[A-Z]?\d{4,}\s*-?\s*[A-Z]\s*[)\]]?\s*$/i;

/** Strips registration numbers and frame characters, and undoes the usual OCR slips in a name. */
function cleanName(line: string): string {
  return correctNameWords(line.replace(REG_NUMBER, ''))
    .replace(/[\s,;]+$/, '')
    .replace(REG_TAIL, '')
    .replace(/^[\s*\-=~#.:,]+|[\s*\-=~#:,]+$/g, '')
    // "SDN" (sendirian) is always followed by "BHD" (berhad), however OCR misread it.
    .replace(/\bs[do0]n\.?\s*[be8h][a-z][do0u]\b/gi, (form) => (/^sdn\.?\s*bhd$/i.test(form) ? form : 'SDN BHD'))
    .replace(/\b5\/B\b/g, 'S/B')
    // Inside a word of letters, 0 and 1 are O and I ("F00DICI0US"); numbers like "99" stay.
    .replace(/\b(?=[\p{L}01]*\p{L}[\p{L}01]*\p{L})[\p{L}01]+\b/gu, (word) => word.replace(/0/g, 'O').replace(/1/g, 'I'))
    .replace(/\s+/g, ' ');
}

/** A registration number after the legal name ends it: what follows ("FKA …", a branch) is not the name. */
const REG_NUMBER = /\s*[([]\s*[A-Z]?\d{4,}\s*-?\s*[A-Z]\s*[)\]].*$/i;

const letters = (line: string) => (line.match(/\p{L}/gu) ?? []).length;

function isNameCandidate(line: string): boolean {
  const name = cleanName(line);
  return letters(name) >= 3 && letters(name) >= name.replace(/\s/g, '').length / 2 && !NOT_NAME.test(name);
}

const isAddress = (line: string) => ADDRESS.test(line) && !COMPANY_SUFFIX.test(line.replace(ADDRESS, ''));

const wordsBesides = (line: string, re: RegExp) =>
  line.replace(new RegExp(re.source, 'giu'), ' ').replace(/\([^)]*\)?|[^\s(]*\)/g, ' ').trim().split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
const OWNED_BY = /\b(owned|operated|managed)\s+by\b|\bdimiliki\s+oleh\b/i;
const unbalanced = (text: string) => (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;

/**
 * The name is the header line with a legal form (SDN BHD, LTD, GmbH…), else one with a business
 * word, else the first that reads as a name: the legal entity beats a brand or slogan printed above.
 * A name broken over lines is put back together: a line that is little more than the legal form
 * finishes the line before it, and an open parenthesis continues on the next line.
 */
export function findMerchant(lines: string[], headerEnd: number): { name: string | null; address: string | null } {
  const header = lines.slice(0, Math.max(1, Math.min(headerEnd, 8)));
  const usable = (i: number) => isNameCandidate(header[i]!) && !(isAddress(header[i]!) && !COMPANY_SUFFIX.test(header[i]!));
  const indices = header.map((_, i) => i).filter(usable);
  // "Owned by: X SDN BHD" under a trading name names the owner, not the shop.
  const owner = (i: number) => OWNED_BY.test(header[i]!) || (i > 0 && OWNED_BY.test(header[i - 1]!));
  const preferred = indices.filter((i) => !owner(i) || i === indices[0]);
  const nameAt = preferred.find((i) => LEGAL_FORM.test(header[i]!)) ?? preferred.find((i) => BUSINESS_WORD.test(header[i]!)) ?? indices[0];
  if (nameAt === undefined) return { name: null, address: null };

  let first = nameAt;
  let name = cleanName(header[nameAt]!);
  while (first > 0 && wordsBesides(header[first]!, COMPANY_SUFFIX) <= 1 && usable(first - 1) && !LEGAL_FORM.test(header[first - 1]!)) {
    first--;
    name = `${cleanName(header[first]!)} ${name}`;
  }
  let next = nameAt + 1;
  while (next < header.length && next < nameAt + 3 && (unbalanced(name) || (!LEGAL_FORM.test(name) && LEGAL_FORM.test(header[next]!) && wordsBesides(header[next]!, COMPANY_SUFFIX) <= 2))) {
    name = `${name} ${cleanName(header[next]!)}`;
    next++;
  }
  return { name: name || null, address: findAddress(lines.slice(next, next + 6)) };
}

/** Consecutive address-like lines after the name; registration-number lines in between are skipped. */
function findAddress(lines: string[]): string | null {
  const parts: string[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (/^[([]?\s*(co\.?\s*reg|reg|roc|company)?[\s.:no]*\d{4,}\s*-?\s*[A-Z]?\s*[)\]]?$/i.test(text) && parts.length === 0) continue;
    if (!isAddress(text) || /\b(tel|fax|phone|gst|vat|invoice|receipt|date)\b/i.test(text) || /\d{3,}[\s-]\d{4,}/.test(text)) break;
    parts.push(text.replace(/[,\s]+$/, ''));
  }
  return parts.length ? parts.join(', ') : null;
}
