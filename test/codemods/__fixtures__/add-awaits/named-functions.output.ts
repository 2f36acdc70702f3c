// Named functions and methods: made async only because every caller ignores or awaits the result.
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

async function joinRoom(room: string): Promise<void> {
  await connection.invoke('JoinGroup', room);
  console.log(`joined ${room}`);
}

export class Lobby {
  constructor(private readonly hub: HubConnection) {}

  /** Joins the lobby and says hello. */
  public async enter() {
    await this.hub.invoke('JoinGroup', 'lobby');
    return this.hub.invoke('SendToGroup', 'lobby', 'hello');
  }

  open(): void {
    this.enter();
  }
}

joinRoom('news');
void joinRoom('sport');
