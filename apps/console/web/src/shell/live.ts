import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** One event as the BFF pushes it on `GET /api/live` (server-sent events): identifiers only, never personal data. */
export interface LiveEvent {
  id: string;
  type: string;
  propertyId: string;
  occurredAt: string;
  /** The ids the event is about (reservationId, roomId, requestId, folioId…), from its payload. */
  subjects: Record<string, string>;
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Keeps every board fresh: an event of a property refetches the queries of that property (query keys are
 * `[service, propertyId, …]`, or `[service, '*', …]` for chain-wide views), coalesced over a short window so a burst costs one refetch.
 */
export function useLiveUpdates(onEvent?: (event: LiveEvent) => void): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    const source = new EventSource('/api/live');
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      const properties = [...pending];
      pending.clear();
      void queryClient.invalidateQueries({
        // '*' keys are chain-wide views (finance across the user's properties): any property's event may change them.
        predicate: (query) => query.queryKey[1] === '*' || properties.includes(query.queryKey[1] as string),
      });
    };
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    source.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as LiveEvent;
      onEvent?.(event);
      pending.add(event.propertyId);
      timer ??= setTimeout(flush, 100);
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [queryClient, onEvent]);
  return status;
}
