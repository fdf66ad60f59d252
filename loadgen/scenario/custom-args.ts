/**
 * Placeholders in a custom action's `args`, so that scenarios can talk to servers that know nothing of the
 * bench protocol (python-socketio's chat example: `sendMessage {content, destId}` replies to `destId`).
 * A string that is exactly a placeholder is replaced by the value, with the value's type:
 *   `{{sid}}`   the sending client's namespace sid (string);
 *   `{{id}}`    a fresh id for this request, unique within the run (string);
 *   `{{nowMs}}` the send time, epoch ms (number), e.g. for a listener's `timestampField`;
 *   `{{index}}` the client's index in the population, 0-based (number), e.g. for `auth: {user: '{{index}}'}`;
 *   `{{room}}`  one of the client's rooms from `population` (string, `room:<k>`): a joining action sends one
 *               request per room of the client, any other action goes round its rooms;
 *   `{{messageId}}` the id of this message (string) that a declared delivery reads back at the receivers;
 *   `{{sentUs}}` the send time on the load generator's clock, µs (number);
 *   `{{peerSid}}` the namespace sid of another connected client (string), for a direct message: the clients of
 *               the sender's worker thread in turn (a worker knows only its own clients' sids).
 * Other strings are left alone, so no escaping is needed for ordinary text.
 */

/** Every placeholder, for validation messages. */
export const CUSTOM_ARG_PLACEHOLDERS = ['{{sid}}', '{{id}}', '{{nowMs}}', '{{index}}', '{{room}}', '{{messageId}}', '{{sentUs}}', '{{peerSid}}'] as const;
export type CustomArgPlaceholder = (typeof CUSTOM_ARG_PLACEHOLDERS)[number];

/** What the placeholders stand for in one request. */
export interface CustomArgValues {
  sid: string;
  requestId: string;
  nowMs: number;
  index: number;
  /** The room of this request; absent where the action names none. */
  room?: string;
  /** Absent where the action declares no delivery. */
  messageId?: string;
  sentUs: number;
  /** The peer's sid; absent where the action names no `{{peerSid}}`. */
  peerSid?: string;
}

const PLACEHOLDER_LIKE = /^\{\{.*\}\}$/;

/** Returns a copy of `args` with every placeholder replaced (recursively into arrays and plain objects). */
export function expandCustomArgs(args: readonly unknown[], values: CustomArgValues): unknown[] {
  return args.map((arg) => expandValue(arg, values));
}

function expandValue(value: unknown, values: CustomArgValues): unknown {
  if (typeof value === 'string') {
    switch (value) {
      case '{{sid}}':
        return values.sid;
      case '{{id}}':
        return values.requestId;
      case '{{nowMs}}':
        return values.nowMs;
      case '{{index}}':
        return values.index;
      case '{{room}}':
        return values.room ?? value;
      case '{{messageId}}':
        return values.messageId ?? value;
      case '{{sentUs}}':
        return values.sentUs;
      case '{{peerSid}}':
        return values.peerSid ?? value;
      default:
        return value;
    }
  }
  if (Array.isArray(value)) return value.map((item) => expandValue(item, values));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandValue(item, values)]));
  }
  return value;
}

/** Paths (as arrays of keys) of strings in `args` that look like a placeholder but are none of the known ones. */
export function findUnknownPlaceholders(args: readonly unknown[]): Array<{ path: Array<string | number>; text: string }> {
  const found: Array<{ path: Array<string | number>; text: string }> = [];
  const visit = (value: unknown, path: Array<string | number>): void => {
    if (typeof value === 'string') {
      if (PLACEHOLDER_LIKE.test(value) && !(CUSTOM_ARG_PLACEHOLDERS as readonly string[]).includes(value)) found.push({ path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  args.forEach((arg, index) => visit(arg, [index]));
  return found;
}

/** True when `placeholder` occurs anywhere in `args`. */
export function usesPlaceholder(args: readonly unknown[], placeholder: CustomArgPlaceholder): boolean {
  const visit = (value: unknown): boolean => {
    if (value === placeholder) return true;
    if (Array.isArray(value)) return value.some(visit);
    if (typeof value === 'object' && value !== null) return Object.values(value).some(visit);
    return false;
  };
  return args.some(visit);
}

/** True when `{{id}}` occurs anywhere in `args`: requests are then correlated by their id, else by the sid. */
export function usesRequestId(args: readonly unknown[]): boolean {
  return usesPlaceholder(args, '{{id}}');
}

/**
 * The value a reply must carry at `correlationField` to complete a request: the request's id when the args
 * use `{{id}}`, else the client's sid (python-socketio's chat replies `{message, sid}`).
 */
export function expectedCorrelationValue(args: readonly unknown[], values: CustomArgValues): string {
  return usesRequestId(args) ? values.requestId : values.sid;
}

/** Reads a dotted path (`a.b.c`) from a value; undefined where the path does not lead anywhere. */
export function readField(value: unknown, dottedPath: string): unknown {
  let current: unknown = value;
  for (const key of dottedPath.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
