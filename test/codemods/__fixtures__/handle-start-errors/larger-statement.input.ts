// The awaited start is part of a declaration: wrapping it in try … catch would hide `ready` from the
// code after it, so the codemod leaves it and says why.
import { HubConnectionBuilder } from '@microsoft/signalr';

export class Scoreboard {
  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/scores').build();
  ready = false;

  async componentDidMount(): Promise<void> {
    const ready = await this.connection.start().then(() => true);
    this.ready = ready;
  }
}
