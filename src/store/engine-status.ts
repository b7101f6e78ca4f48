import { create } from 'zustand';
import type { EngineId, LoadProgress, LoadStages } from '../engines/engine';

export type EngineState = 'idle' | 'loading' | 'ready' | 'failed';

interface EngineStatus {
  engine: EngineId | undefined;
  state: EngineState;
  /** Per-file byte progress while loading. */
  files: Record<string, LoadProgress>;
  loadMs: number | undefined;
  /** How long each stage of the load took, where the engine times them. */
  loadStages: LoadStages | undefined;
  error: string | undefined;
  /** What is loading, in words ("SmolVLM2 256M on WASM"). */
  label: string | undefined;
  /** When the current load began (performance.now()), for the time left. */
  startedAt: number | undefined;
  /** When the latest bytes arrived. */
  updatedAt: number | undefined;
}

export const useEngineStatus = create<EngineStatus>()(() => ({
  engine: undefined,
  state: 'idle',
  files: {},
  loadMs: undefined,
  loadStages: undefined,
  error: undefined,
  label: undefined,
  startedAt: undefined,
  updatedAt: undefined,
}));
