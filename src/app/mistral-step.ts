import * as db from '../db';
import { documentText } from '../export/formats';
import { isAbortError } from '../errors';
import { structureWithMistral } from '../mistral/client';
import { validateReceipt } from '../receipt/review';
import { useLibrary, withoutDoc } from '../store/library';
import { useSettings } from '../store/settings';
import { loupe } from './loupe';

/**
 * The optional Mistral step, per document: sends the document's text (never its image), stores the
 * validated answer as the document's fields, and on any failure leaves the local fields as they were.
 */
class MistralStep {
  private readonly running = new Map<string, AbortController>();

  async structure(id: string): Promise<void> {
    const { mistral } = useSettings.getState();
    if (!mistral.enabled || !mistral.apiKey || this.running.has(id)) return;
    const controller = new AbortController();
    this.running.set(id, controller);
    useLibrary.setState((s) => ({ structuring: { ...s.structuring, [id]: true }, structureErrors: withoutDoc(s.structureErrors, id) }));
    try {
      const text = documentText(await db.listPages(id));
      const { receipt, review } = await structureWithMistral(text, mistral, validateReceipt, { signal: controller.signal });
      if (await db.getDocument(id)) await db.updateDocument(id, { fields: { receipt, source: 'mistral', edited: false, review } });
    } catch (error) {
      if (!isAbortError(error))
        useLibrary.setState((s) => ({ structureErrors: { ...s.structureErrors, [id]: error instanceof Error ? error.message : String(error) } }));
    } finally {
      this.running.delete(id);
      useLibrary.setState((s) => ({ structuring: withoutDoc(s.structuring, id) }));
      await loupe.refresh(id);
    }
  }

  cancel(id: string): void {
    this.running.get(id)?.abort();
  }
}

export const mistralStep = new MistralStep();
