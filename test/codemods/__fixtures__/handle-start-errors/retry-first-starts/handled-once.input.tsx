// The failure of the first start is shown, but never retried: the connection only reconnects after
// it was once connected, so a user who opens the page during an outage stays offline.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Inbox({ onMail }: { onMail: (subject: string) => void }) {
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/mail').withAutomaticReconnect().build();
    connection.on('Mail', onMail);
    connection
      .start()
      .then(() => setProblem(undefined))
      .catch((reason: unknown) => setProblem(String(reason)));
    return () => {
      void connection.stop();
    };
  }, [onMail]);

  return problem ? <p role="alert">{problem}</p> : null;
}
