import { describe, expect, it } from 'vitest';
import { llamaUnsupported } from '../../../src/engines/smolvlm-gguf/support';

describe('whether llama.cpp can run', () => {
  it('needs Memory64 and a cross-origin-isolated page, and says which is missing', () => {
    expect(llamaUnsupported(true, true)).toBeUndefined();
    expect(llamaUnsupported(false, true)).toMatch(/cross-origin-isolated page/);
    expect(llamaUnsupported(true, false)).toMatch(/Memory64/);
  });
});
