// Places where an `await` cannot go without changing what callers see: left alone, with a reason.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

// Callers use the result: async would hand them a promise instead of a boolean.
function tryJoin(room: string) {
  connection.invoke('JoinGroup', room);
  return room.length > 0;
}
export const joined = tryJoin('lobby');

export class Room {
  constructor(readonly name: string) {
    connection.invoke('JoinGroup', name);
  }

  get members(): number {
    connection.invoke('JoinGroup', this.name);
    return 0;
  }
}

export function joinAll(rooms: readonly string[]): void {
  rooms.forEach((room) => {
    connection.invoke('JoinGroup', room);
  });
  rooms.forEach((room) => connection.invoke('JoinRoom', room));
}

export function count(room: string): number {
  connection.invoke('JoinGroup', room);
  return 1;
}

connection.invoke('JoinGroup', 'everyone');
