import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent, ref } from 'vue';

export default defineComponent({
  setup() {
    const messages = ref<string[]>([]);
    const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    connection.on('ReceiveMessage', (message: string) => messages.value.push(message));
    void connection.start();
    return { messages };
  },
});
