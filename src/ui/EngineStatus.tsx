import { useEngineStatus } from '../store/engine-status';
import { ENGINE_INFO } from '../engines/registry';
import { useSettings } from '../store/settings';
import type { EngineId } from '../engines/engine';
import { useSmolVlmUsable } from './use-smolvlm-usable';

/** Which engine reads pages, and its loading state (files are fetched from Loupe's own origin only). */
export function EngineStatus({ override }: { override: EngineId | undefined }) {
  const status = useEngineStatus();
  const chosen = useSettings((s) => s.engine);
  const setEngine = useSettings((s) => s.setEngine);
  const smolVlmUsable = useSmolVlmUsable();
  return (
    <div
      className="tools"
      data-testid="engine-status"
      data-state={status.state}
      data-engine={status.engine ?? ''}
      data-load-ms={status.loadMs === undefined ? '' : Math.round(status.loadMs)}
      data-load-started={status.startedAt === undefined ? '' : Math.round(status.startedAt)}
      data-load-stages={status.loadStages ? JSON.stringify(status.loadStages) : ''}
    >
      <label>
        Engine{' '}
        <select
          value={override ?? chosen}
          disabled={override !== undefined}
          onChange={(event) => setEngine(event.target.value as EngineId)}
        >
          {Object.values(ENGINE_INFO).map((info) => {
            // Offline, SmolVLM can start only from a model already downloaded (or a picked folder).
            const offline = info.id === 'smolvlm' && !smolVlmUsable;
            return (
              <option key={info.id} value={info.id} title={info.description} disabled={offline && info.id !== (override ?? chosen)}>
                {info.label}
                {offline ? ' — offline, model not downloaded' : ''}
              </option>
            );
          })}
        </select>
      </label>
      <span className="muted" role="status">
        {status.state === 'loading' && `Loading ${status.label ?? 'engine'}…`}
        {status.state === 'ready' && status.loadMs !== undefined && `${status.label ?? 'Engine'} ready (${(status.loadMs / 1000).toFixed(1)} s)`}
        {status.state === 'failed' && `Engine failed: ${status.error ?? 'unknown error'}`}
      </span>
    </div>
  );
}
