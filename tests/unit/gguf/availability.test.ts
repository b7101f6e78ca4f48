import { describe, expect, it } from 'vitest';
import { spaceShortfall } from '../../../src/engines/smolvlm/availability';

describe('the space check before a GGUF download', () => {
  it('lets a download through when it fits, or when the browser says nothing of its quota', () => {
    expect(spaceShortfall(1.6e9, { quota: 10e9, usage: 1e9 })).toBeUndefined();
    expect(spaceShortfall(1.6e9, {})).toBeUndefined();
    expect(spaceShortfall(0, { quota: 1, usage: 1 })).toBeUndefined();
  });
  it('refuses one that cannot fit, with both figures and what to do', () => {
    expect(spaceShortfall(1.605e9, { quota: 2e9, usage: 1.2e9 })).toBe(
      'This model needs about 1.6 GB more space, and this browser lets Loupe store only 0.80 GB more. Free space on the device (or delete a downloaded model in Settings), or choose a smaller model.',
    );
  });
});
