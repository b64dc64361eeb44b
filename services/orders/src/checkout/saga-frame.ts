/**
 * The step the saga runner is running, per async context: a step that makes the next one due tells the
 * runner, which goes on by itself, instead of a NOTIFY that would wake another claim (issue 13).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Frame {
  orderId: string;
  /** The step scheduled a next step (due now or later); the runner tries to claim it. */
  scheduled: boolean;
}

const frames = new AsyncLocalStorage<Frame>();

/** Runs one step of `orderId`; answers whether it scheduled a next step. */
export async function runStep(orderId: string, step: () => Promise<void>): Promise<boolean> {
  const frame: Frame = { orderId, scheduled: false };
  await frames.run(frame, step);
  return frame.scheduled;
}

/** True when the runner of `orderId` is the caller and will claim the next step itself (noted here). */
export function noteScheduledByRunner(orderId: string): boolean {
  const frame = frames.getStore();
  if (frame?.orderId !== orderId) return false;
  frame.scheduled = true;
  return true;
}
