// Connections and Web PubSub clients that other modules import: only types say what they are.
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import { HubConnectionBuilder } from '@microsoft/signalr';

export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export const serviceClient = new WebPubSubServiceClient('Endpoint=https://example.webpubsub.azure.com;AccessKey=a2V5;Version=1.0;', 'chat');

export function roomGroup(room: string) {
  return serviceClient.group(room);
}

/** Not SignalR: an IPC channel with the same method name. */
export const ipc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return Promise.resolve([channel, args]);
  },
};
