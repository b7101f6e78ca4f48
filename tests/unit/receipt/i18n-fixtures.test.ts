import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decimalMark, lineHasAmount, type DecimalMark } from '../../fixtures/receipts-i18n/numbers';
import { I18N_RECEIPTS, type FixtureReceipt } from '../../fixtures/receipts-i18n/receipts';
import { PHOTO_LONG_SIDE, renderReceiptImage } from '../../fixtures/receipts-i18n/render';

const LANGUAGES = 'en ms id de fr es it pt nl pl cs sk hu ro sv da no fi et lv lt hr sr sl el tr vi tl'.split(' ');

/** Labels of the cash tendered and of the change given, as the fixtures print them, upper-cased. */
const CASH_LABELS = new Set(
  ['CASH', 'TUNAI', 'BAR', 'ESPÈCES', 'EFECTIVO', 'PAGAMENTO CONTANTE', 'NUMERÁRIO', 'DINHEIRO', 'CONTANT', 'GOTÓWKA', 'HOTOVĚ', 'HOTOVOSŤ', 'KÉSZPÉNZ', 'NUMERAR', 'KONTANT', 'KÄTEINEN', 'SULARAHA', 'SKAIDRĀ NAUDĀ', 'GRYNAIS', 'GOTOVINA', 'ГОТОВИНА', 'ΜΕΤΡΗΤΑ', 'NAKİT', 'TIỀN KHÁCH ĐƯA', 'BAYAD (CASH)'].map(
    (label) => label.toUpperCase(),
  ),
);
const CHANGE_LABELS = new Set(
  ['CHANGE', 'BAKI', 'KEMBALIAN', 'RÜCKGELD', 'RENDU', 'CAMBIO', 'RESTO', 'TROCO', 'WISSELGELD', 'RESZTA', 'VRÁCENO', 'VYDANÉ', 'VISSZAJÁRÓ', 'REST', 'VÄXEL', 'BYTTEPENGE', 'VEKSEL', 'TAKAISIN', 'TAGASTUS', 'ATLIKUMS', 'GRĄŽA', 'VRAĆENO', 'ПОВРАЋАЈ', 'VRAČILO', 'ΡΕΣΤΑ', 'PARA ÜSTÜ', 'TIỀN THỐI LẠI', 'SUKLI'].map(
    (label) => label.toUpperCase(),
  ),
);

const sum = (amounts: readonly number[]): number => amounts.reduce((total, amount) => total + amount, 0);
const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** A line's label (the words before its first digit or currency sign), without a trailing ':' or currency code. */
function labelOf(line: string): string {
  const head = line.split(/[\d₱$€£₺₫*-]/)[0] ?? '';
  return head
    .trim()
    .replace(/:$/, '')
    .replace(/\s+(?:[A-Z]{2,3}|Rp|Kč|kr)$/, '')
    .trim()
    .toUpperCase();
}

/** The amount printed after a line's label, read in the receipt's own number style. */
function amountAfterLabel(line: string, mark: DecimalMark): number | null {
  const token = line.slice(line.search(/[\d]/)).match(/-?\d[\d.,' ]*\d|\d/)?.[0];
  if (!token) return null;
  if (mark === null) return Number(token.replace(/\D/g, ''));
  const plain = mark === ',' ? token.replace(/[. ']/g, '').replace(',', '.') : token.replace(/[, ']/g, '');
  return Number(plain);
}

/** Cash tendered and change given, where the receipt prints both. */
function cashAndChange(receipt: FixtureReceipt): { cash: number; change: number } | null {
  const mark = decimalMark(receipt);
  let cash: number | null = null;
  let change: number | null = null;
  for (const line of receipt.lines) {
    const label = labelOf(line);
    if (CASH_LABELS.has(label)) cash = amountAfterLabel(line, mark);
    if (CHANGE_LABELS.has(label)) change = amountAfterLabel(line, mark);
  }
  return cash !== null && change !== null ? { cash, change } : null;
}

describe('i18n receipt fixtures', () => {
  it('cover every language at least twice, and only those languages', () => {
    for (const language of LANGUAGES) expect(I18N_RECEIPTS.filter((receipt) => receipt.language === language).length, language).toBeGreaterThanOrEqual(2);
    for (const receipt of I18N_RECEIPTS) expect(LANGUAGES, receipt.id).toContain(receipt.language);
  });

  it('have unique, slug-shaped ids and ISO country and currency codes', () => {
    const ids = I18N_RECEIPTS.map((receipt) => receipt.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const receipt of I18N_RECEIPTS) {
      expect(receipt.id).toMatch(/^[a-z0-9-]+$/);
      expect(receipt.country, receipt.id).toMatch(/^[A-Z]{2}$/);
      expect(receipt.expected.currency, receipt.id).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('are 12-40 printed lines of at most 48 characters', () => {
    for (const receipt of I18N_RECEIPTS) {
      expect(receipt.lines.length, receipt.id).toBeGreaterThanOrEqual(12);
      expect(receipt.lines.length, receipt.id).toBeLessThanOrEqual(40);
      for (const line of receipt.lines) expect(line.length, `${receipt.id}: ${line}`).toBeLessThanOrEqual(48);
    }
  });

  it('have real ISO dates between 2019 and 2026', () => {
    for (const { id, expected } of I18N_RECEIPTS) {
      expect(expected.date, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const parsed = new Date(`${expected.date}T00:00:00Z`);
      // Date rolls 2023-02-30 over to March, so a round trip catches impossible days.
      expect(parsed.toISOString().slice(0, 10), id).toBe(expected.date);
      expect(expected.date >= '2019-01-01' && expected.date <= '2026-12-31', id).toBe(true);
    }
  });

  it('print the merchant name verbatim and the total in their own number style', () => {
    for (const receipt of I18N_RECEIPTS) {
      const { merchantName, total } = receipt.expected;
      expect(receipt.lines.some((line) => line.includes(merchantName)), `${receipt.id}: ${merchantName}`).toBe(true);
      const mark = decimalMark(receipt);
      expect(receipt.lines.some((line) => lineHasAmount(line, total, mark)), `${receipt.id}: total ${total}`).toBe(true);
    }
  });

  it('print each item with its amount on its line or the two below', () => {
    for (const receipt of I18N_RECEIPTS) {
      const mark = decimalMark(receipt);
      for (const item of receipt.expected.items ?? []) {
        // A description can also occur in the header (Kahvi in Kahvila), so any occurrence with its amount will do.
        const printed = receipt.lines.some(
          (line, at) => line.includes(item.description) && receipt.lines.slice(at, at + 3).some((below) => lineHasAmount(below, item.amount, mark)),
        );
        expect(printed, `${receipt.id}: ${item.description} ${item.amount}`).toBe(true);
      }
    }
  });

  // Rule: with a subtotal, items sum to it, or to it plus tax where items are printed gross over a net subtotal
  // (Mexico); without one, items sum to the total (tax-inclusive) or to the total less a tax-exclusive tax.
  it('have items that add up', () => {
    for (const { id, expected } of I18N_RECEIPTS) {
      if (!expected.items?.length) continue;
      const items = sum(expected.items.map((item) => item.amount));
      const tax = expected.tax ?? 0;
      if (expected.subtotal != null) expect(near(items, expected.subtotal) || near(items, expected.subtotal + tax), `${id}: items ${items}`).toBe(true);
      else expect(near(items, expected.total) || near(items + tax, expected.total), `${id}: items ${items}`).toBe(true);
    }
  });

  it('explain any gap between subtotal and total by an amount printed on the receipt', () => {
    for (const receipt of I18N_RECEIPTS) {
      const { subtotal, tax, total } = receipt.expected;
      if (subtotal == null) continue;
      const bases = [subtotal, subtotal + (tax ?? 0)];
      if (bases.some((base) => near(base, total))) continue;
      // Rounding, a discount or a service charge: the difference itself is printed.
      const mark = decimalMark(receipt);
      const explained = bases.some((base) => receipt.lines.some((line) => lineHasAmount(line, Math.abs(total - base), mark)));
      expect(explained, `${receipt.id}: subtotal ${subtotal} total ${total}`).toBe(true);
    }
  });

  it('give change that leaves the total: cash − change = total', () => {
    let checked = 0;
    for (const receipt of I18N_RECEIPTS) {
      const paid = cashAndChange(receipt);
      if (!paid) continue;
      checked++;
      expect(near(paid.cash - paid.change, receipt.expected.total), `${receipt.id}: ${paid.cash} − ${paid.change}`).toBe(true);
    }
    // Guards the check itself: most cash receipts must have been recognised.
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  it('print tax no larger than the total, and never a negative amount', () => {
    for (const { id, expected } of I18N_RECEIPTS) {
      expect(expected.total, id).toBeGreaterThan(0);
      if (expected.tax != null) expect(expected.tax, id).toBeLessThan(expected.total);
      for (const item of expected.items ?? []) expect(item.amount, `${id}: ${item.description}`).toBeGreaterThan(0);
    }
  });
});

describe('renderReceiptImage', () => {
  const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8;

  it('draws a flat receipt as a JPEG the width of receipt paper, the same for the same seed', async () => {
    const receipt = I18N_RECEIPTS.find((candidate) => candidate.id === 'de-supermarkt') ?? I18N_RECEIPTS[0]!;
    const image = await renderReceiptImage(receipt, { seed: 7, photo: false });
    expect(isJpeg(image)).toBe(true);
    const { width = 0, height = 0 } = await sharp(image).metadata();
    expect(width).toBeGreaterThanOrEqual(700);
    expect(width).toBeLessThanOrEqual(1200);
    expect(height).toBeGreaterThan(width);
    expect(height).toBeLessThanOrEqual(2600);
    expect((await renderReceiptImage(receipt, { seed: 7, photo: false })).equals(image)).toBe(true);
  });

  it('draws a photo of a receipt as a JPEG 1200-1800 px on its long side', async () => {
    const receipt = I18N_RECEIPTS.find((candidate) => candidate.id === 'vi-sieuthi') ?? I18N_RECEIPTS[1]!;
    const image = await renderReceiptImage(receipt, { seed: 11, photo: true });
    expect(isJpeg(image)).toBe(true);
    const { width = 0, height = 0 } = await sharp(image).metadata();
    expect(Math.max(width, height)).toBeGreaterThanOrEqual(PHOTO_LONG_SIDE.min);
    expect(Math.max(width, height)).toBeLessThanOrEqual(PHOTO_LONG_SIDE.max);
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(600);
  });
});
