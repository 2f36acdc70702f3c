import * as signalR from '@microsoft/signalr';
import Vue from 'vue';

export default Vue.extend({
  data() {
    return { hub: null, messages: [] };
  },
  created() {
    this.hub = new signalR.HubConnectionBuilder().withUrl('/hubs/news').withAutomaticReconnect().build();
    this.hub.on('headline', (text) => this.messages.push(text));
  },
  mounted() {
    this.hub.start().catch((error) => console.error(error));
  },
  methods: {
    clear() {
      this.messages = [];
    },
  },
});
