import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfOpenError } from '../../../src/pipeline/pdf/open-error';
import { makeBadFileFixtures, makePasswordPdfFixture } from '../../fixtures';

/** What pdf.js itself throws for a document, so the mapping is tested against real exceptions. */
async function pdfjsRefusal(data: Uint8Array): Promise<unknown> {
  try {
    await (await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise).destroy();
  } catch (error) {
    return error;
  }
  throw new Error('pdf.js opened the document');
}

describe('pdfOpenError', () => {
  it('explains a password-protected PDF', async () => {
    expect(pdfOpenError(await pdfjsRefusal(makePasswordPdfFixture()))).toMatchObject({
      code: 'password-pdf',
      message: expect.stringMatching(/protected by a password/),
    });
  });

  it('calls a header followed by garbage a damaged PDF', async () => {
    expect(pdfOpenError(await pdfjsRefusal(makeBadFileFixtures().corruptPdf))).toMatchObject({
      code: 'corrupt-pdf',
      message: "This PDF is damaged or not really a PDF, so it can't be opened.",
    });
  });

  it('treats anything else thrown as damage, not as a crash', () => {
    expect(pdfOpenError(undefined).code).toBe('corrupt-pdf');
  });
});
