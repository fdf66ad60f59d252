/**
 * What a simulated client does when one of its actions is due: echo with an ack, broadcast to one of its rooms,
 * a direct to one of its peers, a custom event (with an ack or an expected reply), churn; and how acks that
 * fail are counted. The shard runtime decides when; this decides what is sent and what is measured of it.
 */
import { clientRoom, type BroadcastMessage, type DirectMessage } from '../../server/bench-protocol.js';
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { Action, CustomAction } from '../scenario/action-schema.js';
import { expandCustomArgs, expectedCorrelationValue } from '../scenario/custom-args.js';
import type { DeliveryRecorder } from './delivery-recorder.js';
import { buildPayload, type ActionPayload } from './payloads.js';
import { ClientState, roomName, type SimClient } from './sim-client.js';

/** An action that runs on a rate (open model or closed loop). */
export type RateAction = Extract<Action, { rate?: unknown }> & { rate: NonNullable<Extract<Action, { rate?: unknown }>['rate']> };

export interface ActionPerformerDeps {
  metrics: WorkerMetrics;
  delivery: DeliveryRecorder;
  clock: Clock;
  /** A churn action: close `sim` now (draining its in-flight messages) and reconnect it after the delay. */
  churn(sim: SimClient, reconnectDelayMs: number): void;
}

/** Performs actions for the clients of one shard. */
export class ActionPerformer {
  private readonly oneShotPayload = buildPayload(undefined);
  private replySeq = 0;

  constructor(
    private readonly scenarioActions: readonly Action[],
    private readonly deps: ActionPerformerDeps,
  ) {}

  /** Performs one action for one client. `done` (closed loops) is called when the action has completed. */
  perform(sim: SimClient, action: RateAction, payload: ActionPayload, t0Us: number, done: (() => void) | undefined): void {
    const client = sim.client!;
    const sentUs = this.deps.clock.nowUs();
    switch (action.kind) {
      case 'echo': {
        this.deps.metrics.count('eventsSent');
        client.emitWithAck('echo', [payload.value], action.timeoutMs, (error) => {
          const nowUs = this.deps.clock.nowUs();
          if (error) this.ackFailed(sim, 'echo', error);
          else {
            this.deps.metrics.count('eventsReceived');
            this.deps.metrics.latency('echo').record(nowUs - t0Us, nowUs - sentUs);
          }
          done?.();
        });
        return;
      }
      case 'broadcast': {
        if (sim.rooms.length === 0) return;
        const k = sim.broadcastTurn % sim.rooms.length;
        sim.broadcastTurn += 1;
        const room = sim.rooms[k]!;
        const seq = sim.broadcastSeq[k]!;
        sim.broadcastSeq[k] = seq + 1;
        const message: BroadcastMessage = {
          room: roomName(room),
          from: sim.index,
          seq,
          t0Us,
          sentUs,
          includeSelf: action.includeSelf,
          payload: payload.value,
        };
        this.deps.metrics.count('eventsSent');
        client.emit('broadcast', [message]);
        this.deps.delivery.recordSend(room, sim.index, sentUs);
        done?.();
        return;
      }
      case 'direct': {
        if (sim.peers.length === 0) return;
        const k = sim.peerTurn % sim.peers.length;
        sim.peerTurn += 1;
        const peer = sim.peers[k]!;
        const seq = sim.peerSeq[k]!;
        sim.peerSeq[k] = seq + 1;
        const message: DirectMessage = { to: clientRoom(peer), from: sim.index, seq, t0Us, sentUs, payload: payload.value };
        this.deps.metrics.count('eventsSent');
        client.emit('direct', [message]);
        this.deps.delivery.recordSend(this.deps.delivery.directChannel(peer), sim.index, sentUs);
        done?.();
        return;
      }
      case 'custom': {
        this.performCustom(sim, action as CustomAction, payload, t0Us, sentUs, done);
        return;
      }
      case 'churn': {
        this.deps.churn(sim, action.reconnectDelayMs);
        done?.();
        return;
      }
      default:
        done?.();
    }
  }

  private performCustom(
    sim: SimClient,
    action: CustomAction,
    payload: ActionPayload,
    t0Us: number,
    sentUs: number,
    done: (() => void) | undefined,
  ): void {
    const client = sim.client!;
    const values = { sid: client.id ?? '', requestId: `${sim.index}.${this.replySeq++}`, nowMs: Math.round(performance.timeOrigin + performance.now()) };
    const args = expandCustomArgs(action.args, values);
    if (action.payload) args.push(payload.value);
    this.deps.metrics.count('eventsSent');
    if (action.reply) {
      const expect = expectedCorrelationValue(action.args, values);
      (sim.pendingReplies ??= []).push({ id: expect, t0Us, sentUs, deadlineUs: sentUs + action.timeoutMs * 1000 });
    }
    if (action.ack) {
      client.emitWithAck(action.event, args, action.timeoutMs, (error) => {
        const nowUs = this.deps.clock.nowUs();
        if (error) this.ackFailed(sim, 'customAck', error);
        else {
          this.deps.metrics.count('eventsReceived');
          this.deps.metrics.latency('customAck').record(nowUs - t0Us, nowUs - sentUs);
        }
        done?.();
      });
      return;
    }
    client.emit(action.event, args);
    done?.();
  }

  /** Custom actions without a rate run once per client, right after it connects (like join). */
  performOneShotCustoms(sim: SimClient): void {
    for (const action of this.scenarioActions) {
      if (action.kind !== 'custom' || action.rate !== undefined || sim.state !== ClientState.open) continue;
      const nowUs = this.deps.clock.nowUs();
      this.performCustom(sim, action, this.oneShotPayload, nowUs, nowUs, undefined);
    }
  }

  ackFailed(sim: SimClient, what: string, error: Error): void {
    const timedOut = /timed? ?out/i.test(error.message);
    // An ack lost because the connection closed is not an error of its own: the disconnect is counted (as a
    // disconnect by reason when the server or transport ended it; not at all when the load generator did).
    if (!timedOut && sim.state !== ClientState.open) return;
    if (timedOut) {
      this.deps.metrics.count('acksTimedOut');
      this.deps.metrics.error('ack_timeout', `${what}: ${error.message}`);
    } else {
      this.deps.metrics.error('ack_failed', `${what}: ${error.message}`);
    }
  }
}

/** An ack whose first argument is `{ error }`: the server refused the request. */
export function isErrorAck(value: unknown): value is { error: unknown } {
  return value !== null && typeof value === 'object' && 'error' in value;
}
