/**
 * python-socketio's tuple, which means "several arguments" wherever python-socketio takes or returns data: a
 * handler that returns `(a, b)` acks with two arguments, `emit(event, (a, b))` and `call(event, (a, b))` send two,
 * and `call` resolves to a tuple when the client acked with several. JavaScript has no tuple, and an array is
 * already one argument (a JSON list), so the facade spells a tuple `tuple(a, b)`:
 *
 * ```ts
 * server.on('add', (sid, x, y) => tuple(x + y, 'ok'));   // ack with two arguments: [x + y, 'ok']
 * server.on('list', (sid) => [1, 2]);                     // ack with one argument, the list [1, 2]
 * server.emit('pair', tuple('a', 'b'), { to: sid });       // 'pair' with two arguments
 * ```
 */

/** Several Socket.IO arguments, in order; make one with `tuple(...)`. Iterable, so `[...t]` lists them. */
export class Tuple {
  readonly values: readonly unknown[];

  constructor(values: readonly unknown[]) {
    this.values = Object.freeze([...values]);
  }

  get length(): number {
    return this.values.length;
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this.values[Symbol.iterator]();
  }
}

/** python-socketio's `(a, b, ...)`: the arguments `values`, sent as that many Socket.IO arguments. */
export function tuple(...values: unknown[]): Tuple {
  return new Tuple(values);
}

/**
 * The Socket.IO arguments that python-socketio sends for `data`: none for undefined (python's None), each value
 * of a tuple, and otherwise `data` itself as the one argument (an array included).
 */
export function argumentsOf(data: unknown): unknown[] {
  if (data === undefined) return [];
  if (data instanceof Tuple) return [...data.values];
  return [data];
}

/** What python-socketio hands back for received arguments: undefined for none, the one, or a tuple of several. */
export function dataOf(args: readonly unknown[]): unknown {
  if (args.length === 0) return undefined;
  if (args.length === 1) return args[0];
  return new Tuple(args);
}
