import { HubConnectionBuilder } from '@microsoft/signalr';

export async function followRoom(roomName: string, print: (line: string) => void): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/rooms').build();
  connection.on('Announcement', (text: string) => print(`** ${text}`));
  await connection.start();
  // The room id comes from the hub, after connecting: the handler below needs it.
  const roomId: string = await connection.invoke('Enter', roomName);
  connection.on('RoomMessage', (room: string, text: string) => {
    if (room === roomId) print(text);
  });
}
