import { useEngineStatus } from '../store/engine-status';
import { formatDuration, summarizeDownload } from '../engines/download-progress';
import { formatBytes } from './DocumentList';
import { loupe } from '../app/loupe';

/** An engine's files arriving, like a native app shows it: per file and in total, time left, cancel. */
export function ModelDownload() {
  const { state, files, label, startedAt, updatedAt } = useEngineStatus();
  const entries = Object.values(files).filter((f) => f.total > 0);
  if (state !== 'loading' || !entries.length || startedAt === undefined) return null;
  const summary = summarizeDownload(files, startedAt, updatedAt ?? startedAt);
  const percent = summary.fraction === undefined ? 0 : Math.floor(summary.fraction * 100);
  return (
    <section className="banner download" data-testid="model-download" aria-label={`Downloading ${label ?? 'the engine'}`}>
      <div className="download-head">
        <span role="status" data-testid="download-total">
          {label ?? 'Engine'}: {formatBytes(summary.loaded)} of {formatBytes(summary.total)} ({percent}%)
          {summary.secondsLeft !== undefined && summary.secondsLeft > 0 && ` · about ${formatDuration(summary.secondsLeft)} left`}
        </span>
        <button type="button" data-testid="download-cancel" onClick={() => loupe.cancelEngineLoad()}>
          Cancel download
        </button>
      </div>
      <progress max={1} value={summary.fraction ?? 0} aria-label="Download, all files" />
      <ul className="download-files">
        {entries.map((f) => (
          <li key={f.file} data-testid="download-file" data-file={f.file}>
            <span>{f.file}</span>
            <span className="muted">
              {formatBytes(Math.min(f.loaded, f.total))} of {formatBytes(f.total)}
            </span>
            <progress max={f.total} value={Math.min(f.loaded, f.total)} aria-label={`Download of ${f.file}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
