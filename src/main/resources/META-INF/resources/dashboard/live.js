// Live updates: the change feed (GET /api/v1/feed, text/event-stream) read with fetch() and a
// ReadableStream, since EventSource cannot send Authorization. Where the service has no feed
// (404), poll /claims?updatedSince=...&sort=updatedAt every 2 seconds instead. Either way,
// listeners get events shaped like the feed's: {event, entityType, entityId, status?, ...}.

import {api, authHeaders, query} from './api.js';

const POLL_MS = 2000;
const RETRY_MS = 1000;

export class Live {
  constructor(onMode) {
    this.listeners = new Set();
    this.onMode = onMode;
    this.stopped = false;
    this.mode = 'connecting';
    this.abort = null;
    this.timer = null;
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    for (const listener of [...this.listeners]) {
      try { listener(event); } catch (e) { console.error(e); }
    }
  }

  setMode(mode) {
    this.mode = mode;
    this.onMode?.(mode);
  }

  async start() {
    let after = null;
    try {
      const latest = await api('/history?limit=1');
      after = latest.items[0]?.revision ?? 0;
    } catch { after = null; }
    this.follow(after);
  }

  stop() {
    this.stopped = true;
    this.abort?.abort();
    clearTimeout(this.timer);
  }

  /** Reads the feed from after the given revision; falls back to polling when there is none. */
  async follow(after) {
    if (this.stopped) return;
    this.abort = new AbortController();
    let response;
    try {
      response = await fetch(`/api/v1/feed${query({after})}`, {
        headers: authHeaders({Accept: 'text/event-stream'}), cache: 'no-store', signal: this.abort.signal,
      });
    } catch {
      if (!this.stopped) this.timer = setTimeout(() => this.follow(after), RETRY_MS);
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok || !type.startsWith('text/event-stream')) {
      response.body?.cancel();
      if (response.status === 401 || response.status === 403) { this.setMode('off'); return; }
      this.poll();                       // 404: this service has no feed
      return;
    }
    this.setMode('feed');
    let last = after;
    try {
      for await (const message of events(response.body)) {
        if (message.id) last = Number(message.id);
        if (!message.data) continue;
        let data;
        try { data = JSON.parse(message.data); } catch { continue; }
        this.emit({event: message.event, ...data});
      }
    } catch { /* the stream broke: reconnect below */ }
    if (!this.stopped) {
      this.setMode('connecting');
      this.timer = setTimeout(() => this.follow(last), RETRY_MS);
    }
  }

  async poll() {
    this.setMode('polling');
    const seen = new Map();              // claim id -> {version, status}
    let since = null;
    try {
      const newest = await api('/claims?sort=-updatedAt&limit=1');
      for (const c of newest.items) seen.set(c.id, {version: c.version, status: c.status});
      since = newest.items[0]?.updatedAt ?? '1970-01-01T00:00:00Z';
    } catch {
      since = new Date().toISOString();
    }
    const tick = async () => {
      if (this.stopped) return;
      try {
        let cursor = null;
        let pages = 0;
        do {
          const page = await api(`/claims${query({updatedSince: since, sort: 'updatedAt', limit: 200, cursor})}`);
          for (const c of page.items) {
            const before = seen.get(c.id);
            if (!before || before.version !== c.version) {
              seen.set(c.id, {version: c.version, status: c.status});
              const event = {
                event: !before && c.version <= 1 ? 'claim.created'
                  : before && before.status !== c.status ? 'claim.status_changed' : 'claim.updated',
                entityType: 'CLAIM', entityId: c.id, timestamp: c.updatedAt, href: `/api/v1/claims/${c.id}`,
              };
              if (before && before.status !== c.status) event.status = {from: before.status, to: c.status};
              this.emit(event);
            }
            if (Date.parse(c.updatedAt) > Date.parse(since)) since = c.updatedAt;
          }
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
      } catch { /* try again on the next tick */ }
      if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
    };
    this.timer = setTimeout(tick, POLL_MS);
  }
}

/** Server-sent events (id, event, data) from a byte stream. */
async function* events(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const message = {id: null, event: 'message', data: ''};
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') message.id = val;
        else if (field === 'event') message.event = val;
        else if (field === 'data') data.push(val);
      }
      message.data = data.join('\n');
      if (message.id || message.data) yield message;
    }
  }
}
