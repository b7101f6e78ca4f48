import { useRef, useState } from 'react';
import type { DocumentRecord } from '../db';
import { loupe } from '../app/loupe';
import { useLibrary } from '../store/library';
import { useSettings } from '../store/settings';
import { isAbortError } from '../errors';

/** "Ask SmolVLM for the fields", when SmolVLM is the engine: the model looks at the image, on this device. */
export function SmolVlmFieldsAction({ doc }: { doc: DocumentRecord }) {
  const engine = useSettings((s) => s.engine);
  const reading = useLibrary((s) => s.queue.current !== undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const controller = useRef<AbortController>(undefined);
  if (engine !== 'smolvlm' || doc.status !== 'done') return null;
  const ask = async () => {
    controller.current = new AbortController();
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await loupe.readFieldsWithVlm(doc.id, controller.current.signal);
      if (!answer.receipt) setProblem(`SmolVLM's answer is not a receipt in the schema (${answer.issues.slice(0, 3).join('; ')}).`);
    } catch (error) {
      if (!isAbortError(error)) setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" data-testid="structure-smolvlm" disabled={busy || reading} title={reading ? 'Waits until the queue is read' : undefined} onClick={() => void ask()}>
        {busy ? 'Asking SmolVLM…' : 'Ask SmolVLM for the fields'}
      </button>
      {busy && (
        <button type="button" onClick={() => controller.current?.abort()}>
          Cancel
        </button>
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="smolvlm-fields-error">
          {problem} The fields found from the text are kept.
        </p>
      )}
    </>
  );
}
