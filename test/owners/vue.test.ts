// Vue components as owners, in the shapes real apps write them: a `.vue` file whose default export is
// a component without importing Vue, class components (vue-class-component, vue-property-decorator),
// the client reached as `this.$signalR`, `<script setup>`, and connections the app keeps (`app.provide`,
// `app.config.globalProperties`). Every rule that asks where a connection lives sees it there.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

import handleStartErrors from '../../rules/handle-start-errors.js';
import requireReconnect from '../../rules/require-reconnect.js';
import requireStop from '../../rules/require-stop.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** A single-file component, parsed as the README's Vue setup parses it. */
function sfc(script: string, attributes = ''): { code: string; filename: string; languageOptions: object } {
  return {
    code: `<template><p>{{ count }}</p></template>\n<script${attributes}>\n${script}\n</script>\n`,
    filename: 'Counter.vue',
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  };
}

/** Options API with no import from Vue: the client comes from a plugin as `this.$signalR`. */
const pluginOptions = (unmount: string): string => `export default {
  data() {
    return { connection: null, count: 0 };
  },
  created() {
    this.connection = new this.$signalR.HubConnectionBuilder().withUrl('/counter').withAutomaticReconnect().build();
  },
  mounted() {
    this.connection.on('count', (value) => { this.count = value; });
    this.connection.start().catch((error) => console.error(error));
  },${unmount}
};`;

/** A vue-class-component class component, keeping its connection in a field. */
const classComponent = (decorator: string, base: string, unmount: string): string => `import * as signalR from '@microsoft/signalr';
${decorator}
export default class Counter extends ${base} {
  connection: signalR.HubConnection | null = null;
  count = 0;
  mounted(): void {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/counter').withAutomaticReconnect().build();
    this.connection.on('count', (value: number) => { this.count = value; });
    this.connection.start().catch((error) => console.error(error));
  }${unmount}
}`;

const VUE_CLASS = `import Vue from 'vue';\nimport Component from 'vue-class-component';\n@Component({})`;
const PROPERTY_DECORATOR = `import { Component, Vue } from 'vue-property-decorator';\n@Component`;

const stopValid: ValidTestCase<[]>[] = [
  // Vue 3 and Vue 2 names of the way out, in a `.vue` file that imports nothing.
  sfc(pluginOptions('\n  beforeUnmount() {\n    this.connection.stop();\n  },')),
  sfc(pluginOptions('\n  beforeDestroy() {\n    this.connection.stop();\n  },')),
  sfc(pluginOptions('\n  destroyed() {\n    this.disconnect();\n  },\n  methods: {\n    disconnect() {\n      this.connection.stop();\n    },\n  },')),
  // The same object outside a `.vue` file, importing nothing: not known to be a component.
  { code: pluginOptions(''), filename: 'counter-options.js' },
  // A plain object that is not the default export: nothing owns it that the file shows.
  sfc(`const helpers = {\n  mounted() {\n    this.connection = new this.$signalR.HubConnectionBuilder().withUrl('/counter').build();\n    this.connection.start().catch(() => {});\n  },\n};\nexport default { mixins: [helpers] };`),
  // Class components that stop in `beforeDestroy` / `beforeUnmount`.
  { code: classComponent(VUE_CLASS, 'Vue', '\n  beforeDestroy(): void {\n    void this.connection?.stop();\n  }'), filename: 'Counter.ts' },
  { code: classComponent(PROPERTY_DECORATOR, 'Vue', '\n  beforeUnmount(): void {\n    void this.connection?.stop();\n  }'), filename: 'Counter.ts' },
  // A class that only looks like one: `mounted` of a class no Vue library makes a component.
  { code: classComponent('class Vue {}', 'Vue', ''), filename: 'Counter.ts' },
  { code: classComponent(`import { Component } from '@angular/core';\nimport Vue from './base';\n@Component({ selector: 'app-counter', template: '' })`, 'Vue', ''), filename: 'Counter.ts' },
];

const stopInvalid: InvalidTestCase<'vueNotStopped', []>[] = [
  { ...sfc(pluginOptions('')), errors: [{ messageId: 'vueNotStopped', line: 12, column: 5 }] },
  // An unmount hook that does something else.
  { ...sfc(pluginOptions('\n  beforeDestroy() {\n    this.count = 0;\n  },')), errors: [{ messageId: 'vueNotStopped', line: 12, column: 5 }] },
  { code: classComponent(VUE_CLASS, 'Vue', ''), filename: 'Counter.ts', errors: [{ messageId: 'vueNotStopped', line: 11, column: 5 }] },
  { code: classComponent(PROPERTY_DECORATOR, 'Vue', ''), filename: 'Counter.ts', errors: [{ messageId: 'vueNotStopped', line: 10, column: 5 }] },
  // `extends Vue` alone, and `Vue.extend({ … })`.
  {
    code: classComponent(`import Vue from 'vue';`, 'Vue', '\n  beforeDestroy(): void {\n    this.count = 0;\n  }'),
    filename: 'Counter.ts',
    errors: [{ messageId: 'vueNotStopped', line: 9, column: 5 }],
  },
  {
    code: `import * as signalR from '@microsoft/signalr';
import Vue from 'vue';
export default Vue.extend({
  mounted() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/counter').withAutomaticReconnect().build();
    this.connection.start().catch(() => {});
  },
});`,
    filename: 'counter.js',
    errors: [{ messageId: 'vueNotStopped', line: 6, column: 5 }],
  },
];

ruleTester.run('require-stop', requireStop, { valid: stopValid, invalid: stopInvalid });

// Other rules see the same connection through `this.$signalR` and the component's fields.
ruleTester.run('handle-start-errors', handleStartErrors, {
  valid: [sfc(pluginOptions('\n  beforeUnmount() {\n    this.connection.stop();\n  },'))],
  invalid: [
    {
      ...sfc(`export default {\n  data() {\n    return { connection: null };\n  },\n  mounted() {\n    this.connection = new this.$signalR.HubConnectionBuilder().withUrl('/counter').withAutomaticReconnect().build();\n    this.connection.start();\n  },\n  beforeDestroy() {\n    this.connection.stop();\n  },\n};`),
      errors: [{ messageId: 'unhandledStart', line: 9, column: 5 }],
    },
  ],
});

ruleTester.run('require-reconnect', requireReconnect, {
  valid: [sfc(pluginOptions('\n  beforeUnmount() {\n    this.connection.stop();\n  },'))],
  invalid: [
    {
      ...sfc(`export default {\n  mounted() {\n    this.connection = new this.$signalR.HubConnectionBuilder().withUrl('/counter').build();\n    this.connection.start().catch(() => {});\n  },\n  beforeUnmount() {\n    this.connection.stop();\n  },\n};`),
      errors: [{ messageId: 'missingReconnect', line: 5 }],
    },
  ],
});

// The app keeps connections it provides or puts on every component: app lifetime, no stop needed, but
// the connection must still come back after a drop.
const mainWithProvide = (builder: string): string => `import * as signalR from '@microsoft/signalr';
import { createApp } from 'vue';
import App from './App.vue';

const app = createApp(App);
(async () => {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/room')${builder}.build();
  await connection.start();
  app.provide('hubConnection', connection);
  app.mount('#app');
})().catch((error) => console.error(error));`;

const plugin = (store: string): string => `import * as signalR from '@microsoft/signalr';
export default {
  install(app) {
    this.connect(app, '/hubs/devices');
  },
  connect(app, url) {
    const connection = new signalR.HubConnectionBuilder().withUrl(url).build();
    connection.start().catch((error) => console.error(error));
    ${store}
  },
};`;

ruleTester.run('require-stop (app-wide holders)', requireStop, {
  valid: [
    { code: mainWithProvide('.withAutomaticReconnect()'), filename: 'main.ts' },
    { code: plugin('app.config.globalProperties.$hub = connection;'), filename: 'hub-plugin.js' },
    { code: plugin("app.provide('hub', connection);"), filename: 'hub-plugin.js' },
    {
      code: `import * as signalR from '@microsoft/signalr';
import Vue from 'vue';
export function connectHub(url) {
  const connection = new signalR.HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
  connection.start().catch(() => {});
  Vue.prototype.$hub = connection;
}`,
      filename: 'hub.js',
    },
    // Provided by a component's `setup` (not the app): the component owns it, and stops it.
    {
      code: `import * as signalR from '@microsoft/signalr';
import { defineComponent, onUnmounted, provide } from 'vue';
export default defineComponent({
  setup() {
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/room').withAutomaticReconnect().build();
    connection.start().catch(() => {});
    provide('hub', connection);
    onUnmounted(() => connection.stop());
    return {};
  },
});`,
      filename: 'Room.ts',
    },
    // A plugin's \`install\` runs once per app: what it starts there is the app's, also when the plugin
    // keeps the connection to itself and restarts it from \`onclose\`.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export default {
  install(app) {
    const connection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
    function connect() {
      return connection.start().catch((error) => console.error(error));
    }
    connection.onclose(() => connect());
    connect();
  },
};`,
      filename: 'feed-plugin.js',
    },
    // The plugin object given to \`Vue.use\` in the same file.
    {
      code: `import * as signalR from '@microsoft/signalr';
import Vue from 'vue';
const FeedPlugin = {
  install(vue) {
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/feed').build();
    connection.start().catch((error) => console.error(error));
  },
};
Vue.use(FeedPlugin);`,
      filename: 'main.js',
    },
    // Vue 2's \`Plugin.install = function\`, exported through CommonJS.
    {
      code: `const signalR = require('@microsoft/signalr');
const FeedPlugin = {};
FeedPlugin.install = function (Vue) {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/feed').build();
  connection.start().catch(function () {});
};
module.exports = FeedPlugin;`,
      filename: 'feed-plugin.js',
    },
    // A class plugin: its static \`install\`.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class FeedPlugin {
  static install(app) {
    const connection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
    connection.start().catch(() => {});
  }
}`,
      filename: 'feed-plugin.ts',
    },
  ],
  invalid: [
    // An \`install\` method of an object no app is given: an ordinary method, run once per call.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const installer = {
  async install(name) {
    const connection = new HubConnectionBuilder().withUrl('/hubs/packages').build();
    await connection.start();
    await connection.invoke('Install', name);
  },
};
for (const name of ['a', 'b']) installer.install(name);`,
      filename: 'installer.js',
      errors: [{ messageId: 'functionNotStopped', line: 5 }],
    },
    // An instance method named \`install\` of an exported class is not a plugin's install.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Installer {
  async install(name: string) {
    const connection = new HubConnectionBuilder().withUrl('/hubs/packages').build();
    await connection.start();
    await connection.invoke('Install', name);
  }
}`,
      filename: 'installer.ts',
      errors: [{ messageId: 'functionNotStopped', line: 5 }],
    },
    // A plugin whose install sets up a helper: each call of the helper opens a connection of its own.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export default {
  install(app) {
    app.config.globalProperties.$notify = async (text) => {
      const connection = new HubConnectionBuilder().withUrl('/hubs/notify').build();
      await connection.start();
      await connection.invoke('Notify', text);
    };
  },
};`,
      filename: 'notify-plugin.js',
      errors: [{ messageId: 'functionNotStopped', line: 6 }],
    },
  ],
});

ruleTester.run('require-reconnect (app-wide holders)', requireReconnect, {
  valid: [
    { code: mainWithProvide('.withAutomaticReconnect()'), filename: 'main.ts' },
    // `provide` of something that is not a Vue app: code this file cannot see may add the restart.
    {
      code: `import * as signalR from '@microsoft/signalr';
import { container } from './container';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/room').build();
connection.start().catch(() => {});
container.provide('hubConnection', connection);`,
      filename: 'di.ts',
    },
    // A plugin that restarts its connection from \`onclose\`.
    { code: plugin("connection.onclose(() => setTimeout(() => connection.start().catch(() => {}), 1000 + Math.random() * 4000));\n    app.provide('hub', connection);"), filename: 'hub-plugin.js' },
  ],
  invalid: [
    { code: mainWithProvide(''), filename: 'main.ts', errors: [{ messageId: 'missingReconnect', line: 7 }] },
    { code: plugin('app.config.globalProperties.$hub = connection;'), filename: 'hub-plugin.js', errors: [{ messageId: 'missingReconnect', line: 7 }] },
    { code: plugin("app.provide('hub', connection);"), filename: 'hub-plugin.js', errors: [{ messageId: 'missingReconnect', line: 7 }] },
  ],
});

// `<script setup>`: its top level runs once per component instance, so a connection declared there is
// the component's; a plain `<script>` beside it runs once for the whole app.
const setupScript = (unmount: string): string => `import { HubConnectionBuilder } from '@microsoft/signalr';
import { onMounted, onUnmounted, ref } from 'vue';

const messages = ref<string[]>([]);
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.on('message', (text: string) => messages.value.push(text));

onMounted(() => {
  connection.start().catch((error) => console.error(error));
});${unmount}`;

ruleTester.run('require-stop (<script setup>)', requireStop, {
  valid: [
    sfc(setupScript('\nonUnmounted(() => connection.stop());'), ' setup lang="ts"'),
    sfc(setupScript('\nfunction disconnect() {\n  void connection.stop();\n}\nonUnmounted(disconnect);'), ' setup lang="ts"'),
    // The same code in a plain `<script>` (or a `.ts` module) is module level: one connection for the app.
    { code: setupScript(''), filename: 'chat-store.ts' },
    // Declared in the plain `<script>`, shared by every instance of the component.
    {
      ...sfc(`import { HubConnectionBuilder } from '@microsoft/signalr';
export const shared = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
</script>
<script setup lang="ts">
import { onMounted } from 'vue';
onMounted(() => {
  shared.start().catch((error) => console.error(error));
});`, ' lang="ts"'),
    },
  ],
  invalid: [
    { ...sfc(setupScript(''), ' setup lang="ts"'), errors: [{ messageId: 'vueNotStopped', line: 11, column: 3 }] },
    // Removing the handler is not stopping.
    { ...sfc(setupScript("\nonUnmounted(() => connection.off('message'));"), ' setup lang="ts"'), errors: [{ messageId: 'vueNotStopped', line: 11, column: 3 }] },
  ],
});
