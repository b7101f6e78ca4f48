import { describe, expect, it } from 'vitest';
import { findDuplicates, type DuplicateCandidate } from '../../../src/library/duplicates';

let clock = 0;
const receipt = (id: string, merchantName: string | null, date: string | null, total: number | null, currency: string | null = 'EUR'): DuplicateCandidate => ({
  id,
  createdAt: ++clock,
  merchantName,
  date,
  total,
  currency,
});

describe('findDuplicates', () => {
  it('marks a later receipt with the same merchant, date and total, pointing at the first one', () => {
    const found = findDuplicates([receipt('a', 'Bäckerei Schmidt GmbH', '2024-03-05', 3.2), receipt('b', 'BACKEREI SCHMIDT GMBH', '2024-03-05', 3.2), receipt('c', 'Bäckerei Schmidt GmbH', '2024-03-05', 3.2)]);
    expect([...found]).toEqual([
      ['b', 'a'],
      ['c', 'a'],
    ]);
  });

  it('reads the order from when the receipts were added, not from the list order', () => {
    const first = receipt('old', 'CORNER CAFE', '2018-02-12', 16.96);
    const second = receipt('new', 'CORNER CAFE', '2018-02-12', 16.96);
    expect([...findDuplicates([second, first])]).toEqual([['new', 'old']]);
  });

  it('tolerates the slips two photos of one receipt differ by, and no more', () => {
    expect(findDuplicates([receipt('a', 'AEON CO. (M) BHD', '2018-03-01', 88.95, 'MYR'), receipt('b', 'AEDN C0 (M) BHD.', '2018-03-01', 88.95, 'MYR')]).get('b')).toBe('a');
    expect(findDuplicates([receipt('a', 'TEO HENG STATIONERY & BOOKS', '2018-03-01', 10, 'MYR'), receipt('b', 'TEO HENG STATIONERY 8 BOOKS', '2018-03-01', 10, 'MYR')]).get('b')).toBe('a');
    expect(findDuplicates([receipt('a', 'ALDI', '2024-01-02', 12.5), receipt('b', 'LIDL', '2024-01-02', 12.5)]).size).toBe(0);
    expect(findDuplicates([receipt('a', 'SPEED MART', '2024-01-02', 12.5), receipt('b', 'FRESH MART', '2024-01-02', 12.5)]).size).toBe(0);
  });

  it('keeps receipts apart that differ in date, total or currency, or miss one of the three', () => {
    const base = receipt('a', 'CORNER CAFE', '2018-02-12', 16.96, 'MYR');
    expect(findDuplicates([base, receipt('b', 'CORNER CAFE', '2018-02-13', 16.96, 'MYR')]).size).toBe(0);
    expect(findDuplicates([base, receipt('b', 'CORNER CAFE', '2018-02-12', 16.95, 'MYR')]).size).toBe(0);
    expect(findDuplicates([base, receipt('b', 'CORNER CAFE', '2018-02-12', 16.96, 'SGD')]).size).toBe(0);
    expect(findDuplicates([base, receipt('b', 'CORNER CAFE', '2018-02-12', 16.96, null)]).get('b')).toBe('a');
    expect(findDuplicates([receipt('x', null, '2018-02-12', 16.96), receipt('y', null, '2018-02-12', 16.96)]).size).toBe(0);
    expect(findDuplicates([receipt('x', 'CAFE', null, 16.96), receipt('y', 'CAFE', null, 16.96)]).size).toBe(0);
    expect(findDuplicates([receipt('x', 'CAFE', '2018-02-12', null), receipt('y', 'CAFE', '2018-02-12', null)]).size).toBe(0);
  });

  it('compares totals in cents, so 0.1 + 0.2 and 0.3 are the same total', () => {
    expect(findDuplicates([receipt('a', 'KIOSK', '2024-05-01', 0.1 + 0.2), receipt('b', 'KIOSK', '2024-05-01', 0.3)]).get('b')).toBe('a');
  });
});
