import { Injectable } from '@nestjs/common';
import { coversProperty } from '../auth/claims';
import type { LiveEvent } from './live-event';

/** One browser stream. */
export interface LiveStream {
  sessionKey: string;
  properties: readonly string[];
  send(chunk: string): void;
  close(): void;
}

/**
 * The open live streams of this instance. An event goes to every stream whose user's properties claim covers the
 * event's property; a session holds at most `maxPerSession` streams (its oldest is closed for a new one).
 */
@Injectable()
export class LiveHub {
  private readonly streams = new Set<LiveStream>();
  private maxPerSession = 5;

  configure(maxPerSession: number): void {
    this.maxPerSession = maxPerSession;
  }

  get size(): number {
    return this.streams.size;
  }

  add(stream: LiveStream): void {
    const own = [...this.streams].filter((other) => other.sessionKey === stream.sessionKey);
    for (const old of own.slice(0, Math.max(0, own.length - this.maxPerSession + 1))) {
      this.remove(old);
      old.close();
    }
    this.streams.add(stream);
  }

  remove(stream: LiveStream): void {
    this.streams.delete(stream);
  }

  publish(events: readonly LiveEvent[]): void {
    for (const event of events) {
      const chunk = `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
      for (const stream of this.streams) {
        if (coversProperty(stream.properties, event.propertyId)) stream.send(chunk);
      }
    }
  }

  closeAll(): void {
    for (const stream of [...this.streams]) {
      this.remove(stream);
      stream.close();
    }
  }
}
