import type { LoadProgress } from './engine';

export interface DownloadSummary {
  loaded: number;
  total: number;
  /** 0–1 over every file whose size is known; undefined before any size is. */
  fraction: number | undefined;
  /** Bytes per second since the download started. */
  bytesPerSecond: number;
  /** Undefined until there is a rate worth extrapolating (a second in, some bytes arrived). */
  secondsLeft: number | undefined;
}

/** Totals over the files of one engine load, and time left at the average rate so far. */
export function summarizeDownload(files: Record<string, LoadProgress>, startedAt: number, now: number): DownloadSummary {
  const all = Object.values(files);
  const total = all.reduce((sum, f) => sum + f.total, 0);
  const loaded = all.reduce((sum, f) => sum + Math.min(f.loaded, f.total), 0);
  const resumed = all.reduce((sum, f) => sum + Math.min(f.resumed ?? 0, f.total), 0);
  const seconds = (now - startedAt) / 1000;
  // Only what arrived in this session says how fast the connection is: a resumed download's earlier bytes did not.
  const bytesPerSecond = seconds > 0 ? (loaded - resumed) / seconds : 0;
  const secondsLeft = seconds >= 1 && bytesPerSecond > 0 && total > loaded ? (total - loaded) / bytesPerSecond : total && total === loaded ? 0 : undefined;
  return { loaded, total, fraction: total ? loaded / total : undefined, bytesPerSecond, secondsLeft };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}
