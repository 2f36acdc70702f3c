import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import * as React from 'react';

// The builder chain spans lines, and the state has an explicit type.
export const Leaderboard = () => {
  const [hub] = React.useState<HubConnection>(
    new HubConnectionBuilder()
      .withUrl('/hubs/leaderboard')
      .configureLogging(LogLevel.Warning)
      .build(),
  );
  const [leader, setLeader] = React.useState('');

  React.useEffect(() => {
    hub.on('LeaderChanged', setLeader);
    hub.start().catch(() => setLeader('offline'));
    return () => {
      void hub.stop();
    };
  }, [hub]);

  return <h2>{leader}</h2>;
};
