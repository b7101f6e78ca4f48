import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '../../../src/receipt/number-input';

describe('typed numbers', () => {
  it('reads amounts in either decimal convention, with thousands separators', () => {
    expect(parseNumberInput('12.50')).toBe(12.5);
    expect(parseNumberInput('12,50')).toBe(12.5);
    expect(parseNumberInput('1,234.50')).toBe(1234.5);
    expect(parseNumberInput('1.234,50')).toBe(1234.5);
    expect(parseNumberInput(' 1 234,5 ')).toBe(1234.5);
    expect(parseNumberInput('-3.50')).toBe(-3.5);
    expect(parseNumberInput('1,234')).toBe(1234);
  });

  it('reads weights with three decimals where allowed', () => {
    expect(parseNumberInput('0.355', 3)).toBe(0.355);
    expect(parseNumberInput('0,355', 3)).toBe(0.355);
    expect(parseNumberInput('0.355')).toBe(355);
  });

  it('is null when empty and undefined when not a number', () => {
    expect(parseNumberInput('  ')).toBeNull();
    expect(parseNumberInput('12.5.0')).toBeUndefined();
    expect(parseNumberInput('abc')).toBeUndefined();
    expect(parseNumberInput('12-50')).toBeUndefined();
  });
});
