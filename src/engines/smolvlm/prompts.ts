/** Faithful transcription, nothing more: a receipt's text is evidence, and an invented line is worse than a missing one. */
export const TRANSCRIBE_PROMPT =
  'Transcribe all the text in this image exactly as printed, line by line, from top to bottom. Keep numbers, prices and spelling as they are. Do not add, correct, summarise or translate anything. Skip what you cannot read.';
