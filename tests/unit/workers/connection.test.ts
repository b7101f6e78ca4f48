import { describe, expect, it } from 'vitest';
import { WorkerConnection } from '../../../src/workers/connection';

type Req = { type: 'ask' | 'cancel'; id: number; target?: number };
type Res = { type: 'answer'; id: number };

/** A stand-in for a Worker: records what it is sent, and lets the test answer or fail. */
class FakeWorker extends EventTarget {
  sent: Req[] = [];
  terminated = false;
  postMessage(message: Req) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number) {
    this.dispatchEvent(new MessageEvent('message', { data: { type: 'answer', id } }));
  }
  crash() {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

describe('worker connection', () => {
  it('a crash fails the pending calls; the next call starts a fresh worker, which late errors of the dead one do not touch', async () => {
    const workers: FakeWorker[] = [];
    const connection = new WorkerConnection<Req, Res>(
      () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      (id, target) => ({ type: 'cancel', id, target }),
    );
    const ask = () => connection.call((id) => ({ type: 'ask', id }), (reply) => (reply.type === 'answer' ? reply.id : undefined));

    const first = ask();
    workers[0]!.crash();
    await expect(first).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(workers[0]!.terminated).toBe(true);

    const second = ask();
    expect(workers).toHaveLength(2);
    // The dead worker failed on a second message too, and says so after its replacement started.
    workers[0]!.crash();
    workers[1]!.answer(workers[1]!.sent[0]!.id);
    await expect(second).resolves.toBe(workers[1]!.sent[0]!.id);
    expect(workers[1]!.terminated).toBe(false);
  });
});
