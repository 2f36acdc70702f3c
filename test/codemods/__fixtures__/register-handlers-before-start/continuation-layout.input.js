import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/reports').build();

export function openReports(show) {
  connection.start().then(() => {
    console.log('reports connected');
    connection.on('Report', (title, body) => {
      show(`Report: ${title}
${body}`);
      });
    connection.on('Removed', (title) => show(`Removed: ${title}`));
  });
}
