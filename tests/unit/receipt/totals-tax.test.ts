import { describe, expect, it } from 'vitest';
import { extractReceipt } from '../../../src/receipt/extract';
import { sumTaxLines, summaryTax } from '../../../src/receipt/tax';

const read = (...lines: string[]) => extractReceipt(['HILLTOP PROVISIONS SDN BHD', 'DATE 09/10/2023', ...lines].join('\n'), { dateOrder: 'auto' });

describe('a payable total whose amount OCR could not read', () => {
  it('is null rather than a plain "Total" above the rounding', () => {
    expect(read('ITEMS AS LISTED', 'TOTAL 21.36', 'ROUNDING -0.01', 'TOTAL PAYABLE 2135').total).toBeNull();
  });

  it('is read when the items (with the rounding) give its digits', () => {
    expect(read('COFFEE 2 X 8.00 16.00', 'SUGAR 5.36', 'TOTAL 21.36', 'ROUNDING -0.01', 'TOTAL PAYABLE 2135').total).toBe(21.35);
    expect(read('COFFEE 2 X 8.00 16.00', 'SUGAR 5.63', 'TOTAL 21.36', 'ROUNDING -0.01', 'TOTAL PAYABLE 2135').total).toBeNull();
  });

  it('is null rather than a savings or quantity total', () => {
    expect(read('SOAP 3.90', 'TOTAL SAVINGS 1.20', 'TOTAL QTY 2.00', 'TOTAL PAYABLE 390').total).toBe(3.9);
    expect(read('SOAP 3.90', 'TOTAL SAVINGS 1.20', 'TOTAL QTY 2.00', 'TOTAL PAYABLE 417').total).toBeNull();
  });

  it('is read when cash minus change gives its digits', () => {
    expect(read('TOTAL 21.36', 'ROUNDING -0.01', 'TOTAL PAYABLE 2135', 'CASH 50.00', 'CHANGE 28.65').total).toBe(21.35);
  });

  it('is read when subtotal plus tax gives its digits', () => {
    expect(read('SUBTOTAL 20.15', 'GST 6% 1.21', 'TOTAL PAYABLE 2136').total).toBe(21.36);
  });

  it('is read from per-rate supply totals, even with one digit lost, and only then', () => {
    const lines = ['FLOUR 4.20', 'JAM 3.10', 'Total 0% supplies: 4.20', 'Total 6% supplies (excl. GST): 3.10', 'GST: 0.19', 'Total 6% supplies (incl. GST): 3.29', 'Total 0% supplies: 4.20'];
    expect(read(...lines, 'Total Payable: 749').total).toBe(7.49);
    expect(read(...lines, 'Total Payable: 79').total).toBeNull();
    expect(read(...lines, 'Total Payable: 749', 'Total Payable: 1749').total).toBeNull();
    expect(read(...lines.slice(0, 5), 'Total Payable: 749').total).toBe(7.49);
    expect(read(...lines, 'Total Payable: 812').total).toBeNull();
  });

  it('takes a plain total whose digits it matches', () => {
    expect(read('PENS 19.83', 'TOTAL 19.83', 'TOTAL PAYABLE 1983').total).toBe(19.83);
  });

  it('does not count supply totals as line items', () => {
    expect(read('FLOUR 4.20', 'Total 0% supplies: 4.20', 'Total Payable: 4.20').lineItems.map((item) => item.amount)).toEqual([4.2]);
  });
});

describe('subtotals printed as a total before tax', () => {
  it('reads "Total-Excl-GST" and "Total Sales (Excluding GST)" as the subtotal', () => {
    expect(read('MEAL 11.90', 'Total 11.90', 'Total-Excl-GST 11.23')).toMatchObject({ subtotal: 11.23, total: 11.9 });
    expect(read('MEAL 11.90', 'Total Sales (Excluding GST) 11.23', 'GST 0.67', 'Total Sales (Inclusive GST) 11.90')).toMatchObject({ subtotal: 11.23, tax: 0.67, total: 11.9 });
  });
});

describe('several tax rates', () => {
  it('adds tax lines at different rates', () => {
    expect(read('BOOK 10.00', 'SNACK 11.00', 'SUBTOTAL 21.00', 'VAT 20% 1.00', 'VAT 5% 0.50', 'TOTAL 22.50').tax).toBe(1.5);
    expect(read('TEA 20.00', 'GST 5% 1.00', 'PST 7% 1.40', 'TOTAL 22.40').tax).toBe(2.4);
    expect(read('TEA 20.00', 'State Tax 0.50', 'County Tax 0.50', 'TOTAL 21.00').tax).toBe(1);
  });

  it('does not count a rate printed again, or a restated sum, twice', () => {
    expect(read('LUNCH 22.64', 'GST 6% 1.36', 'TOTAL 24.00', 'Tax Info:', 'GST 6% (6%) 1.36').tax).toBe(1.36);
    expect(read('LUNCH 22.64', 'GST @ 6% 1.36', 'GST AMOUNT 1.36', 'TOTAL 24.00').tax).toBe(1.36);
    expect(read('BOOK 10.00', 'VAT 20% 1.00', 'VAT 5% 0.50', 'VAT 1.50', 'TOTAL 22.50').tax).toBe(1.5);
  });

  it('a "total tax" line beats the lines it sums', () => {
    expect(read('BOOK 10.00', 'VAT 20% 1.00', 'VAT 5% 0.50', 'TOTAL VAT 1.50', 'TOTAL 22.50').tax).toBe(1.5);
  });

  it('reads a tax summary table by its tax column, summing codes once', () => {
    expect(summaryTax(['GST SUMMARY AMOUNT TAX', 'SR @ 6% 20.00 1.20', 'ZR @ 0% 5.00 0.00'])).toBe(1.2);
    expect(summaryTax(['Code % Net Tax Gross', 'S 6% 10.00 0.60 10.60', 'S 10% 5.00 0.50 5.50', 'TOTAL 15.00 1.10 16.10'])).toBe(1.1);
    expect(summaryTax(['Code % Net Tax Gross', 'S 6% 10.00 0.60 10.60', 'S 10% 5.00 0.50 5.50'])).toBe(1.1);
    expect(read('TOYS 16.10', 'TOTAL INCL. TAX 16.10', 'TAX SUMMARY', 'Code % Net Tax Gross', 'S 6% 10.00 0.60 10.60', 'S 10% 5.00 0.50 5.50').tax).toBe(1.1);
  });

  it('a row under a split "Amount Tax" header is not the tax', () => {
    expect(read('CRACKERS 11.50', 'Total Sales (Inclusive GST) RM 11.50', 'CODE AMOUNT(RM) TAX(RM)', 'S 6 10.85 .65').tax).toBeNull();
  });

  it('sums nothing to null', () => {
    expect(sumTaxLines([])).toBeNull();
  });
});

describe('counts on total lines', () => {
  it('a one- or two-digit figure on a "Total" line is a count, not a total that lost its decimal point', () => {
    expect(read('BAG 17.00', 'Subtotal : 102.00', 'Total Incl. of GST 102.00', 'Payment : 102.00', 'Change Due : 0.00', 'Total tem(s): 6').total).toBe(102);
  });
});

describe('a total also printed in another currency', () => {
  const bill = (...lines: string[]) =>
    extractReceipt(['KONOBA GALEB d.o.o.', 'Datum: 14.09.2023. 20:15', 'Riba na gradele 2 x 18,50 37,00', 'Vino 0,5 L 8,20', ...lines].join('\n'), { dateOrder: 'auto' });

  it('is the one in the receipt\'s currency, not the larger sum on the line that states the exchange rate', () => {
    expect(bill('UKUPNO EUR 45,20', 'Ukupno HRK (1 EUR = 7,53450) 340,56').total).toBe(45.2);
    expect(bill('UKUPNO EUR 45,20', 'Ukupno HRK (1 EUR = 7,53450) 340,56', 'PDV 25% 9,04').total).toBe(45.2);
  });
});

describe('a tip added on the card slip', () => {
  const total = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).total;

  it('makes the total what was paid, the bill and the tip, in any language', () => {
    expect(total('THE OLD MILL', '2 Soup 11.00', '1 Pie 14.50', 'Balance Due 25.50', 'CARD SLIP', 'SALE EUR 25.50', 'GRATUITY EUR 2.50', 'TOTAL EUR 28.00')).toBe(28);
    expect(total('GASTHAUS LINDE', 'Schnitzel 16,90', 'Bier 4,60', 'Summe 21,50', 'Betrag 21,50', 'Trinkgeld 2,00', 'Gesamt 23,50')).toBe(23.5);
  });

  it('leaves the total alone where the tip is not added to a printed total', () => {
    // "Tip suggestions" print no paid amount; the bill is the total.
    expect(total('CAFE ROSA', 'Latte 4.00', 'TOTAL 4.00', 'Tip 10% 0.40', 'Tip 20% 0.80')).toBe(4);
    expect(total('TAQUERIA SOL', 'TACOS 250.00', 'TOTAL $250.00', 'Propina sugerida: $25.00', 'Total sugerido: $275.00')).toBe(250);
    expect(total('BISTRO', 'PASTA 15.00', 'TOTAL $15.00', 'For your convenience:', 'Tip 18% 2.70', 'Total 17.70')).toBe(15);
    // A card line that pays more than the total (cash back) is no tipped total.
    expect(total('DINER', 'SUBTOTAL 12.00', 'TIP 3.00', 'TOTAL 15.00', 'CARD 18.00')).toBe(15);
  });
});

describe("a company's share capital", () => {
  it('is no amount of the receipt', () => {
    const total = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).total;
    expect(total('MERCADO DA PRAÇA, S.A.', 'NIF 501234567 Cap.Soc. 2.500.000 EUR', 'Pão 1,20', 'Leite 0,89', 'TOTAL 2,09')).toBe(2.09);
    expect(total('BAUMARKT NORD GmbH', 'Stammkapital 25.000 EUR', 'Schrauben 3,49', 'SUMME 3,49')).toBe(3.49);
  });
});
