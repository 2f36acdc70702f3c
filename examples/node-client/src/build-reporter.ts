// A build agent that reports each job to the dashboard hub. The job queue hands over its backlog as
// soon as it opens, and the hub connection is started only after that: every backlog report is
// sent on a connection that has not been started, and fails.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const jobs = new EventEmitter();
const connection = new HubConnectionBuilder()
  .withUrl(`${process.env.DASHBOARD_URL ?? 'http://localhost:5000'}/hubs/builds`)
  .withAutomaticReconnect()
  .configureLogging(LogLevel.Warning)
  .build();

jobs.on('job', (id: string) => {
  connection.send('BuildStarted', id).catch((error: unknown) => console.error(error)); // expect: no-invoke-before-start
});

/** Stands in for the broker client: it connects, then delivers the jobs that waited meanwhile. */
async function openQueue(queue: EventEmitter, backlog: readonly string[]): Promise<void> {
  await sleep(50);
  for (const id of backlog) queue.emit('job', id);
}

await openQueue(jobs, (process.env.PENDING_BUILDS ?? '').split(',').filter(Boolean));
await connection.start();
console.log('Reporting builds');
