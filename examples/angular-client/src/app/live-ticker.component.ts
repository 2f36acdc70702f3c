// The stock ticker on the dashboard route. Every visit of the route creates a new component, and
// with it a new hub connection.
import { Component, type OnInit, signal } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';

interface Quote {
  symbol: string;
  price: number;
}

@Component({
  selector: 'app-live-ticker',
  template: `
    <ul>
      @for (quote of quotes(); track quote.symbol) {
        <li>{{ quote.symbol }} {{ quote.price }}</li>
      }
    </ul>
  `,
})
export class LiveTickerComponent implements OnInit {
  readonly quotes = signal<Quote[]>([]);

  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/ticker').withAutomaticReconnect().build();

  ngOnInit(): void {
    this.connection.on('QuoteUpdated', (quote: Quote) =>
      this.quotes.update((quotes) => [...quotes.filter((known) => known.symbol !== quote.symbol), quote]),
    );
    this.connection.start() // expect: require-stop
      .then(() => {
        // The hub sends the current quotes as soon as a client connects.
        this.connection.on('QuoteSnapshot', (snapshot: Quote[]) => this.quotes.set(snapshot)); // expect: register-handlers-before-start
      })
      .catch((reason: unknown) => console.error('Ticker is offline', reason));
  }
}
