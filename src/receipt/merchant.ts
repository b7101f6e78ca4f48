/** The merchant's name and address from the receipt's header lines. */
import { fold, foldKeepingLength } from './fold';
import { labelClasses } from './label-match';
import { LEGAL_FORMS, SHOP_WORDS } from './lexicon';
import { cutAfterLegalForm, foldedWithoutForms, formLetters, hasLegalForm, legalFormEnd, phrasePattern, withoutForms } from './legal-forms';
import { ADDRESS, looksLikeAddress, townPostcodeAt, withoutPostcodeLetters } from './address';
import { correctFromEchoes } from './name-echoes';
import { correctNameWords } from './name-words';

const LEXICON_SHOP = new RegExp(`(?<![A-Z])(?:${SHOP_WORDS.map((word) => phrasePattern(word)).join('|')})(?![A-Z])`);
// Words that make a line read as a business name, weaker than a legal form.
const BUSINESS_WORD =
  /\b(enterprise|trading|restoran|restaurant|bakeries|bakery|store|stores|mart|supermarket|hardware|stationery|florist|cafe|caf[ée]|bistro|pharmacy|kedai|syarikat|perniagaan|shop|boutique|market)\b/i;

const EVERY_BUSINESS_WORD = new RegExp(BUSINESS_WORD.source, 'gi');
const EVERY_SHOP_WORD = new RegExp(LEXICON_SHOP.source, 'g');

const hasShopWord = (line: string) => BUSINESS_WORD.test(line) || LEXICON_SHOP.test(foldKeepingLength(line));
const hasSuffix = (line: string) => hasLegalForm(line) || hasShopWord(line);

// Lines that are not a name: documents, registration and tax numbers, contact details, greetings, boilerplate.
const NOT_NAME =
  /\b(tax\s*invoice|invoice|receipt|resit|bill|cash\s*sale|official|copy|tel|telephone|phone|fax|hp|mobile|e-?mail|www\.|https?|gst|vat|sst|reg(istration|\.)?\s*(no|#)|co\.?\s*(reg|n[o0])|co[mn]pany\s*(reg|n[o0])|roc|ssm|abn|siret|ust-?id|steuer|welcome|thank|thanks|tq|table|cashier|counter|order|date|time|opening|hours|tarikh|no\.\s*:|member|goods\s*sold|returnable|refundable|exchangeable)\b|@|\d{3,}[\s-]?\d{3,}/i;
// A registration number glued to the name: "(001451637-M)", "(1234567-X)", "CO-REG 750441-W", "273500-U (KSB)".
const REG_TAIL = /\s*[([]?\s*(co\.?\s*reg(\.|istration)?\s*(no\.?)?\s*:?\s*)?[A-Z]?\d{4,}\s*[-·.]?\s*[A-Z]\s*[)\]]?\s*$/i;
/** A registration number after the legal name ends it: what follows ("FKA …", a branch) is not the name. */
const REG_NUMBER = /\s*[([]?\s*[A-Z]?\d{4,}\s*[-·.]?\s*[A-Z](?![\p{L}\d])\s*[)\]]?.*$/iu;
// A till or order code printed before the name: "#000002 ACME SDN BHD".
const LEADING_CODE = /^\s*#?\d{4,}\s+(?=\p{L})/u;
// A line that is only a registration number: the name is the line above it.
const REG_LINE = /^[([]?\s*(co\.?\s*(reg|no)\.?\s*:?\s*|company\s*no\.?\s*:?\s*)?[A-Z]{0,2}\d{4,}\s*[-·.]?\s*[A-Z]\s*[)\]]?\s*$/i;
/** Strips registration numbers and frame characters, and undoes the usual OCR slips in a name. */
function tidyName(line: string): string {
  return correctNameWords(formLetters(line.replace(LEADING_CODE, '').replace(REG_NUMBER, '')))
    .replace(/[\s,;]+$/, '')
    // The low opening quote of „Name“ and „Name” (Baltic, Polish, Czech, German) reads as a comma before the name.
    .replace(/(^|\s),(?=\p{L}[^,]*["“”])/gu, '$1„')
    .replace(REG_TAIL, '')
    // A final parenthesis holding a number ("(SHOP (95874))") is a code, not the name.
    .replace(/\s*\((?:[^()]*\(\s*\d{4,}\s*\)[^()]*|[^()]*\d{4,}[^()]*)\)\s*$/, '')
    .replace(/^[\s*\-=~#.:,]+|[\s*\-=~#:,]+$/g, '')
    // "SDN" (sendirian) is always followed by "BHD" (berhad), however OCR misread it (5 for S as well).
    .replace(/\b[s5][do0e]n\s*\.?\s*[be83h][a-z][do0u]\b|\b[s5][iu]n\s*\.?\s*[b83][hn][do0u]\b/gi, (form) => (/^sdn\s*\.?\s*bhd$/i.test(form) ? form.replace(/\s+\./g, '.') : form.includes('.') ? 'SDN. BHD' : 'SDN BHD'))
    .replace(/\b[5S][7/][B8]\b/g, 'S/B')
    // Inside a word of letters, 0 and 1 are O and I ("F00DICI0US"); numbers like "99" stay.
    .replace(/\b(?=[\p{L}01]*\p{L}[\p{L}01]*\p{L})[\p{L}01]+\b/gu, (word) => word.replace(/0/g, 'O').replace(/1/g, 'I'))
    // A lower-case word ending in "6" ends in an accented o OCR read as the digit ("Restauraci6" for "Restauració").
    .replace(/(?<=\p{Ll}{3})6\b/gu, 'o')
    .replace(/\s+[:;]\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\(/g, '(')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')');
}

/** OCR drops brackets: "COSWAY (M SDN BHD" and "BAKERIES KL) SDN BHD" get theirs back before the legal form. */
function closeBrackets(name: string): string {
  const end = legalFormEnd(name);
  if (end === -1) return name;
  const formStart = name.slice(0, end).search(/\s(\S+\s*){1,2}$/);
  if (formStart <= 0) return name;
  const [before, form] = [name.slice(0, formStart), name.slice(formStart)];
  const open = (before.match(/\(/g) ?? []).length;
  const close = (before.match(/\)/g) ?? []).length;
  if (open === close + 1 && /\([^()]*$/.test(before)) return `${before})${form}`;
  if (close === open + 1 && /^[^(]*\S+\)\s*$/.test(before)) return before.replace(/(\S+\)\s*)$/, '($1') + form;
  return name;
}

const cleanName = (line: string) => cutAfterLegalForm(tidyName(line));

// Greetings and thanks printed above or below the name, in the lexicon's languages (folded), and any line that exclaims.
const GREETING =
  /\b(GUTEN (MORGEN|TAG|ABEND)|HERZLICH|WILLKOMMEN|BONJOUR|BIENVENUE|BIENVENIDOS?|BENVENUT[IO]|BEM-?VINDO|WELKOM|WITAMY|VITEJTE|VITAJTE|UDVOZOLJUK|BINE ATI VENIT|VALKOMMEN|VELKOMMEN|TERVETULOA|TERE TULEMAST|LAIPNI LUDZAM|SVEIKI|DOBRODOSLI|DOBRODOSLI|HOS ?GELDINIZ|XIN CHAO|MALIGAYANG|SELAMAT DATANG|DANKE|MERCI|GRACIAS|GRAZIE|OBRIGADO|DANK U|DZIEKUJEMY|DEKUJEME|DAKUJEME|KOSZONJUK|MULTUMIM|TACK|TAKK|KIITOS|AITAH|PALDIES|ACIU|HVALA|TESEKKUR(LER)?|CAM ON|SALAMAT|TERIMA KASIH)\b|!\s*$/;
// "Kassierin: Maria", "Table: 12": a label and its value, not a name.
const KEY_VALUE = /^\p{L}+\s*:\s*\p{L}/u;
// "Butikk 0415 Tromsø Sentrum", "Filiaal 0233 Zwolle", "Store 1204 - High Street": a branch's number, not the name.
const BRANCH_LINE =
  /^\s*(?:store|shop|branch|outlet|filiale|filiaal|succursale|sucursal|tienda|loja|negozio|punto vendita|sklep|prodejna|predajna|uzlet|magazin|butik|butikk|myymala|kauplus|veikals|parduotuve|poslovnica|trgovina|markt)\.?\s*(?:no\.?|nr\.?|#)?\s*(?:0\d{2,}|\d{4,})(?=\s|$)/iu;

const letters = (line: string) => (line.match(/\p{L}/gu) ?? []).length;
// Shop names hold words like "CASH & CARRY" or "TOTAL": only documents, tax numbers and dates rule a line out.
const NOT_NAME_CLASSES = ['document', 'taxId', 'date'] as const;

function isNameCandidate(line: string, notName: (line: string) => boolean): boolean {
  const name = cleanName(line);
  // Dots and signs outnumber the letters of a legal form's line ("& C. s.n.c."), which is still part of a name.
  if (letters(name) < 3 || (letters(name) < name.replace(/\s/g, '').length / 2 && !hasLegalForm(name)) || NOT_NAME.test(tidyName(line))) return false;
  if (GREETING.test(fold(line)) || (KEY_VALUE.test(line) && !hasLegalForm(line)) || (BRANCH_LINE.test(fold(line)) && !hasLegalForm(line)) || notName(line)) return false;
  const classes = labelClasses(name);
  return !NOT_NAME_CLASSES.some((c) => classes.has(c));
}

// A line with a postcode before its town is a name only with a legal form, or a shop word and no house number before
// the postcode: its street may hold a shop word ("Markt 1, 5611 CV Eindhoven"), a name does not ("Bakkerij de Bie, 5611 CV …").
const namesBusiness = (line: string) => {
  const postcode = townPostcodeAt(line);
  return postcode === -1 ? hasSuffix(line) : hasLegalForm(withoutPostcodeLetters(line)) || (hasSuffix(line) && !/\d/.test(line.slice(0, postcode)));
};
const isAddress = (line: string) => looksLikeAddress(line) && !namesBusiness(line.replace(ADDRESS, ''));

/** How many words the line has besides its legal forms (and business words, with `shopWords`); initials like "K&L" are a word. */
function wordsBesides(line: string, shopWords: boolean): number {
  let rest = foldedWithoutForms(line);
  if (shopWords) rest = rest.replace(EVERY_BUSINESS_WORD, ' ').replace(EVERY_SHOP_WORD, ' ');
  return rest.replace(/\([^)]*\)?|[^\s(]*\)/g, ' ').trim().split(/\s+/).filter((w) => /\p{L}[&+]?\p{L}/u.test(w)).length;
}
const OWNED_BY = /\bowned\s+by\b|\bdi[mn]iliki(\s+oleh)?\b/i;
// "Operated by" in the lexicon's languages (folded): the company that runs the shop, and so issues the receipt
// ("Explotada por:" / "Carburantes Vega Alta, S.L." under a fuel station's brand). Unlike an owner, it is the merchant.
// A bare "Operator" is a cashier ("Operator: 3"), a network or a tour operator, unless it is a label ending its line.
const OPERATOR_LABEL = /\bOPERATOR\w*(\s+\p{L}+)?\s*:?\s*$/u;
const OPERATED_BY =
  /\b((OPERATED|MANAGED|RUN) BY|BETRIEBEN (VON|DURCH)|BETREIBER(IN)?|EXPLOITEE? PAR|EXPLOITANT|EXPLOTAD[OA] POR|OPERAD[OA] POR|EXPLORAD[OA] POR|GESTIT[OA] DA|GESTORE|AFFILIAT[OA]|FRANCHISEE|FRANQUICIAD[OA]|UITGEBAAT DOOR|PROWADZON[YAE] PRZEZ|PROVOZOVATEL|PREVADZKOVATEL|UZEMELTETO|OPERAT DE|DRIVS AV|DRIVES AF|DREVET AV|YLLAPITAJA|HALDAJA|APSAIMNIEKOTAJS|UPRAVITELJ|UPRAVLJAVEC|ISLETEN)\b/;
// A bracket or a quote opened and not closed: `UAB „Miesto ir kaimo` goes on to `prekybos namai“` (its „ may read as a comma).
const OPEN_QUOTE = /(?:^|\s)[„“"](?=\p{L})[^"“”]*$/u;
const COMMA_QUOTE = /(?:^|\s),(?=\p{L})[^"“”]*$/u;
/** Whether `text` leaves a bracket or quote open that `next` goes on with; a comma opens one only if `next` closes it. */
const unbalanced = (text: string, next = '') =>
  (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length || OPEN_QUOTE.test(text) || (COMMA_QUOTE.test(text) && /["“”]/.test(next));
const caseOf = (line: string) => {
  const upper = (line.match(/\p{Lu}/gu) ?? []).length;
  const lower = (line.match(/\p{Ll}/gu) ?? []).length;
  return lower === 0 ? 'upper' : upper <= 1 ? 'lower' : 'mixed';
};
// A name printed over two lines: the first ends on a joining word, or the second starts with one, or is only the legal form.
const ENDS_OPEN = /(&|\band|\bund|\bet|\by|\be|\bi|\bog|\bof|[,\-+])\s*$/iu;
const STARTS_OPEN = /^\s*(&|and\b|und\b|et\b|\+)/i;

/**
 * The name is the header line with a legal form (SDN BHD, GmbH, Sp. z o.o.…) or the line above its
 * registration number, else one with a business word, else the first that reads as a name: the legal
 * entity beats a brand or slogan printed above. A name broken over lines is put back together.
 */
export function findMerchant(lines: string[], headerEnd: number, isOther: (line: string) => boolean): { name: string | null; address: string | null } {
  // A receipt's first lines may be the end of the previous one, or a logo read as noise: the header runs
  // to the first date or column header after a line that could be a name, ten lines at most.
  const window = lines.slice(0, 10);
  const hasAmount = (line: string) => /\d[.,]\d{2}(?!\d)/.test(line) && !hasLegalForm(line);
  const candidate = (line: string) => !hasAmount(line) && isNameCandidate(line, isOther) && !(isAddress(line) && !namesBusiness(line));
  const firstName = window.findIndex(candidate);
  const end = firstName === -1 ? 0 : Math.max(firstName + 1, headerEnd > firstName ? headerEnd : window.length);
  const header = window.slice(0, end);
  const usable = (i: number) => candidate(header[i]!);
  const indices = header.map((_, i) => i).filter(usable);
  // "Owned by: X SDN BHD" under a trading name names the owner, not the shop.
  const owner = (i: number) => OWNED_BY.test(header[i]!) || (i > 0 && OWNED_BY.test(header[i - 1]!));
  const preferred = indices.filter((i) => !owner(i) || i === indices[0]);
  const registered = (i: number) => hasLegalForm(tidyName(header[i]!)) || REG_LINE.test(header[i + 1] ?? '') || REG_NUMBER.test(header[i]!.replace(/^.*?\p{L}{2}/u, ''));
  // The legal name is printed near the top: one far below the first name-like line belongs to someone else.
  const near = preferred.filter((i) => i <= (indices[0] ?? 0) + 4);
  const nameAt = near.find(registered) ?? near.find((i) => hasShopWord(header[i]!)) ?? indices[0];
  if (nameAt === undefined) return { name: null, address: null };

  let first = nameAt;
  let name = cleanName(header[nameAt]!);
  const joinsAbove = (i: number) => {
    const above = header[i - 1]!;
    const current = header[i]!;
    // A legal form has its own case ("s.n.c.", "GmbH"): the words beside it tell the line's, if there are two or more.
    const words = withoutForms(current);
    const sameCase = words.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length <= 1 || caseOf(above) === caseOf(words) || (caseOf(above) !== 'lower' && caseOf(words) !== 'lower');
    // A logo repeating the name's first word ("PREMIO" over "PREMIO STATIONERY") is not part of it.
    const repeats = fold(cleanName(above)).split(/\s+/).every((word) => fold(current).includes(word));
    // A line of nothing but a legal form finishes the one above, unless that is a stray word ("AIN"); so does one
    // of one word and a form under a firm's description ("Przedsiębiorstwo Handlowo-Usługowe" over "„X” Sp. z o.o.").
    const own = wordsBesides(tidyName(current), true);
    const finishes = (own === 0 || (own === 1 && wordsBesides(tidyName(above), true) === 0)) && letters(above) >= 5;
    // A name goes on where the next line starts in lower case ("TRATTORIA DA NINO" over "di Ferri Paolo & C. s.n.c.").
    const open = ENDS_OPEN.test(above) || unbalanced(above, current) || /^[^(]*\)/.test(tidyName(current)) || STARTS_OPEN.test(current) || /^\s*\p{Ll}/u.test(current) || finishes;
    // A name that ends in a comma before its legal form ("Ana Lima Cabeleireiros," / "Unipessoal Lda.") is no address.
    const nameBeforeForm = own === 0 && ENDS_OPEN.test(above) && isNameCandidate(above, isOther) && !looksLikeAddress(above.replace(/,\s*$/, ''));
    return open && sameCase && !repeats && (usable(i - 1) || nameBeforeForm) && !hasLegalForm(tidyName(above)) && !owner(i - 1);
  };
  while (first > 0 && joinsAbove(first)) {
    first--;
    // The comma before a legal form is part of the name ("…Cabeleireiros, Unipessoal Lda."), as on one line.
    name = `${cleanName(header[first]!)}${/,\s*$/.test(header[first]!) ? ',' : ''} ${name}`;
  }
  let next = nameAt + 1;
  const joinsBelow = (line: string) => !isAddress(line) && !REG_LINE.test(line) && !OWNED_BY.test(line) && (unbalanced(name, line) || ENDS_OPEN.test(name) || (!hasLegalForm(name) && hasLegalForm(tidyName(line)) && wordsBesides(line, true) <= 2));
  while (next < header.length && next < nameAt + 3 && isNameCandidate(header[next]!, isOther) && joinsBelow(header[next]!)) {
    name = cleanName(`${name} ${cleanName(header[next]!)}`);
    next++;
  }
  name = correctFromEchoes(cutAfterLegalForm(closeBrackets(name)), [...lines.slice(0, first), ...lines.slice(next)]);
  // A header name with its legal form is the company (unless it is the operator line itself); else one an operator
  // line or the footer names.
  const operator = operatorCompany(lines, isOther);
  const named = operator !== undefined && (!hasLegalForm(name) || fold(name).includes(fold(operator)));
  const company = named ? operator : hasLegalForm(name) ? undefined : (ownLegalName(lines, name, isOther) ?? companyBelow(lines, next, header.slice(0, next), isOther));
  return { name: company ?? (name || null), address: findAddress(lines.slice(next, next + 6)) };
}

const nameWords = (text: string) => foldedWithoutForms(cleanName(text)).replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * The shop's own name with a legal form, printed anywhere, even on an owner's line ("Banh Mi Cafe" / "Dimiliki: Banh
 * Mi Cafe Sdn Bhd"): that is the company, the same business. An owner of another name ("SANYU SUPPLY SDN BHD" under
 * "SANYU STATIONERY SHOP") is not.
 */
function ownLegalName(lines: string[], name: string, isOther: (line: string) => boolean): string | undefined {
  const own = nameWords(name);
  if (!own) return undefined;
  // Only a line that prints the name's longest word is read closely: the check below runs the name corrections.
  const longest = own.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
  for (const line of lines) {
    if (!foldKeepingLength(line).includes(longest)) continue;
    const owner = OWNED_BY.exec(line);
    const text = owner ? line.slice(owner.index + owner[0].length).replace(/^[\s:.-]+/, '') : line;
    if (hasLegalForm(tidyName(text)) && isNameCandidate(text, isOther) && nameWords(text) === own) return cleanName(text);
  }
  return undefined;
}

/**
 * The company an "operated by" line names, on the same line after the words or on the next line, with its legal form
 * and a name of its own beside it (a cashier's "Operator: Ana" has no form; in "Palota Mozi Üzemeltető Kft." the word is
 * the company's name); only where the receipt names one such company.
 */
function operatorCompany(lines: string[], isOther: (line: string) => boolean): string | undefined {
  const found = new Set<string>();
  const company = (text: string) => /\p{L}{2}/u.test(withoutForms(tidyName(text))) && hasLegalForm(tidyName(text)) && isNameCandidate(text, isOther) && !isAddress(text);
  lines.forEach((line, i) => {
    const folded = foldKeepingLength(line);
    const match = OPERATED_BY.exec(folded) ?? OPERATOR_LABEL.exec(folded);
    if (!match) return;
    const rest = line.slice(match.index + match[0].length).replace(/^[\s:.-]+/, '');
    // The next line only under a label that ends its line, and not another label's value ("Casa de marcat: X SRL").
    const next = lines[i + 1] ?? '';
    if (/\p{L}/u.test(rest) ? company(rest) : company(next) && !KEY_VALUE.test(next) && !OWNED_BY.test(next)) found.add(cleanName(/\p{L}/u.test(rest) ? rest : next));
  });
  return found.size === 1 ? [...found][0] : undefined;
}

// Words that name no one business: shop words and the words of legal forms ("LIMITED", "UNIPESSOAL").
const GENERIC_WORDS = new Set([...SHOP_WORDS, ...LEGAL_FORMS].flatMap((phrase) => fold(phrase).split(/[^\p{L}]+/u)));
const ownWords = (line: string) => fold(cleanName(line)).split(/[^\p{L}]+/u).filter((word) => word.length >= 4 && !GENERIC_WORDS.has(word));
const stem = (word: string) => word.slice(0, 5);

/**
 * The company a receipt names only below its header (often in the footer, "Bramblewick Retail Ltd" under a header
 * of "BRAMBLEWICK"): a line with a legal form that shares a word of its own with the header's names (its stem, as
 * declined names differ in their endings). Only one such
 * company counts; a card processor or till maker in the footer shares no word with the shop, and an owner
 * ("Owned by: BRAMBLEWICK HOLDINGS SDN BHD" under "BRAMBLEWICK STORE") is not the shop, as in the header.
 */
function companyBelow(lines: string[], from: number, header: string[], isOther: (line: string) => boolean): string | undefined {
  // A word's first five letters: names decline ("PEKÁREŇ U SV. JAKUBA" is "Jakubovo pečivo s.r.o.", "MEISTRAS" "meistro").
  const stems = new Set(header.filter((line) => isNameCandidate(line, isOther)).flatMap(ownWords).map(stem));
  const found = new Set(
    lines
      .slice(from)
      .filter((line, i, below) => !/\d[.,]\d{2}(?!\d)/.test(line) && !OWNED_BY.test(`${below[i - 1] ?? ''} ${line}`) && hasLegalForm(tidyName(line)) && isNameCandidate(line, isOther) && !isAddress(line) && ownWords(line).some((word) => stems.has(stem(word))))
      .map(cleanName),
  );
  return found.size === 1 ? [...found][0] : undefined;
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
