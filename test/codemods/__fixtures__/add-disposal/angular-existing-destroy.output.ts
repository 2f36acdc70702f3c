import { Component, OnDestroy, OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

@Component({ selector: 'app-orders', template: '' })
export class OrdersComponent implements OnInit, OnDestroy {
  private connection?: HubConnection;

  ngOnInit(): void {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/orders').build();
    this.connection.on('OrderChanged', () => undefined);
    void this.connection.start();
  }

  ngOnDestroy(): void {
    this.connection?.off('OrderChanged');
    void this.connection?.stop();
  }
}
