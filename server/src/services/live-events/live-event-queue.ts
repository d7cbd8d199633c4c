/**
 * One subscriber's events waiting to be sent: an async iterator that graphql-js maps to results. `return()`
 * (the client completes, the socket closes) ends it and runs `onEnd` once; `fail` ends it with an error.
 */
export class LiveEventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  private ended = false;
  private failure: unknown = null;

  constructor(
    private readonly maxWaiting: number,
    private readonly overflow: () => Error,
    private readonly onEnd: () => void,
  ) {}

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
    } else if (this.items.length >= this.maxWaiting) {
      this.fail(this.overflow());
    } else {
      this.items.push(item);
    }
  }

  /** Ends the iteration with an error, delivered after nothing else. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.items.length = 0;
    this.failure = error;
    this.end();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = null;
      if (this.failure !== null) {
        const failure = this.failure;
        this.failure = null;
        reject(failure);
      } else {
        resolve({ value: undefined, done: true });
      }
    }
  }
}
