import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useMemo, useRef, useState } from 'react';

// Each of these builds its connection once: nothing to change, nothing to report.
export function Lazy({ url }: { url: string }) {
  const [fromState] = useState(() => new HubConnectionBuilder().withUrl(url).build());
  const memoised = useMemo(() => new HubConnectionBuilder().withUrl(url).build(), [url]);
  const ref = useRef<HubConnection | null>(null);
  if (ref.current === null) ref.current = new HubConnectionBuilder().withUrl(url).build();
  return <p>{[fromState.state, memoised.state, ref.current.state].join()}</p>;
}
