import { describe, expect, it } from 'vitest';
import { amountsInLine, wholeAmountsInLine } from '../../../src/receipt/amounts';
import { findCurrency } from '../../../src/receipt/currency';
import { parseDate } from '../../../src/receipt/dates';
import { extractReceipt } from '../../../src/receipt/extract';
import { labelClasses } from '../../../src/receipt/label-match';

describe('number formats', () => {
  it('reads decimal comma and point with every thousands separator', () => {
    expect(amountsInLine('SUMME 1.234,56')).toEqual([1234.56]);
    expect(amountsInLine('RAZEM 1 234,56 zł')).toEqual([1234.56]);
    expect(amountsInLine('TOTAL 1,234.56')).toEqual([1234.56]);
    expect(amountsInLine('TOTAL CHF 1\'234.56')).toEqual([1234.56]);
    expect(amountsInLine('CHANGE RM .40')).toEqual([0.4]);
    // A space groups thousands only before a decimal comma: this is a quantity and a price.
    expect(amountsInLine('2 100.00')).toEqual([100]);
  });

  it('reads currency marks before or after the number', () => {
    for (const line of ['€ 12,50', '12,50 €', 'EUR 12,50', '12,50 EUR', '12,50 zł', '12,50 Kč', '12,50 kr', '12,50 lei', 'RM12.50', '£12.50', '$12.50', '12,50 ₺']) expect(amountsInLine(line)).toEqual([12.5]);
  });

  it('reads whole-unit amounts with their grouping, and not dates or times', () => {
    expect(wholeAmountsInLine('ÖSSZESEN 1 990 Ft')).toEqual([1990]);
    expect(wholeAmountsInLine('TỔNG CỘNG 125.000 ₫')).toEqual([125000]);
    expect(wholeAmountsInLine('TOTAL Rp 45.000')).toEqual([45000]);
    expect(wholeAmountsInLine('12.03.2024 19:41')).toEqual([]);
  });

  it('names the currency from symbols, codes and the country a receipt comes from', () => {
    const cases: [string, string][] = [
      ['SUMA PLN 12,50', 'PLN'], ['CELKEM 120,00 Kč', 'CZK'], ['ÖSSZESEN 1 990 Ft', 'HUF'], ['TOTAL 45,90 lei', 'RON'], ['TOTAL RM 12.50', 'MYR'],
      ['TOTAL Rp 45.000', 'IDR'], ['TỔNG 125.000 ₫', 'VND'], ['TOPLAM 623,53 ₺', 'TRY'], ['TOTAL £4.50', 'GBP'], ['TOTAL $4.50', 'USD'],
      ['VALOR TOTAL R$ 229,88', 'BRL'], ['TOTAL 12,00 EUR', 'EUR'], ['ATT BETALA 129,00 kr\nMOMS 25%', 'SEK'], ['I ALT 129,00 kr\nCVR 12345678', 'DKK'],
      ['SUM 129,00 kr\nMVA 25%', 'NOK'], ['ZU ZAHLEN 12,50\nMwSt 19%', 'EUR'], ['UKUPNO 10,00\nOIB 12345678901', 'EUR'], ['TOPLAM 50,00\nKDV %10', 'TRY'],
    ];
    for (const [text, currency] of cases) expect([text, findCurrency(text, null)]).toEqual([text, currency]);
  });

  it('lets a symbol beside money outweigh a bare code, a paper size or a registration line', () => {
    expect(findCurrency('ALIMENTARI ROSSI\nVia Appia 3, 00100 Roma RM\nTOTALE 12,50 €', null)).toBe('EUR');
    expect(findCurrency('KOPIRNICA\nPAPIR DIN A4 500 L 5,00', null)).toBeNull();
    expect(findCurrency('UKUPNO 1.250,00 DIN', null)).toBe('RSD');
    expect(findCurrency('SARI-SARI STORE\nVAT REG TIN: 123-456-789-000\nTOTAL 150.00', null)).toBe('PHP');
    expect(findCurrency('CORNER SHOP LTD\nVAT REG NO 123 4567 89\nTOTAL 4.50', null)).toBe('GBP');
  });

  it('reads "(RM)" in an Italian address as the province of Rome, and "CAD." as a street', () => {
    expect(findCurrency('VIA ROMA 1\n00184 ROMA (RM)\nTOTALE € 5,00', null)).toBe('EUR');
    expect(findCurrency('ATATÜRK CAD. NO:45\nTOPLAM 10,00\nKDV', null)).toBe('TRY');
  });
});

describe('labels as OCR prints them', () => {
  it('matches labels without their diacritics, with look-alike digits, split or glued', () => {
    expect(labelClasses('DO ZAPLATY 12,50').has('payable')).toBe(true);
    expect(labelClasses('K UHRADE 120,00').has('payable')).toBe(true);
    expect(labelClasses('ZWISCHENSUMME 10,00').has('subtotal')).toBe(true);
    expect(labelClasses('RUCKGELD 5,00').has('change')).toBe(true);
    expect(labelClasses('T0TAL 5.00').has('total')).toBe(true);
    expect(labelClasses('TO TAL 5.00').has('total')).toBe(true);
    expect(labelClasses('TOTALRM5.00').has('total')).toBe(true);
    expect(labelClasses('GRAND TOTA. 6.70').has('payable')).toBe(true);
    expect(labelClasses('ΣΥΝΟΛΟ 12,40').has('total')).toBe(true);
    expect(labelClasses('УКУПНО 1.389,91').has('total')).toBe(true);
  });

  it('keeps a total word inside another word, a short payment word mid-line and a count apart', () => {
    expect(labelClasses('SUBTOTAL 5.00').has('total')).toBe(false);
    expect(labelClasses('CHOCOLATE BAR 2,50').has('cash')).toBe(false);
    expect(labelClasses('BAR 20,00').has('cash')).toBe(true);
    expect(labelClasses('TOTAL QTY 3').has('count')).toBe(true);
    expect(labelClasses('TOTAL QTY 3').has('total')).toBe(false);
    expect(labelClasses('DIM SUM 12.00').has('total')).toBe(false);
    expect(labelClasses('SUM 12.00').has('total')).toBe(true);
  });

  it('reads a label OCR cut short only before an amount', () => {
    expect(labelClasses('GRAND TOTA 12.50').has('payable')).toBe(true);
    expect(labelClasses('CHANG RM 0.50').has('change')).toBe(true);
    expect(labelClasses('CHANG KEE SDN BHD').has('change')).toBe(false);
    expect(labelClasses('TOTA').has('total')).toBe(false);
  });

  it('tries a shorter phrase where the longest that matches is no word', () => {
    expect(labelClasses('KARTE 12,50').has('card')).toBe(true);
    expect(labelClasses('TOTALT 12,50').has('total')).toBe(true);
  });
});

describe('dates in words and numbers', () => {
  const cases: [string, string][] = [
    ['5. März 2024', '2024-03-05'], ['5 mars 2024', '2024-03-05'], ['12 de abril de 2024', '2024-04-12'], ['3 stycznia 2024', '2024-01-03'],
    ['15. ledna 2024', '2024-01-15'], ['2024. március 5.', '2024-03-05'], ['5 martie 2024', '2024-03-05'], ['7 maggio 2024', '2024-05-07'],
    ['14 Mayıs 2024', '2024-05-14'], ['ngày 05 tháng 03 năm 2024', '2024-03-05'], ['Marso 5, 2024', '2024-03-05'], ['2024. gada 5. martā', '2024-03-05'],
    ['2024 m. kovo 5 d.', '2024-03-05'], ['18. rujna 2021.', '2021-09-18'], ['12 Οκτωβρίου 2023', '2023-10-12'], ['12.03.24', '2024-03-12'], ['12-03-2024', '2024-03-12'],
    ['12/03/2024', '2024-03-12'], ['2024-03-12', '2024-03-12'],
  ];
  it.each(cases)('%s', (text, iso) => expect(parseDate(text, 'DMY')).toBe(iso));

  it('reads dates as OCR prints them: a time glued on, look-alike digits in the month, separators damaged', () => {
    const date = (...lines: string[]) => extractReceipt(['ACME SIA', ...lines, 'KOPĀ 3,20'].join('\n'), { dateOrder: 'auto' }).date;
    expect(date('Datums: 07.10.2023.12:44')).toBe('2023-10-07');
    expect(date('2024 m. kov0 5 d. 12:30')).toBe('2024-03-05');
    expect(date('Praha, 15. 1edna 2024 16:40')).toBe('2024-01-15');
    expect(date('Date 18 04/2017')).toBe('2017-04-18');
    expect(date('Date: 2703/2018 10:20')).toBe('2018-03-27');
    // A year OCR misread ("202l") is no day and year run together.
    expect(date('Rovinj, 18. rujna 202l. u 21:15')).toBeNull();
  });

  it('reads a month-like word before an amount as a word, not a date', () => {
    for (const line of ['SET 12.50', 'MAR 10.00', 'BAL 10.00', 'DEC 5,50']) expect(parseDate(line, 'DMY'), line).toBeNull();
    expect(parseDate('SET 12, 2024', 'DMY')).toBe('2024-09-12');
    expect(parseDate('Mar 10, 24', 'DMY')).toBe('2024-03-10');
  });

  it('skips a best-before or return-by date for the purchase date', () => {
    const text = ['BÄCKEREI SCHMIDT GMBH', 'MHD 20.03.2024', 'Datum 05.03.2024', 'SUMME 3,20'].join('\n');
    expect(extractReceipt(text, { dateOrder: 'auto' }).date).toBe('2024-03-05');
    const warranty = ['ŽELEZÁŘSTVÍ NOVÁK s.r.o.', 'Záruka do 15.01.2026', 'Praha, 15. ledna 2024', 'CELKEM 120,00'].join('\n');
    expect(extractReceipt(warranty, { dateOrder: 'auto' }).date).toBe('2024-01-15');
  });

  it("dates the receipt when it is issued, not an order's or a stay's arrival date", () => {
    const pickup = ['ELEKTRO SVET s.r.o.', 'Dátum objednávky 03.05.2024', 'Slúchadlá 49,90', 'Vydané: 06.05.2024 10:12', 'SPOLU 49,90'].join('\n');
    expect(extractReceipt(pickup, { dateOrder: 'auto' }).date).toBe('2024-05-06');
    const folio = ['HÔTEL DU LAC SA', 'Arrivée 01.03.2024 Départ 04.03.2024', 'Logement 3 nuits 420.00', 'TOTAL CHF 420.00', 'Genève, le 04.03.2024 10:05'].join('\n');
    expect(extractReceipt(folio, { dateOrder: 'auto' }).date).toBe('2024-03-04');
  });

  it("skips a prescription's, a deposit voucher's, a car park's entry and a points' expiry date printed above the purchase", () => {
    const date = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).date;
    expect(date('LÉKÁRNA U LVA s.r.o.', 'Recept vystaven: 3.4.2024', 'Ibuprofen 89,00', 'CELKEM 89,00', '5.4.2024 10:15')).toBe('2024-04-05');
    expect(date('Liepu aptieka SIA', 'Recepte izrakstīta: 02.05.2024', 'Vitamīni 7,20', 'KOPĀ 7,20', '2024.05.06. 12:01')).toBe('2024-05-06');
    expect(date('PARKHAUS AM DOM GmbH', 'Einfahrt: 01.06.2024 23:10', 'Bezahlt: 02.06.2024 07:40', 'Summe 6,00 EUR')).toBe('2024-06-02');
    expect(date('MARKT KLEIN e.K.', 'Leergutbon vom 01.07.2024 -1,50', 'Milch 1,19', 'SUMME 2,69', '02.07.2024 18:30')).toBe('2024-07-02');
    expect(date('TRGOVINA LIPA d.o.o.', 'Točke veljajo do 31.12.2024', 'Kruh 2,10', 'SKUPAJ 2,10', '25.04.2024 10:02')).toBe('2024-04-25');
  });

  it("dates a receipt by its order's or arrival's date where it prints no other", () => {
    const date = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).date;
    expect(date('PIZZA PALACE', '12 Main Street', 'Order Date: 05/03/2024 18:32', 'TOTAL 12.00')).toBe('2024-03-05');
    expect(date('SEAVIEW HOTEL LTD', 'Arrival 01/03/2024', 'Room 2 nights 180.00', 'TOTAL 180.00')).toBe('2024-03-01');
  });
});

describe('line items', () => {
  it('takes no address line holding a figure like a price, nor a phone line, as an item', () => {
    const text = ['KEDAI MAJU SDN BHD', 'LOT 1.02, JALAN BUNGA 3', '47100 PUCHONG', 'TEL 03-8076 1234', 'MILO 2 X 3.50 7.00', 'ROTI 2.50', 'TOTAL 9.50', 'CASH 10.00', 'CHANGE 0.50', '14/03/2018'].join('\n');
    expect(extractReceipt(text, { dateOrder: 'auto' }).lineItems.map((item) => item.description)).toEqual(['MILO', 'ROTI']);
  });

  it('takes a first item whose name holds a street word or a postcode-like figure', () => {
    const text = ['FRESHMART', 'No. 5, Jalan Kenari 2', 'DR PEPPER 2.50', 'BANANA 1.2 KG 3.50', 'TOTAL 6.00'].join('\n');
    expect(extractReceipt(text, { dateOrder: 'auto' }).lineItems.map((item) => [item.description, item.amount])).toEqual([['DR PEPPER', 2.5], ['BANANA', 3.5]]);
  });

  it('takes no address line, postcode or code line as an item', () => {
    const text = ['PIEKARNIA "ŁAN" Sp. z o.o.', 'ul. Długa 12/3, 00-950 Warszawa', 'NIP 123-456-78-90', 'PARAGON FISKALNY', '2024-03-05 12:00', 'Chleb 1 x 4,50 4,50', 'Bułka 3 x 0,80 2,40', 'SUMA PLN 6,90', 'GOTÓWKA 10,00', 'RESZTA 3,10'].join('\n');
    const receipt = extractReceipt(text, { dateOrder: 'auto' });
    expect(receipt.lineItems.map((item) => [item.description, item.amount])).toEqual([['Chleb', 4.5], ['Bułka', 2.4]]);
    expect(receipt).toMatchObject({ total: 6.9, currency: 'PLN', merchantName: 'PIEKARNIA "ŁAN" Sp. z o.o.', date: '2024-03-05' });
  });
});

describe('whole-unit receipts', () => {
  it('take no tax or registration number as the total', () => {
    const vnd = ['CÔNG TY TNHH MINH AN', 'MST: 0312345678', 'Cà phê sữa 2 x 30.000 60.000', 'Tổng cộng 60.000 ₫'].join('\n');
    expect(extractReceipt(vnd, { dateOrder: 'auto' }).total).toBe(60000);
    const huf = ['Minta Bolt Kft.', 'Adószám: 12345678-2-44', 'KENYÉR 590', 'TEJ 400', 'ÖSSZESEN 990 Ft'].join('\n');
    expect(extractReceipt(huf, { dateOrder: 'auto' }).total).toBe(990);
  });

  it('read a whole total its currency marks on a receipt whose other amounts have cents', () => {
    const czk = ['TRAFIKA NA ROHU', 'Noviny 35,00', 'Jízdenka 54,70', 'Mezisoučet 89,70', 'Zaokrouhlení 0,30', 'Celkem k úhradě 90 Kč', 'Hotově 100,00', 'Vráceno 10,00'].join('\n');
    expect(extractReceipt(czk, { dateOrder: 'auto' }).total).toBe(90);
    // A till or cashier id with letters before its digits is no amount.
    const myr = ['KEDAI ROTI MAJU SDN BHD', 'Cashier:FT10060 Ctr :01', 'ROTI 1 7.50 7.50', 'Due 7.50'].join('\n');
    expect(extractReceipt(myr, { dateOrder: 'auto' }).total).toBe(7.5);
  });
});
