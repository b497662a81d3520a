/**
 * Polling for what another request, a worker or a timer is about to do: reads again every 50 ms
 * until the value is accepted, and fails naming what it waited for. Tests never assert on how
 * long it took; the timeout only bounds a hang.
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: last saw ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** Polls until `read` gives a value other than undefined, and returns it. */
export async function present<T>(read: () => Promise<T | undefined>, what: string, timeoutMs?: number): Promise<T> {
  return (await eventually(read, (value) => value !== undefined, what, timeoutMs)) as T;
}

/** Polls until `condition` holds. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void> {
  await eventually(condition, (holds) => holds, what, timeoutMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
