// An Angular-style service: the framework ignores the promise ngOnInit returns, so a failed start
// is an unhandled rejection. What follows the start must still run only once connected.
import { HubConnectionBuilder } from '@microsoft/signalr';

interface Log {
  error(message: string, cause: unknown): void;
}

export class OrderFeed {
  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/orders').build();
  orders: string[] = [];

  constructor(private readonly log: Log) {}

  async ngOnInit(): Promise<void> {
    this.connection.on('OrderPlaced', (id: string) => this.orders.push(id));
    try {
      await this.connection.start(); // connects once per service
    } catch (error) {
      this.log.error('Could not start the SignalR connection', error);
      return;
    }
    await this.connection.invoke('Subscribe', 'orders');
  }

  reportDrop(cause: unknown): void {
    this.log.error('order feed dropped', cause);
  }
}
