import { LoupeError } from '../../errors';

/** What the user is told when pdf.js refuses a document, from the name of pdf.js's exception. */
export function pdfOpenError(error: unknown): LoupeError {
  if ((error as { name?: unknown } | null)?.name === 'PasswordException')
    return new LoupeError('password-pdf', 'This PDF is protected by a password. Remove the protection (print it to a new PDF) and add it again.');
  return new LoupeError('corrupt-pdf', "This PDF is damaged or not really a PDF, so it can't be opened.");
}
