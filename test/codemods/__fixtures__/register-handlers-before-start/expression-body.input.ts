import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/clock').build();

function showTime(time: string): void {
  document.title = time;
}

export const ready = connection.start().then(() => connection.on('Tick', showTime));
