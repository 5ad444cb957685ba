// The /cti WebSocket (docs/cti-protocol.md): events in, commands out, reconnecting with backoff
// when the connection drops. The browser sends the session cookie with the handshake.

/** Close codes after which reconnecting is useless: the session must log in again. */
export const UNAUTHENTICATED = 4401;
export const EXPIRED = 4408;

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const COMMAND_TIMEOUT_MS = 10000;

/** A command the server answered with an error frame, or that got no answer. */
export class CommandError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

/**
 * One CTI connection. Dispatches 'message' (detail: the frame), 'status' (detail: {status:
 * 'connecting' | 'open' | 'reconnecting' | 'closed', delayMs}) and 'session-ended' (detail:
 * {code}) when the server closes with 4401 or 4408.
 */
export class CtiClient extends EventTarget {
  #url;
  #socket = null;
  #stopped = true;
  #attempt = 0;
  #timer = null;
  #nextId = 1;
  #pending = new Map();

  constructor(url) {
    super();
    this.#url = url;
  }

  /** The URL of /cti on the server that served the page. */
  static defaultUrl() {
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/cti`;
  }

  start() {
    this.#stopped = false;
    this.#attempt = 0;
    this.#open();
  }

  /** Closes for good: no reconnect. */
  stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.#socket) {
      this.#socket.close(1000, 'bye');
      this.#socket = null;
    }
    this.#failPending('disconnected');
    this.#status('closed');
  }

  /**
   * Sends command type with fields; resolves with the reply, rejects with a CommandError (the
   * server's error code, 'timeout' or 'disconnected').
   */
  send(type, fields = {}) {
    if (!this.#socket || this.#socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new CommandError('disconnected'));
    }
    const id = String(this.#nextId++);
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.#pending.delete(id);
        reject(new CommandError('timeout'));
      }, COMMAND_TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timeout });
      this.#socket.send(JSON.stringify({ ...fields, type, id }));
    });
  }

  #open() {
    this.#status('connecting');
    let socket;
    try {
      socket = new WebSocket(this.#url);
    } catch {
      this.#retry();
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#attempt = 0;
      this.#status('open');
    });
    socket.addEventListener('message', (event) => this.#receive(event.data));
    socket.addEventListener('close', (event) => {
      if (this.#socket !== socket) {
        return;
      }
      this.#socket = null;
      this.#failPending('disconnected');
      if (this.#stopped) {
        return;
      }
      if (event.code === UNAUTHENTICATED || event.code === EXPIRED) {
        this.#stopped = true;
        this.#status('closed');
        this.dispatchEvent(new CustomEvent('session-ended', { detail: { code: event.code } }));
        return;
      }
      this.#retry();
    });
  }

  /** Tries again after a delay that doubles with each failure, up to 30 s, with jitter. */
  #retry() {
    const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.#attempt);
    const delayMs = Math.round(base / 2 + (Math.random() * base) / 2);
    this.#attempt++;
    this.#status('reconnecting', delayMs);
    this.#timer = setTimeout(() => {
      if (!this.#stopped) {
        this.#open();
      }
    }, delayMs);
  }

  #receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if ((frame.type === 'reply' || frame.type === 'error') && frame.id !== undefined && this.#pending.has(String(frame.id))) {
      const waiting = this.#pending.get(String(frame.id));
      this.#pending.delete(String(frame.id));
      clearTimeout(waiting.timeout);
      if (frame.type === 'reply') {
        waiting.resolve(frame);
      } else {
        waiting.reject(new CommandError(frame.code || 'internal', frame.message));
      }
      return;
    }
    this.dispatchEvent(new CustomEvent('message', { detail: frame }));
  }

  #failPending(code) {
    for (const waiting of this.#pending.values()) {
      clearTimeout(waiting.timeout);
      waiting.reject(new CommandError(code));
    }
    this.#pending.clear();
  }

  #status(status, delayMs = 0) {
    this.dispatchEvent(new CustomEvent('status', { detail: { status, delayMs } }));
  }
}
