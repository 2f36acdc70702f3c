// The stock ticker on the dashboard: every visit of the route creates a new component.
import { Component, type OnInit, signal } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';

@Component({
  selector: 'app-ticker',
  template: `
    <p>{{ price() }}</p>
  `,
})
export class TickerComponent implements OnInit {
  readonly price = signal(0);

  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();

  ngOnInit(): void {
    this.connection.on('PriceChanged', (price: number) => this.price.set(price));
    this.connection.start(); // started with the component, never stopped
  }
}
