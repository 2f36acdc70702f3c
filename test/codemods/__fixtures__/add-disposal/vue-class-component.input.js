import * as signalR from '@microsoft/signalr';
import Vue from 'vue';
import Component from 'vue-class-component';

@Component
export default class Ticker extends Vue {
  connection = null;
  price = 0;

  mounted() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/hubs/ticker').withAutomaticReconnect().build();
    this.connection.on('price', (value) => {
      this.price = value;
    });
    this.connection.start().catch((error) => console.error(error));
  }
}
