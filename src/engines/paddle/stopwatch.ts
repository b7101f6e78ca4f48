/** Named laps of a piece of work, in ms: each lap is the time since the previous one (a name met again adds up). */
export function stopwatch() {
  const laps: Record<string, number> = {};
  let mark = performance.now();
  return {
    laps,
    lap(name: string): void {
      const now = performance.now();
      laps[name] = (laps[name] ?? 0) + now - mark;
      mark = now;
    },
  };
}
