// Follows one order while its page is open: the component owns its connection and stops it in
// ngOnDestroy, so leaving the page closes it.
import { Component, input, type OnDestroy, type OnInit, signal } from '@angular/core';
import type { IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';

/** Randomised back-off, so that a server restart does not bring every open order page back in the same second. */
const retryWithJitter: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) * (0.5 + Math.random() / 2),
};

@Component({
  selector: 'app-order-status',
  template: `<p>Order {{ orderId() }}: {{ status() }}</p>`,
})
export class OrderStatusComponent implements OnInit, OnDestroy {
  readonly orderId = input.required<string>();
  readonly status = signal('loading…');

  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/orders').withAutomaticReconnect(retryWithJitter).build();

  ngOnInit(): void {
    this.connection.on('StatusChanged', (status: string) => this.status.set(status));
    this.connection.onreconnected(() => this.followOrder().catch(this.showFailure));
    this.connection
      .start()
      .then(() => this.followOrder())
      .catch(this.showFailure);
  }

  ngOnDestroy(): void {
    void this.connection.stop();
  }

  private async followOrder(): Promise<void> {
    await this.connection.invoke('JoinGroup', `order-${this.orderId()}`);
  }

  private readonly showFailure = (reason: unknown): void => {
    this.status.set(`offline (${String(reason)})`);
  };
}
