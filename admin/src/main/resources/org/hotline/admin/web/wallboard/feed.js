// The wallboard's live feed: GET /api/wallboard/events read as Server-Sent Events with fetch, so a
// refusal (401, 403) is seen as one and not retried. Dispatches 'snapshot' (detail: the board),
// 'status' (detail: {status, delayMs}) and 'refused' (detail: {status, message}). A broken or
// silent stream is opened again after 1 s, then 2, 4... up to 30 s.

const MAX_DELAY_MS = 30000;
/** Heartbeats come every 15 s: a stream silent for longer than this is dead. */
const SILENCE_MS = 40000;

export class WallboardFeed extends EventTarget {
  constructor(url = '/api/wallboard/events') {
    super();
    this.url = url;
    this.delayMs = 1000;
    this.controller = null;
    this.stopped = true;
    this.watchdog = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.watchdog);
    if (this.controller) {
      this.controller.abort();
    }
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Restarts the silence watchdog: called on every byte that comes. */
  alive() {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.controller && this.controller.abort(), SILENCE_MS);
  }

  async connect() {
    this.emit('status', { status: 'connecting' });
    this.controller = new AbortController();
    let response;
    try {
      response = await fetch(this.url, {
        headers: { Accept: 'text/event-stream' },
        credentials: 'same-origin',
        cache: 'no-store',
        signal: this.controller.signal,
      });
    } catch {
      this.retry();
      return;
    }
    if (response.status === 401 || response.status === 403) {
      let message = '';
      try {
        message = (await response.json()).error ?? '';
      } catch {
        message = '';
      }
      this.stopped = true;
      this.emit('refused', { status: response.status, message });
      return;
    }
    if (!response.ok || !response.body) {
      this.retry();
      return;
    }
    this.delayMs = 1000;
    this.emit('status', { status: 'open' });
    this.alive();
    try {
      await this.read(response.body.getReader());
    } catch {
      // broken: retried below
    }
    clearTimeout(this.watchdog);
    this.retry();
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      this.alive();
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  /** One event's lines: 'event: snapshot' and 'data: {...}'; comments (heartbeats) are skipped. */
  dispatch(block) {
    let type = 'message';
    const data = [];
    block.split('\n').forEach((line) => {
      if (line.startsWith('event:')) {
        type = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    });
    if (type === 'snapshot' && data.length > 0) {
      this.emit('snapshot', JSON.parse(data.join('\n')));
    }
  }

  retry() {
    if (this.stopped) {
      this.emit('status', { status: 'closed' });
      return;
    }
    const delayMs = this.delayMs;
    this.delayMs = Math.min(MAX_DELAY_MS, this.delayMs * 2);
    this.emit('status', { status: 'reconnecting', delayMs });
    setTimeout(() => !this.stopped && this.connect(), delayMs);
  }
}
