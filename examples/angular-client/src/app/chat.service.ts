// One hub connection for the whole app. A root service lives as long as the page, so the connection
// needs no stop; components subscribe to `messages$` instead of opening connections of their own.
import { Injectable } from '@angular/core';
import type { HubConnection, IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { Subject } from 'rxjs';

export interface ChatMessage {
  room: string;
  user: string;
  text: string;
}

/** Exponential back-off up to 30 s, randomised so that a server restart is not followed by every tab reconnecting at once. */
const retryWithJitter: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) * (0.5 + Math.random() / 2),
};

@Injectable({ providedIn: 'root' })
export class ChatService {
  readonly messages$ = new Subject<ChatMessage>();

  private readonly rooms = new Set<string>();
  private starting: Promise<void> | undefined;
  private readonly connection: HubConnection = new HubConnectionBuilder()
    .withUrl('/hubs/chat', { accessTokenFactory: () => sessionStorage.getItem('access_token') ?? '' })
    .withAutomaticReconnect(retryWithJitter)
    .build();

  constructor() {
    this.connection.on('ReceiveMessage', (message: ChatMessage) => this.messages$.next(message));
    // Group membership belongs to a connection id, and a reconnect brings a new one.
    this.connection.onreconnected(() => this.rejoinRooms().catch((reason: unknown) => console.error('Could not rejoin chat rooms', reason)));
  }

  /** Starts the connection once, however many components ask at the same time; a failed start can be retried. */
  connect(): Promise<void> {
    this.starting ??= this.connection.start().catch((reason: unknown) => {
      this.starting = undefined;
      throw reason;
    });
    return this.starting;
  }

  async joinRoom(room: string): Promise<void> {
    await this.connect();
    await this.connection.invoke('JoinGroup', room);
    this.rooms.add(room);
  }

  async send(room: string, text: string): Promise<void> {
    await this.connection.invoke('SendToGroup', room, text);
  }

  private async rejoinRooms(): Promise<void> {
    for (const room of this.rooms) await this.connection.invoke('JoinGroup', room);
  }
}
