import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';

// The registration waits for a timer in one method while another method starts the connection.
export class PrintQueue {
  private readonly hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/print').build();

  async connect(): Promise<void> {
    await this.hub.start();
  }

  watch(onDone: (job: string) => void): void {
    setTimeout(() => {
      this.hub.on('JobDone', onDone);
    }, 100);
  }
}
