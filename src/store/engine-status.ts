import { create } from 'zustand';
import type { EngineId, LoadProgress } from '../engines/engine';

export type EngineState = 'idle' | 'loading' | 'ready' | 'failed';

interface EngineStatus {
  engine: EngineId | undefined;
  state: EngineState;
  /** Per-file byte progress while loading. */
  files: Record<string, LoadProgress>;
  loadMs: number | undefined;
  error: string | undefined;
}

export const useEngineStatus = create<EngineStatus>()(() => ({
  engine: undefined,
  state: 'idle',
  files: {},
  loadMs: undefined,
  error: undefined,
}));

export function engineLoadFraction(files: Record<string, LoadProgress>): number | undefined {
  const all = Object.values(files);
  const total = all.reduce((sum, f) => sum + f.total, 0);
  if (!total) return undefined;
  return all.reduce((sum, f) => sum + Math.min(f.loaded, f.total), 0) / total;
}
