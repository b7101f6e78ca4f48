import { describe, expect, it } from 'vitest';
import { llamaUnsupported } from '../../../src/engines/smolvlm-gguf/support';

describe('whether llama.cpp can run', () => {
  const all = { isolated: true, memory64: true, jspi: true };
  it('needs Memory64, JSPI and a cross-origin-isolated page, and says which is missing', () => {
    expect(llamaUnsupported(all)).toBeUndefined();
    expect(llamaUnsupported({ ...all, isolated: false })?.reason).toMatch(/not cross-origin isolated/);
    expect(llamaUnsupported({ ...all, memory64: false })?.reason).toMatch(/Memory64/);
    expect(llamaUnsupported({ ...all, jspi: false })?.reason).toMatch(/JSPI/);
  });
});
