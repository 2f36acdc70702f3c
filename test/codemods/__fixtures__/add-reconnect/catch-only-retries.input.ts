import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/orders').build();

connection.start().catch(() => setTimeout(() => connection.start(), 3000));
