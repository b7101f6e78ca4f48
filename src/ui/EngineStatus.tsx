import { engineLoadFraction, useEngineStatus } from '../store/engine-status';
import { ENGINE_INFO } from '../engines/registry';
import { useSettings } from '../store/settings';
import type { EngineId } from '../engines/engine';

/** Which engine reads pages, and its loading state (files are fetched from Loupe's own origin only). */
export function EngineStatus({ override }: { override: EngineId | undefined }) {
  const status = useEngineStatus();
  const chosen = useSettings((s) => s.engine);
  const setEngine = useSettings((s) => s.setEngine);
  const fraction = engineLoadFraction(status.files);
  return (
    <div
      className="tools"
      data-testid="engine-status"
      data-state={status.state}
      data-engine={status.engine ?? ''}
      data-load-ms={status.loadMs === undefined ? '' : Math.round(status.loadMs)}
    >
      <label>
        Engine{' '}
        <select
          value={override ?? chosen}
          disabled={override !== undefined}
          onChange={(event) => setEngine(event.target.value as EngineId)}
        >
          {Object.values(ENGINE_INFO).map((info) => (
            <option key={info.id} value={info.id} title={info.description}>
              {info.label}
            </option>
          ))}
        </select>
      </label>
      <span className="muted" role="status">
        {status.state === 'loading' &&
          (fraction !== undefined && fraction < 1 ? `Loading engine ${Math.round(fraction * 100)}%` : 'Preparing engine…')}
        {status.state === 'ready' && status.loadMs !== undefined && `Engine ready (${(status.loadMs / 1000).toFixed(1)} s)`}
        {status.state === 'failed' && `Engine failed: ${status.error ?? 'unknown error'}`}
      </span>
      {status.state === 'loading' && fraction !== undefined && fraction < 1 && (
        <progress value={fraction} max={1} aria-label="Engine download" style={{ width: '8rem' }} />
      )}
    </div>
  );
}
