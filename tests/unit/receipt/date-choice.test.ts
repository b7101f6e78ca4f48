import { describe, expect, it } from 'vitest';
import { DATE_FEATURES, dateCandidates } from '../../../src/receipt/date-features';
import { extractReceipt } from '../../../src/receipt/extract';
import DATE_MODEL from '../../../src/receipt/weights/date.json';

const date = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).date;

describe('the purchase date among several printed dates', () => {
  it('takes the date printed with the time of sale over a service date printed above it, whatever the service is called', () => {
    // No word here says "not the purchase": the time of day beside the sale's date is the evidence.
    expect(date('KINO STERNWARTE GmbH', 'Vorstellung: Fr 15.03.2024', 'Saal 3 Reihe 8', 'Erwachsene 2 x 11,50', 'SUMME EUR 23,00', '12.03.2024 16:02 Kasse 2')).toBe('2024-03-12');
    expect(date('TINTORERÍA LUNA', 'Recogida: 20/05/2024', 'Camisa x3 9,00', 'TOTAL 9,00', '17/05/2024 10:41')).toBe('2024-05-17');
  });

  it('takes the date printed twice, on the receipt and its card slip, over one printed once', () => {
    expect(date('AUTOHAUS BERG GmbH', 'Nächste Inspektion 04.2025', 'Auftrag vom 02.04.2024', 'Ölwechsel 89,00', 'SUMME 89,00', 'Datum 05.04.2024', '--- Kartenzahlung ---', '05.04.2024', 'Betrag EUR 89,00')).toBe('2024-04-05');
  });

  it('takes the sale over an appointment, a collection, a delivery or a show printed below it with its time', () => {
    expect(date('BARBER JOE', 'Date: 05/03/2024', 'CUT 15.00', 'TOTAL 15.00', 'Next appointment: 02/04/2024 10:30')).toBe('2024-03-05');
    expect(date('QUICK CLEAN', 'Date: 05/03/2024', 'SHIRT 3.00', 'TOTAL 3.00', 'Collect: 07/03/2024 16:00')).toBe('2024-03-05');
    expect(date('CITY THEATRE', 'Sold 05/03/2024', 'SEAT A12 25.00', 'TOTAL 25.00', 'Show 12/04/2024 19:30')).toBe('2024-03-05');
    expect(date('HOME STORE', 'Date: 05/03/2024', 'Time: 10:12', 'SOFA 300.00', 'TOTAL 300.00', 'Delivery 08/03/2024 08:00-12:00')).toBe('2024-03-05');
    expect(date('MÖBEL HAUS', 'Datum:', '05.03.2024', 'Regal 49,00', 'SUMME 49,00', 'Abholung 08.03.2024 ab 10:00')).toBe('2024-03-05');
  });

  it('takes no expiry, return-by or membership date, even with a time, and is unknown where only such a date is printed', () => {
    expect(date('SHOP', '05/03/2024', 'X 1.00', 'TOTAL 1.00', 'Your points expire on 31/12/2024 23:59')).toBe('2024-03-05');
    expect(date('SHOP', 'Date 05/03/2024', 'X 1.00', 'TOTAL 1.00', 'Returns accepted until 04/04/2024 23:59')).toBe('2024-03-05');
    expect(date('KIOSK', '05.03.24', 'WATER 1.00', 'TOTAL 1.00', 'Member since 01.01.2019')).toBe('2024-03-05');
    expect(date('GIFT CARD', 'BALANCE 20.00', 'Expires 31/12/2025')).toBeNull();
  });

  it('keeps the only date under a footer that says next time, valid or since, and a sale date that names a collection', () => {
    for (const footer of ['Thank you, see you next time!', 'Ticket no válido como factura', 'Bis zum nächsten Mal!', 'Family run since 1952', 'Exchanges only with a valid receipt'])
      expect(date('SHOP', 'X 1.00', 'TOTAL 1.00', footer, '05/03/2024 10:12'), footer).toBe('2024-03-05');
    expect(date('Neste Lahti 05.03.2024 10:12', 'Diesel 40,00', 'YHTEENSÄ 40,00')).toBe('2024-03-05');
    expect(date('SHOP', 'Click & collect order paid 05/03/2024 10:12', 'X 1.00', 'TOTAL 1.00', 'Member no 12345 joined 01/01/2020')).toBe('2024-03-05');
  });

  it("takes an invoice's date over an order's printed twice", () => {
    expect(date('WEBSHOP', 'Order 123 of 01/03/2024', 'Order date: 01/03/2024', 'Invoice date: 05/03/2024', 'X 10.00', 'TOTAL 10.00')).toBe('2024-03-05');
  });

  it('reads a date after a weekday and a comma, and takes no price of digits in a row for a date', () => {
    expect(date('KONDITOREI HAAS', 'Melange 4,20', 'SUMME 4,20', 'Sa,09.03.2024 15:48')).toBe('2024-03-09');
    expect(date('PETROL STACIO Kft.', 'Ablakmosó -20°C 4 1 1990', 'Összesen 1 990 Ft', '2024.06.07 14:22')).toBe('2024-06-07');
  });

  it('is unknown, not a guess, on a receipt that prints no date', () => {
    expect(date('CAFE NOIR', 'Espresso 2,50', 'TOTAL 2,50')).toBeNull();
  });
});

describe('date candidates', () => {
  it('describe each distinct date once, with the evidence of all its lines; an expiry date is none', () => {
    const lines = ['SHOP', 'Date: 05/03/2024', 'Valid until 05/04/2024', 'TOTAL 5.00', 'Quiz night Fri 08/03/2024', '05/03/2024 14:20'];
    const candidates = dateCandidates(lines, 'DMY');
    expect(candidates.map((c) => c.date)).toEqual(['2024-03-05', '2024-03-08']);
    expect(candidates[0]!.features).toMatchObject({ own_date_label: 1, time_beside: 1, repeated: 1, is_first: 1, word_before: 0, is_earliest: 1 });
    expect(candidates[1]!.features).toMatchObject({ own_date_label: 0, time_beside: 0, repeated: 0, is_last: 1, word_before: 1 });
  });

  it('are weighed by every feature the ranker knows, and by no other', () => {
    expect(Object.keys(DATE_MODEL.weights).sort()).toEqual([...DATE_FEATURES].sort());
  });
});
