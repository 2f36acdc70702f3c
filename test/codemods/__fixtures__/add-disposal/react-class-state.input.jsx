import React, { Component } from 'react';
import * as signalR from '@microsoft/signalr';

export class Chat extends Component {
  constructor(props) {
    super(props);
    this.state = { messages: [], hubConnection: null };
  }

  componentDidMount = () => {
    const hubConnection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/chat')
      .withAutomaticReconnect()
      .build();

    this.setState({ hubConnection }, () => {
      this.state.hubConnection
        .start()
        .catch((error) => console.error(error));
      this.state.hubConnection.on('message', (message) => {
        this.setState({ messages: [...this.state.messages, message] });
      });
    });
  };

  render() {
    return <ul>{this.state.messages.map((message) => <li key={message}>{message}</li>)}</ul>;
  }
}
