import { describe, expect, it } from 'vitest';
import { connectAllowedBy, connectSources, contentSecurityPolicy } from '../../../src/pwa/csp';

const SELF = 'https://loupe.example';

describe('connect-src from the settings', () => {
  it('allows the hub and its storage hosts, and Mistral only while the step is on', () => {
    const off = connectSources({ modelHost: 'https://huggingface.co', mistralEndpoint: undefined });
    expect(off).toEqual(["'self'", 'blob:', 'data:', 'https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co']);
    const on = connectSources({ modelHost: 'https://huggingface.co', mistralEndpoint: 'https://api.eu.mistral.ai/' });
    expect(on.at(-1)).toBe('https://api.eu.mistral.ai');
  });

  it('allows exactly a configured mirror, and ignores a host that is not a URL', () => {
    expect(connectSources({ modelHost: 'http://127.0.0.1:8080/hf', mistralEndpoint: undefined })).toEqual(["'self'", 'blob:', 'data:', 'http://127.0.0.1:8080']);
    expect(connectSources({ modelHost: 'not a url', mistralEndpoint: undefined })).toEqual(["'self'", 'blob:', 'data:']);
  });

  it('matches origins the way the browser does for these sources', () => {
    const sources = connectSources({ modelHost: 'https://huggingface.co', mistralEndpoint: undefined });
    expect(connectAllowedBy(sources, `${SELF}/assets/x.wasm`, SELF)).toBe(true);
    expect(connectAllowedBy(sources, 'https://huggingface.co/HuggingFaceTB/x/resolve/main/config.json', SELF)).toBe(true);
    expect(connectAllowedBy(sources, 'https://cas-bridge.xethub.hf.co/x', SELF)).toBe(true);
    expect(connectAllowedBy(sources, 'http://cdn-lfs.huggingface.co/x', SELF)).toBe(false);
    expect(connectAllowedBy(sources, 'https://api.mistral.ai/v1/chat/completions', SELF)).toBe(false);
    expect(connectAllowedBy(sources, 'https://evilhuggingface.co/x', SELF)).toBe(false);
  });

  it('keeps the static policy strict about everything but connections', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval;');
  });
});
