import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';

export class InventoryFeed {
  private readonly connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/inventory').build();
  private readonly levels = new Map<string, number>();

  async open(): Promise<void> {
    this.listen();
    await this.connection.start();
  }

  level(sku: string): number {
    return this.levels.get(sku) ?? 0;
  }

  private listen(): void {
    this.connection.on('StockLevels', (levels: Record<string, number>) => {
      for (const [sku, level] of Object.entries(levels)) this.levels.set(sku, level);
    });
    this.connection.on('StockChanged', (sku: string, level: number) => this.levels.set(sku, level));
  }
}
