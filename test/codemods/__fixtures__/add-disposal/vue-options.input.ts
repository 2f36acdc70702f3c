import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent } from 'vue';

export default defineComponent({
  data() {
    return { connection: null as HubConnection | null, count: 0 };
  },
  mounted() {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/counter').build();
    this.connection.on('Count', (count: number) => (this.count = count));
    void this.connection.start();
  },
});
