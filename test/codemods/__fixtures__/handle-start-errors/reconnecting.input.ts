// The connection reconnects after a drop, but a first start that fails is never tried again.
import { HubConnectionBuilder } from '@microsoft/signalr';

export class TelemetryClient {
  private connection = new HubConnectionBuilder().withUrl('/hubs/telemetry').withAutomaticReconnect().build();
  online = false;

  open(): void {
    this.connection.start().then(() => {
      this.online = true;
    });
  }

  close(): Promise<void> {
    this.online = false;
    return this.connection.stop();
  }
}
