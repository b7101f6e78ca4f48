import { abortError } from '../engine';

/**
 * Runs `work` over `items` on several lanes at once (one item at a time per lane, each lane taking the
 * next item as soon as it is free) and returns one promise per item, in the items' order. After a
 * failure or a cancel no new item starts, and every item not yet done rejects with that error.
 */
export function runInLanes<Item, Lane, Result>(
  items: readonly Item[],
  lanes: readonly Lane[],
  work: (item: Item, lane: Lane) => Promise<Result>,
  signal?: AbortSignal,
): Promise<Result>[] {
  const settlers: { resolve: (value: Result) => void; reject: (error: unknown) => void }[] = [];
  const results = items.map(
    () =>
      new Promise<Result>((resolve, reject) => {
        settlers.push({ resolve, reject });
      }),
  );
  // Callers stop awaiting at the first failure; the items after it must not count as unhandled.
  for (const result of results) result.catch(() => undefined);
  let next = 0;
  let failure: unknown;
  const drive = async (lane: Lane) => {
    while (next < items.length) {
      const index = next++;
      try {
        if (failure === undefined && signal?.aborted) failure = abortError();
        if (failure !== undefined) throw failure;
        settlers[index]!.resolve(await work(items[index]!, lane));
      } catch (error) {
        failure ??= error;
        settlers[index]!.reject(failure);
      }
    }
  };
  for (const lane of lanes) void drive(lane);
  return results;
}
