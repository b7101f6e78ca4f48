import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../../src/export/download';

/** The few DOM pieces downloadBlob touches, recorded so the test can see what it did. */
function fakeDom() {
  const events: string[] = [];
  const anchor = {
    href: '',
    download: '',
    rel: '',
    click: () => events.push(`click ${anchor.href} as ${anchor.download}`),
    remove: () => events.push('remove'),
  };
  vi.stubGlobal('document', {
    createElement: (tag: string) => (tag === 'a' ? anchor : undefined),
    body: { append: () => events.push('append') },
  });
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:loupe/1');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => events.push(`revoke ${url}`));
  return events;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloadBlob', () => {
  it('clicks a temporary link to an object URL and revokes the URL only after the click is handled', () => {
    vi.useFakeTimers();
    const events = fakeDom();
    downloadBlob(new Blob(['x']), 'receipt.txt');
    expect(events).toEqual(['append', 'click blob:loupe/1 as receipt.txt', 'remove']);
    vi.runAllTimers();
    expect(events.at(-1)).toBe('revoke blob:loupe/1');
  });
});
