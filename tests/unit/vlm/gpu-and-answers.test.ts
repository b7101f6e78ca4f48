import { describe, expect, it } from 'vitest';
import { gpuFailure } from '../../../src/engines/smolvlm/gpu-failure';
import { summarizeDownload, formatDuration } from '../../../src/engines/download-progress';
import { receiptFromModelText } from '../../../src/receipt/model-answer';

describe('gpuFailure', () => {
  it('names a lost device and an exhausted GPU, and leaves other errors alone', () => {
    expect(gpuFailure(new Error('A valid external Instance reference no longer exists.'))).toMatchObject({ code: 'gpu-lost' });
    expect(gpuFailure(new Error('Device was lost: GPU process crashed'))).toMatchObject({ code: 'gpu-lost' });
    expect(gpuFailure(new Error('Failed to allocate 536870912 bytes: out of memory'))).toMatchObject({ code: 'gpu-out-of-memory', message: expect.stringMatching(/smaller model/) });
    expect(gpuFailure(new Error("Can't create a session: protobuf parsing failed"))).toBeUndefined();
  });
});

describe('summarizeDownload', () => {
  const files = { 'a.onnx': { file: 'a.onnx', loaded: 30, total: 100 }, 'b.onnx': { file: 'b.onnx', loaded: 20, total: 100 } };
  it('totals the files and extrapolates time left from the average rate', () => {
    expect(summarizeDownload(files, 0, 10_000)).toEqual({ loaded: 50, total: 200, fraction: 0.25, bytesPerSecond: 5, secondsLeft: 30 });
  });
  it('counts bytes kept from an earlier, cut-off download as loaded but not as speed', () => {
    const resumed = { 'm.gguf': { file: 'm.gguf', loaded: 150, total: 200, resumed: 100 } };
    expect(summarizeDownload(resumed, 0, 10_000)).toEqual({ loaded: 150, total: 200, fraction: 0.75, bytesPerSecond: 5, secondsLeft: 10 });
  });
  it('gives no time left before a second has passed, and zero once all bytes are in', () => {
    expect(summarizeDownload(files, 0, 500).secondsLeft).toBeUndefined();
    expect(summarizeDownload({ a: { file: 'a', loaded: 9, total: 9 } }, 0, 5000).secondsLeft).toBe(0);
  });
  it('formats durations for people', () => {
    expect([formatDuration(0.2), formatDuration(42), formatDuration(125), formatDuration(7300)]).toEqual(['1 s', '42 s', '2 min 5 s', '2 h 2 min']);
  });
});

describe('receiptFromModelText', () => {
  const receipt = { merchantName: 'CAFE', merchantAddress: null, date: '2026-03-04', time: null, currency: 'EUR', subtotal: null, tax: null, tip: null, total: 4.5, paymentMethod: null, lineItems: [{ description: 'Tea', quantity: 1, unitPrice: 4.5, amount: 4.5 }] };
  it('finds the JSON inside fences and chatter, and checks it like a Mistral answer', () => {
    const answer = receiptFromModelText(`Sure! Here it is:\n\`\`\`json\n${JSON.stringify(receipt)}\n\`\`\``);
    expect(answer).toMatchObject({ ok: true, receipt: { merchantName: 'CAFE', total: 4.5 } });
  });
  it('flags an answer that does not add up, and keeps it for review', () => {
    const answer = receiptFromModelText(JSON.stringify({ ...receipt, total: 9 }));
    expect(answer.ok).toBe(false);
    expect(answer.receipt?.total).toBe(9);
    expect(answer.issues.length).toBeGreaterThan(0);
  });
  it('refuses text with no JSON and JSON outside the schema', () => {
    const prose = receiptFromModelText('TOTAL 4.50 CAFE');
    expect(prose).toMatchObject({ ok: false, issues: ['The answer held no JSON object.'] });
    expect(prose.receipt).toBeUndefined();
    const wrong = receiptFromModelText('{"total": "four"}');
    expect(wrong.ok).toBe(false);
    expect(wrong.receipt).toBeUndefined();
  });
});
