import * as signalR from '@microsoft/signalr';
import Vue from 'vue';
export default {
  data() {
    return { connection: null };
  },
  created() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/hubs/ticker').withAutomaticReconnect().build();
  },
  mounted() {
    this.connection.start().catch((error) => console.error(error));
  },
};
