import { describe, expect, it } from 'vitest';
import { normCompany, normDate, normTotal } from '../../../bench/field-scoring';

describe('bench field scoring', () => {
  it('reads totals with currency marks and either decimal separator', () => {
    expect(normTotal('RM 12.50')).toBe(1250);
    expect(normTotal('$9.90')).toBe(990);
    expect(normTotal('1.234,56')).toBe(123456);
    expect(normTotal('1,234.56')).toBe(123456);
    expect(normTotal('1990')).toBe(199000);
    expect(normTotal(12.5)).toBe(1250);
    expect(normTotal('')).toBeNull();
    expect(normTotal(null)).toBeNull();
  });

  it('reads every date form a key may hold', () => {
    expect(normDate('20180304')).toBe('2018-03-04');
    expect(normDate('25032018')).toBe('2018-03-25');
    expect(normDate('19032018')).toBe('2018-03-19');
    expect(normDate('20032018')).toBe('2018-03-20');
    expect(normDate('2018-03-04')).toBe('2018-03-04');
    expect(normDate('12 MAR 2018')).toBe('2018-03-12');
    expect(normDate('18.01.2022')).toBe('2022-01-18');
    expect(normDate('04/03/18')).toBe('2018-03-04');
    expect(normDate('(04/03/2018)')).toBe('2018-03-04');
    // Month-first only where day-first cannot be a date.
    expect(normDate('12/13/2016')).toBe('2016-12-13');
    expect(normDate('04/03/2018')).toBe('2018-03-04');
    expect(normDate('not a date')).toBeNull();
  });

  it('compares companies without case, spacing, quotes or diacritics', () => {
    expect(normCompany('SIA "Rīgas Maiznieks"')).toBe(normCompany('sia rigas maiznieks'));
    expect(normCompany('Bäckerei Groß GmbH')).toBe(normCompany('BACKEREI GROSS GMBH'));
    expect(normCompany('„Żabka” Sp. z o.o.')).toBe(normCompany('ZABKA SP. Z O.O.'));
    expect(normCompany('ABC SDN BHD')).not.toBe(normCompany('ABD SDN BHD'));
    expect(normCompany('  ')).toBeNull();
  });
});
