import { useEffect, useRef, useState } from 'react';
import { useSettings } from '../store/settings';
import { chatCompletionsUrl } from '../mistral/request';

/** Shows exactly what leaves the device before it does: the destination, the model and the text. Never the image. */
export function MistralPreview({ text, onSend, onCancel }: { text: string; onSend: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const mistral = useSettings((s) => s.mistral);
  const setMistral = useSettings((s) => s.setMistral);
  const [dontAsk, setDontAsk] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="sheet" aria-labelledby="send-title" data-testid="mistral-preview" onCancel={onCancel}>
      <h2 id="send-title">Send this text to Mistral?</h2>
      <p>
        Only the text below leaves this device, to <code data-testid="mistral-destination">{chatCompletionsUrl(mistral.baseUrl)}</code> (model{' '}
        <code>{mistral.model}</code>), with your API key. The image is never sent. Mistral&apos;s answer fills in the receipt&apos;s fields.
      </p>
      <pre className="outgoing" data-testid="mistral-outgoing">
        {text}
      </pre>
      <label>
        <input type="checkbox" checked={dontAsk} onChange={(event) => setDontAsk(event.target.checked)} /> Don&apos;t show this before each send
      </label>
      <div className="actions">
        <button
          type="button"
          data-testid="mistral-send"
          onClick={() => {
            if (dontAsk) setMistral({ skipPreview: true });
            dialog.current?.close();
            onSend();
          }}
        >
          Send text
        </button>
        <button
          type="button"
          onClick={() => {
            dialog.current?.close();
            onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
