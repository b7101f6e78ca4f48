import { queueProgress, useLibrary } from '../store/library';
import { loupe } from '../app/loupe';
import { useShallow } from 'zustand/react/shallow';

/** Overall progress when several documents are queued, with one cancel for all of them. */
export function QueueBar() {
  const progress = useLibrary(useShallow(queueProgress));
  if (!progress) return null;
  return (
    <div className="queue" data-testid="queue" aria-live="polite">
      <div className="row">
        <span>
          Reading {Math.min(progress.done + 1, progress.total)} of {progress.total}
        </span>
        <button type="button" onClick={() => loupe.cancelAll()}>
          Cancel all
        </button>
      </div>
      <progress max={1} value={progress.fraction} aria-label="Overall progress" />
    </div>
  );
}
