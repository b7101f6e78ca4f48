/** Reading Chromium traces for the responsiveness tests. */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks from a Chromium trace, with their CPU time (`tdur`). Wall time is not
 * the measure: on this shared 2-core machine the OS deschedules the page while Loupe's own workers
 * run, which stretches a 15 ms task to 100 ms without the page doing any more work.
 */
export function mainThreadTasks(trace: Buffer) {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const inside = (task: TraceEvent) =>
    onMain.filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0));
  // Playwright's injected script polls the DOM on the same thread; its tasks are the harness's, not Loupe's.
  const isHarness = (task: TraceEvent) => inside(task).some((e) => JSON.stringify(e.args ?? {}).includes('__playwright'));
  return {
    count: tasks.length,
    /** Loupe's tasks over the limit, with what ran inside them to name the culprit. */
    over: (cpuMs: number) =>
      tasks
        .filter((task) => (task.tdur ?? 0) / 1000 > cpuMs && !isHarness(task))
        .map((task) => ({
          cpuMs: (task.tdur ?? 0) / 1000,
          wallMs: (task.dur ?? 0) / 1000,
          inside: inside(task)
            .filter((e) => (e.dur ?? 0) > 1000)
            .map((e) => `${e.name} ${Math.round((e.dur ?? 0) / 1000)} ms ${JSON.stringify(e.args ?? {}).slice(0, 120)}`),
        })),
  };
}
