import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent, onBeforeUnmount, ref } from 'vue';

export default defineComponent({
  setup() {
    const count = ref(0);
    const connection = new HubConnectionBuilder().withUrl('/hubs/counter').build();
    const onCount = (value: number) => (count.value = value);
    connection.on('Count', onCount);
    onBeforeUnmount(() => {
      connection.off('Count', onCount);
    });
    void connection.start();
    return { count };
  },
});
