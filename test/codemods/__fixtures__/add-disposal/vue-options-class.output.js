import * as signalR from '@microsoft/signalr';
import { Options, Vue } from 'vue-class-component';

@Options({ props: { room: String } })
export default class Room extends Vue {
  connection = null;

  created() {
    this.connection = new signalR.HubConnectionBuilder().withUrl(`/hubs/rooms?room=${this.room}`).withAutomaticReconnect().build();
  }

  mounted() {
    this.connection.start().catch((error) => console.error(error));
  }

  beforeUnmount() {
    console.log('leaving', this.room);
    void this.connection?.stop();
  }
}
