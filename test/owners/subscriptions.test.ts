// Connections built again on every emission of a subscription (an Angular service that builds its
// connection inside `isAuthenticated$.subscribe(…)`): each emission opens one more connection, and the
// one it replaces keeps running. `require-stop` reports the overwrite, and leaves alone the look-alikes
// that build once, stop the previous connection first, or subscribe to something that emits once.
import requireStop from '../../rules/require-stop.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const IMPORTS = `import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import * as signalR from '@microsoft/signalr';
import { Observable } from 'rxjs';
import { first, map, take } from 'rxjs/operators';`;

/** A root service that connects from inside a subscription callback; `body` runs on each emission. */
const service = (subscription: string, body: string, extra = ''): string => `${IMPORTS}

@Injectable({ providedIn: 'root' })
export class FeedService {
  private hub: signalR.HubConnection | undefined;

  constructor(private http: HttpClient, private auth: { token$: Observable<string> }) {
    ${subscription}((token: string) => {
${body}
    });
  }${extra}
}`;

const BUILD_AND_START = `      this.hub = new signalR.HubConnectionBuilder().withUrl('/feed', { accessTokenFactory: () => token }).withAutomaticReconnect().build();
      this.hub.start().catch((error) => console.error(error));`;

ruleTester.run('require-stop', requireStop, {
  valid: [
    // Built once: no subscription around it.
    {
      code: `${IMPORTS}
@Injectable({ providedIn: 'root' })
export class FeedService {
  private hub = new signalR.HubConnectionBuilder().withUrl('/feed').withAutomaticReconnect().build();
  constructor() {
    this.hub.start().catch((error) => console.error(error));
  }
}`,
      filename: 'feed.service.ts',
    },
    // The previous connection is stopped first, or the callback returns while one exists.
    { code: service('this.auth.token$.subscribe', `      void this.hub?.stop();\n${BUILD_AND_START}`), filename: 'feed.service.ts' },
    { code: service('this.auth.token$.subscribe', `      if (this.hub) return;\n${BUILD_AND_START}`), filename: 'feed.service.ts' },
    // Subscriptions that fire once: `take(1)`, `first()`, an HttpClient request.
    { code: service('this.auth.token$.pipe(take(1)).subscribe', BUILD_AND_START), filename: 'feed.service.ts' },
    { code: service('this.auth.token$.pipe(map((t) => t.trim()), first()).subscribe', BUILD_AND_START), filename: 'feed.service.ts' },
    { code: service(`this.http.get<string>('/api/token').subscribe`, BUILD_AND_START), filename: 'feed.service.ts' },
    // A method of the service that returns an HttpClient request.
    {
      code: service('this.fetchToken().subscribe', BUILD_AND_START, `\n  private fetchToken(): Observable<string> {\n    return this.http.get<string>('/api/token');\n  }`),
      filename: 'feed.service.ts',
    },
    // A connection local to one emission, stopped in it.
    {
      code: service(
        'this.auth.token$.subscribe',
        `      const once = new signalR.HubConnectionBuilder().withUrl('/feed', { accessTokenFactory: () => token }).build();
      once.start().then(() => once.invoke('Ping')).finally(() => once.stop());`,
      ),
      filename: 'feed.service.ts',
    },
    // Built on each emission but started elsewhere, once.
    {
      code: service(
        'this.auth.token$.subscribe',
        `      this.hub = new signalR.HubConnectionBuilder().withUrl('/feed', { accessTokenFactory: () => token }).withAutomaticReconnect().build();`,
        `\n  connect(): void {\n    this.hub?.start().catch((error) => console.error(error));\n  }`,
      ),
      filename: 'feed.service.ts',
    },
    // A method the subscription calls that checks for a running connection first.
    {
      code: service(
        'this.auth.token$.subscribe',
        '      this.connect(token);',
        `\n  private connect(token: string): void {\n    if (this.hub?.state === signalR.HubConnectionState.Connected) return;\n    this.hub = new signalR.HubConnectionBuilder().withUrl('/feed', { accessTokenFactory: () => token }).withAutomaticReconnect().build();\n    this.hub.start().catch((error) => console.error(error));\n  }`,
      ),
      filename: 'feed.service.ts',
    },
  ],
  invalid: [
    {
      code: service('this.auth.token$.subscribe', BUILD_AND_START),
      filename: 'feed.service.ts',
      errors: [{ messageId: 'overwrittenWhileRunning', line: 13, column: 7 }],
    },
    // Through a method the callback calls, also from a nested subscription.
    {
      code: service(
        'this.auth.token$.subscribe',
        '      this.connect(token);',
        `\n  private connect(token: string): void {\n    this.hub = new signalR.HubConnectionBuilder().withUrl('/feed', { accessTokenFactory: () => token }).withAutomaticReconnect().build();\n    this.hub.start().catch((error) => console.error(error));\n  }`,
      ),
      filename: 'feed.service.ts',
      errors: [{ messageId: 'overwrittenWhileRunning', line: 17, column: 5 }],
    },
    // An observer object's `next`, and a module-level variable in a store subscription.
    {
      code: `import * as signalR from '@microsoft/signalr';
import { store } from './store';
let connection: signalR.HubConnection | undefined;
store.subscribe({
  next: (state: { url: string }) => {
    connection = new signalR.HubConnectionBuilder().withUrl(state.url).withAutomaticReconnect().build();
    connection.start().catch((error) => console.error(error));
  },
});`,
      filename: 'connection.ts',
      errors: [{ messageId: 'overwrittenWhileRunning', line: 6, column: 5 }],
    },
  ],
});
