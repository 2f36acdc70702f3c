// An Angular component: class fields, `implements`, a decorator and comments around the joins.
import { Component, OnDestroy, OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

@Component({ selector: 'app-room', template: '<h2>{{ room }}</h2>' })
export class RoomComponent implements OnInit, OnDestroy {
  /** The room this screen shows. */
  room = 'lobby';
  private readonly connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

  // Angular calls this and ignores the result, but nothing in the project shows that.
  ngOnInit(): void {
    this.connection.invoke('JoinGroup', this.room);
  }

  async switchTo(room: string): Promise<void> {
    await this.connection.invoke('LeaveGroup', this.room);
    this.room = room;
    await this.connection.invoke('JoinGroup', room); // the next message is for the new room
  }

  ngOnDestroy(): void {
    void this.connection.stop();
  }
}
