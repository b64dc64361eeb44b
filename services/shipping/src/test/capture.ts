/** Captures a registration table (`shipmentHandlers`, `fleetHandlers`) so tests deliver through the real handlers. */
import type { Consumer, EventHandler } from '@sauda/kit';

/** The handlers registered on a fake consumer, by event type. */
export function captureHandlers(register: (consumer: Consumer) => unknown): (type: string) => EventHandler {
  const handlers = new Map<string, EventHandler>();
  const capture = {
    on(def: { type: string }, handler: EventHandler) {
      handlers.set(def.type, handler);
      return capture;
    },
  };
  register(capture as unknown as Consumer); // only `on` is used by a registration table
  return (type) => {
    const handler = handlers.get(type);
    if (!handler) throw new Error(`no handler registered for ${type}`);
    return handler;
  };
}
