import { describe, expect, it } from 'vitest';
import { extractReceipt, extractRoundingAdjustment } from '../../../src/receipt/extract';
import { receiptSchema } from '../../../src/receipt/schema';

const auto = { dateOrder: 'auto' } as const;

describe('extractReceipt', () => {
  it('reads a receipt holding a line of garbage as long as a page in about the time of a normal one', () => {
    const text = ['ACME SDN BHD', '1'.repeat(100_000), 'A1 '.repeat(30_000), 'TOTAL 5.00'].join('\n');
    const started = performance.now();
    expect(extractReceipt(text, auto)).toMatchObject({ merchantName: 'ACME SDN BHD', total: 5 });
    // Uncapped, the registration-number patterns take minutes on such a line; capped, milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads a Malaysian GST receipt with a rounded total and a GST summary', () => {
    const text = [
      'KEDAI RUNCIT MAJU JAYA SDN BHD',
      '(1234567-A)',
      'NO. 12, JALAN MERANTI 3,',
      '47100 PUCHONG, SELANGOR',
      'TEL: 03-8076 1234',
      'GST REG NO: 001234567890',
      'TAX INVOICE',
      'DATE: 14/03/2018 TIME: 18:42',
      'ITEM QTY U/P AMOUNT',
      'MILO 1KG',
      '2 X 18.90 37.80 SR',
      'GARDENIA BREAD',
      '1 X 3.95 3.95 SR',
      'TOTAL QTY: 3',
      'SUB-TOTAL 41.75',
      'GST 6% 2.51',
      'TOTAL INCL. GST 44.26',
      'ROUNDING ADJ -0.01',
      'ROUNDED TOTAL (RM) 44.25',
      'CASH 50.00',
      'CHANGE 5.75',
      'GST SUMMARY AMOUNT(RM) TAX(RM)',
      'SR @ 6% 41.75 2.51',
      'TOTAL : 41.75 2.51',
    ].join('\n');
    const receipt = extractReceipt(text, auto);
    expect(receipt).toMatchObject({
      merchantName: 'KEDAI RUNCIT MAJU JAYA SDN BHD',
      merchantAddress: 'NO. 12, JALAN MERANTI 3, 47100 PUCHONG, SELANGOR',
      date: '2018-03-14',
      time: '18:42',
      currency: 'MYR',
      subtotal: 41.75,
      tax: 2.51,
      total: 44.25,
      paymentMethod: 'Cash',
    });
    expect(receipt.lineItems).toEqual([
      { description: 'MILO 1KG', quantity: 2, unitPrice: 18.9, amount: 37.8 },
      { description: 'GARDENIA BREAD', quantity: 1, unitPrice: 3.95, amount: 3.95 },
    ]);
    expect(extractRoundingAdjustment(text)).toBe(-0.01);
  });

  it('reads a US receipt with sales tax, tip and a month-first date', () => {
    const text = [
      "JOE'S DINER INC.",
      '455 Main Street',
      'Springfield, IL 62701',
      '(217) 555-0199',
      'Server: Amy  Table 4',
      '03/07/2024 7:45 PM',
      'Burger 12.50',
      '2 Coffee 5.00',
      'Subtotal $17.50',
      'Sales Tax $1.40',
      'Tip $3.50',
      'Total $22.40',
      'VISA ****1234',
    ].join('\n');
    expect(extractReceipt(text, auto)).toMatchObject({
      merchantName: "JOE'S DINER INC.",
      merchantAddress: '455 Main Street, Springfield, IL 62701',
      date: '2024-03-07',
      time: '19:45',
      currency: 'USD',
      subtotal: 17.5,
      tax: 1.4,
      tip: 3.5,
      total: 22.4,
      paymentMethod: 'Visa',
    });
  });

  it('reads a UK VAT receipt with a month name', () => {
    const text = ['Corner Books Ltd', '12 High Street', 'Oxford OX1 4AA', 'VAT Reg No: GB 123 4567 89', '5 Feb 2023 10:05', 'Paperback £8.99', 'Notebook £4.50', 'TOTAL £13.49', 'VAT 20% £2.25', 'Contactless card £13.49'].join('\n');
    expect(extractReceipt(text, auto)).toMatchObject({ merchantName: 'Corner Books Ltd', date: '2023-02-05', currency: 'GBP', total: 13.49, tax: 2.25, paymentMethod: 'Card' });
  });

  it('reads a German receipt with 1.234,56 amounts and MwSt', () => {
    const text = ['Elektro Maier GmbH', 'Hauptstraße 5', '80331 München', 'Datum: 03.11.2022 14:07:33', 'Waschmaschine 1.199,00', 'Kabel 35,56', 'Summe EUR 1.234,56', 'MwSt 19% 197,11', 'Bar 1.300,00', 'Rückgeld 65,44'].join('\n');
    expect(extractReceipt(text, auto)).toMatchObject({
      merchantName: 'Elektro Maier GmbH',
      merchantAddress: 'Hauptstraße 5, 80331 München',
      date: '2022-11-03',
      time: '14:07:33',
      currency: 'EUR',
      total: 1234.56,
      tax: 197.11,
      paymentMethod: 'Cash',
    });
  });

  it('reads a French TTC receipt', () => {
    const text = ['BOULANGERIE DUPONT SARL', '8 rue de la Paix', '75002 Paris', 'Le 12 janv. 2021 à 08:15', 'Baguette 1,10', 'Croissant x2 2,40', 'Total HT 3,18', 'TVA 10% 0,32', 'Total TTC 3,50', 'CB 3,50'].join('\n');
    expect(extractReceipt(text, auto)).toMatchObject({ date: '2021-01-12', time: '08:15', currency: 'EUR', subtotal: 3.18, tax: 0.32, total: 3.5, paymentMethod: 'Carte Bancaire' });
  });

  it('reads ISO dates, 2-digit years and dates the day proves to be day-first', () => {
    expect(extractReceipt('SHOP\n2021-07-04\nTOTAL 1.00', auto).date).toBe('2021-07-04');
    expect(extractReceipt('SHOP\nDate 25/12/19\nTOTAL 1.00', auto).date).toBe('2019-12-25');
    expect(extractReceipt('SHOP\n12/25/2019\nTOTAL $1.00', auto).date).toBe('2019-12-25');
    expect(extractReceipt('SHOP\n04/05/2019\nTOTAL RM1.00', auto).date).toBe('2019-05-04');
    expect(extractReceipt('SHOP\n04/05/2019\nTOTAL 1.00', { dateOrder: 'MDY' }).date).toBe('2019-04-05');
    expect(extractReceipt('SHOP\nMarch 5, 2019\nTOTAL 1.00', auto).date).toBe('2019-03-05');
    expect(extractReceipt('SHOP\n31/02/2019\nTOTAL 1.00', auto).date).toBeNull();
  });

  it('survives OCR noise in amounts and labels', () => {
    const text = ['TOKO MAKMUR SDN. BHD.', 'Date :10-03-2018 23:03:06', 'NASI LEMAK 5. 50', 'Tota1 Qty 2', 'T0TAL RM 12 .50', 'CASH RM 20.00', 'CHANGE RM 7.50'].join('\n');
    expect(extractReceipt(text, auto)).toMatchObject({ total: 12.5, currency: 'MYR', date: '2018-03-10', time: '23:03:06' });
  });

  it('prefers the amount due over a subtotal and ignores counts and cash tendered', () => {
    const text = ['MINI MART', 'TOTAL ITEMS 4', 'SUBTOTAL 20.00', 'TOTAL 21.20', 'AMOUNT DUE 21.20', 'CASH TENDERED 50.00', 'CHANGE 28.80'].join('\n');
    expect(extractReceipt(text, auto)).toMatchObject({ subtotal: 20, total: 21.2 });
  });

  it('reads negatives, a service charge as the tip and an e-wallet', () => {
    const text = ['NASI KANDAR PELITA', 'Roti Canai 2.50', 'Discount 0.50-', 'Subtotal 20.00', 'Service Charge 10% 2.00', 'SST 6% 1.20', 'Grand Total 23.20', 'Paid by GrabPay 23.20'].join('\n');
    const receipt = extractReceipt(text, auto);
    expect(receipt).toMatchObject({ tip: 2, tax: 1.2, total: 23.2, paymentMethod: 'GrabPay' });
    expect(receipt.lineItems.map((item) => item.amount)).toEqual([2.5, -0.5]);
  });

  it('answers null for what is not on the receipt', () => {
    const receipt = extractReceipt('hello\nworld', auto);
    expect(receipt).toMatchObject({ date: null, total: null, tax: null, currency: null, paymentMethod: null, lineItems: [] });
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
  });
});

describe('OCR look-alikes in labels', () => {
  it('reads T0TAL and SUBT0TAL as the labels they are, leaving amounts alone', () => {
    const receipt = extractReceipt(
      ['CORNER CAFE SDN BHD', 'LATTE 1 X 9.00 9.00', 'MUFFIN 2 X 3.50 7.00', 'SUBT0TAL 16.00', 'SST 6% 0.96', 'T0TAL RM10.96', 'CASH 20.00'].join('\n'),
      { dateOrder: 'auto' },
    );
    expect(receipt).toMatchObject({ subtotal: 16, total: 10.96, tax: 0.96 });
    expect(receipt.lineItems.map((item) => item.description)).toEqual(['LATTE', 'MUFFIN']);
  });
});
