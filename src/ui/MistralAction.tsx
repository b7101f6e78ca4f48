import { useState } from 'react';
import type { DocumentRecord } from '../db';
import { mistralStep } from '../app/mistral-step';
import { useAppShell } from '../store/app-shell';
import { useLibrary } from '../store/library';
import { useSettings } from '../store/settings';
import { MistralPreview } from './MistralPreview';
import { connectAllowed } from '../pwa/connect-policy';

/** "Structure with Mistral", shown only when the user turned the step on; needs a key and a connection. */
export function MistralAction({ doc, text }: { doc: DocumentRecord; text: string }) {
  const mistral = useSettings((s) => s.mistral);
  const online = useAppShell((s) => s.online);
  const structuring = useLibrary((s) => s.structuring[doc.id]);
  const failure = useLibrary((s) => s.structureErrors[doc.id]);
  const [preview, setPreview] = useState(false);
  if (!mistral.enabled) return null;
  const send = () => {
    setPreview(false);
    void mistralStep.structure(doc.id);
  };
  const why = !online
    ? 'Needs a connection'
    : !connectAllowed(mistral.baseUrl)
      ? 'Reload Loupe first: connections to Mistral are allowed from the next start'
      : !mistral.apiKey
        ? 'Add your Mistral API key in Settings'
        : !text.trim()
          ? 'This document has no text'
          : undefined;
  return (
    <>
      <button
        type="button"
        data-testid="structure-mistral"
        disabled={Boolean(why) || Boolean(structuring)}
        title={why}
        onClick={() => (mistral.skipPreview ? send() : setPreview(true))}
      >
        {structuring ? 'Structuring with Mistral…' : 'Structure with Mistral'}
      </button>
      {why && <span className="muted">{why}.</span>}
      {structuring && (
        <button type="button" onClick={() => mistralStep.cancel(doc.id)}>
          Cancel
        </button>
      )}
      {failure && (
        <p className="field-error" role="alert" data-testid="mistral-error">
          {failure} The fields found on this device are kept.
        </p>
      )}
      {preview && <MistralPreview text={text} onSend={send} onCancel={() => setPreview(false)} />}
    </>
  );
}
