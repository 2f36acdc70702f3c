// The test server must speak enough SignalR for the real client: if these fail, the e2e tests mean nothing.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { afterEach, describe, expect, it } from 'vitest';

import { SignalRTestServer } from './signalr-test-server.js';

describe('SignalRTestServer', () => {
  const server = new SignalRTestServer();
  afterEach(() => server.stop());

  it('lets the real @microsoft/signalr client negotiate, connect, invoke and stop', async () => {
    const url = await server.start();
    const connection = new HubConnectionBuilder().withUrl(url).configureLogging(LogLevel.None).build();
    await connection.start();
    try {
      expect(connection.state).toBe(HubConnectionState.Connected);
      expect(await connection.invoke('Echo', 'hello')).toBe('hello');
      expect(server.negotiations).toHaveLength(1);
    } finally {
      await connection.stop();
    }
    expect(connection.state).toBe(HubConnectionState.Disconnected);
  });

  it('drops clients on stop and listens on the same port again on start', async () => {
    const url = await server.start();
    const connection = new HubConnectionBuilder().withUrl(url).configureLogging(LogLevel.None).build();
    const closed = new Promise<Error | undefined>((resolve) => connection.onclose(resolve));
    await connection.start();
    await server.stop();
    expect(await closed).toBeInstanceOf(Error);
    expect(await server.start()).toBe(url);
  });
});
