/**
 * Runs tasks one at a time per key, in arrival order; different keys run concurrently. Votes on one
 * prediction message go through the core in the order Discord delivered them, so a quick add then
 * remove cannot be stored as remove then add, and each result's tally is at least as fresh as the
 * previous one (the last edit shows the final count).
 */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed task must not block the ones behind it: they wait for it to settle, not succeed.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
