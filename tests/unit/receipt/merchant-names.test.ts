import { describe, expect, it } from 'vitest';
import { extractReceipt } from '../../../src/receipt/extract';
import { correctNameWords } from '../../../src/receipt/name-words';

const merchant = (...header: string[]) => extractReceipt([...header, 'DATE 01/02/2024', 'TOTAL 5.00'].join('\n'), { dateOrder: 'auto' }).merchantName;

describe('business words misread by OCR', () => {
  it('puts back a long business word within a third of its length', () => {
    expect(correctNameWords('SUNRISE CONFECTONERY')).toBe('SUNRISE CONFECTIONERY');
    expect(correctNameWords('ORCHID HARDWAER TRADNG')).toBe('ORCHID HARDWARE TRADING');
  });

  it('leaves right words, short words, lower-case words and ambiguous ones alone', () => {
    expect(correctNameWords('GOLDEN BAKERS')).toBe('GOLDEN BAKERS');
    expect(correctNameWords('ACME MARKETING')).toBe('ACME MARKETING');
    expect(correctNameWords('NART')).toBe('NART');
    expect(correctNameWords('Harlware')).toBe('Harlware');
    expect(correctNameWords('STATION')).toBe('STATION');
  });
});

describe('legal names', () => {
  it('takes the legal name with "SB" over a mall printed above it, and stops at its registration number', () => {
    expect(merchant('THANK YOU FOR SHOPPING', 'CITY POINT MALL', 'ZENITH RETAIL SB(123456-X) FKA OLD NAME SB')).toBe('ZENITH RETAIL SB');
  });

  it('reads any misread "SDN BHD" as such, and not a family firm\'s "SON"', () => {
    expect(merchant('KOTA JAYA SDN HHU')).toBe('KOTA JAYA SDN BHD');
    expect(merchant('SMITH & SON AND CO')).toBe('SMITH & SON AND CO');
  });
});

describe('totals that cannot be trusted', () => {
  const read = (...lines: string[]) => extractReceipt(['GREEN LEAF TRADING', 'DATE 01/02/2024', ...lines].join('\n'), { dateOrder: 'auto' });

  it('a tax-rate breakdown line is not the total', () => {
    expect(read('BREAD 4.20', 'Total 0% supplies: 4.20', 'Total Payable: 4.20').total).toBe(4.2);
  });

  it('a payable total whose decimal point OCR lost is unknown, not another number', () => {
    expect(read('BREAD 4.20', 'MILK 3.10', 'Total 0% supplies: 4.20', 'Total 6% supplies: 3.10', 'Total Payable: 730').total).toBeNull();
  });

  it('a receipt in a currency without cents keeps its whole total', () => {
    expect(read('RAMEN 980', 'GYOZA 450', 'TOTAL 1430').total).toBe(1430);
  });
});
