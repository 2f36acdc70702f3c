// `.vue` single-file components through vue-eslint-parser with the README's config: the rules run in
// `<script>` and `<script setup>`, TypeScript included, and report positions in the `.vue` file.
import { describe, expect, it } from 'vitest';

import { lintAs, positions } from './lint.js';

describe('Vue single-file components', () => {
  it('lints <script setup lang="ts"> with positions in the .vue file', async () => {
    const component = `<template>
  <ul><li v-for="message in messages" :key="message">{{ message }}</li></ul>
</template>

<script setup lang="ts">
import { HubConnectionBuilder } from '@microsoft/signalr';
import { onMounted, onUnmounted, ref } from 'vue';

const messages = ref<string[]>([]);
const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).withAutomaticReconnect().build();

onMounted(async () => {
  await connection.start();
  connection.invoke('JoinGroup', 'lobby');
  await connection.invoke('SendToGroup', 'lobby', 'hello');
});
onUnmounted(() => connection.stop());
</script>
`;
    expect(positions(await lintAs('src/Chat.vue', component))).toEqual([
      'signalr/no-skip-negotiation 10:71',
      'signalr/await-group-join 14:3',
      'signalr/rejoin-groups-on-reconnect 14:3',
    ]);
  });

  it('lints the Options API in a plain <script>', async () => {
    const component = `<template><div>{{ count }}</div></template>

<script>
import * as signalR from '@microsoft/signalr';

export default {
  data() {
    return { count: 0 };
  },
  async mounted() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/hubs/counter?hub=counter').withAutomaticReconnect().build();
    this.connection.on('increment', () => this.count++);
    await this.connection.start();
  },
  beforeUnmount() {
    return this.connection.stop();
  },
};
</script>
`;
    expect(positions(await lintAs('src/Counter.vue', component))).toEqual(['signalr/no-hub-query-param 11:66']);
  });

  it('lints <script> and <script setup> of one component as one program', async () => {
    const component = `<script lang="ts">
import { HubConnectionBuilder } from '@microsoft/signalr';
export const options = { skipNegotiation: true };
</script>

<script setup lang="ts">
const connection = new HubConnectionBuilder().withUrl('/hubs/chat', options).withAutomaticReconnect().build();
defineExpose({ connection });
</script>
`;
    expect(positions(await lintAs('src/Both.vue', component))).toEqual(['signalr/no-skip-negotiation 3:26']);
  });

  it('reports nothing in a component that does it right, and nothing in one without SignalR', async () => {
    const right = `<script setup lang="ts">
import { HubConnectionBuilder } from '@microsoft/signalr';
import { onMounted, onUnmounted } from 'vue';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => connection.invoke('JoinGroup', 'lobby'));
onMounted(async () => {
  await connection.start();
  await connection.invoke('JoinGroup', 'lobby');
});
onUnmounted(() => connection.stop());
</script>
`;
    expect(await lintAs('src/Right.vue', right)).toEqual([]);
    expect(await lintAs('src/Plain.vue', '<template><p>{{ 1 + 1 }}</p></template>\n<script setup lang="ts">\nconst x: number = 1;\n</script>\n')).toEqual([]);
  });
});
