/**
 * The driver app's outbox: every action is stored (localStorage) with its Idempotency-Key before it is sent,
 * sent in order, and kept while the network is down; when the connection returns the same requests are
 * replayed with the same keys, so an action that did reach the server before a drop is not done twice.
 */

/** One action waiting to be sent. */
export interface QueuedAction {
  key: string;
  path: string;
  body: unknown;
  queuedAt: number;
}

/** The little of Storage the queue needs (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Why a send failed: the network (retry later) or the server's answer (drop the action, tell the driver). */
export type SendFailure = 'offline' | 'rejected';

export interface ActionQueueOptions {
  store: KeyValueStore;
  storageKey?: string;
  send: (action: QueuedAction) => Promise<unknown>;
  /** Classifies a send error; network failures keep the action. */
  classify: (error: unknown) => SendFailure;
  /** Called when the server refused an action (it is dropped). */
  onRejected?: (action: QueuedAction, error: unknown) => void;
  /** Called after an action went through. */
  onSent?: (action: QueuedAction, answer: unknown) => void;
  newKey?: () => string;
}

/** A persistent, ordered queue of driver actions. */
export class ActionQueue {
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private readonly storageKey: string;

  constructor(private readonly options: ActionQueueOptions) {
    this.storageKey = options.storageKey ?? 'sauda.driver.outbox';
  }

  /** Actions waiting, oldest first. */
  pending(): QueuedAction[] {
    try {
      return JSON.parse(this.options.store.getItem(this.storageKey) ?? '[]') as QueuedAction[];
    } catch {
      return []; // an unreadable outbox (edited by hand) starts empty rather than breaking the app
    }
  }

  /** Stores the action, then tries to send everything; resolves `sent` or `queued`. */
  async enqueue(path: string, body: unknown): Promise<'sent' | 'queued'> {
    const key = this.options.newKey?.() ?? crypto.randomUUID();
    this.write([...this.pending(), { key, path, body, queuedAt: Date.now() }]);
    await this.flush();
    return this.pending().some((a) => a.key === key) ? 'queued' : 'sent';
  }

  /** Sends waiting actions in order until one fails for want of network. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Re-renders on change. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async drain(): Promise<void> {
    for (let action = this.pending()[0]; action; action = this.pending()[0]) {
      try {
        const answer = await this.options.send(action);
        this.remove(action.key);
        this.options.onSent?.(action, answer);
      } catch (error) {
        if (this.options.classify(error) === 'offline') return;
        this.remove(action.key);
        this.options.onRejected?.(action, error);
      }
    }
  }

  private remove(key: string): void {
    this.write(this.pending().filter((a) => a.key !== key));
  }

  private write(actions: QueuedAction[]): void {
    this.options.store.setItem(this.storageKey, JSON.stringify(actions));
    for (const listener of this.listeners) listener();
  }
}
