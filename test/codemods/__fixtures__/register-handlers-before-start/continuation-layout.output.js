import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/reports').build();

export function openReports(show) {
  connection.on('Report', (title, body) => {
    show(`Report: ${title}
${body}`);
    });
  connection.on('Removed', (title) => show(`Removed: ${title}`));
  connection.start().then(() => {
    console.log('reports connected');
  });
}
