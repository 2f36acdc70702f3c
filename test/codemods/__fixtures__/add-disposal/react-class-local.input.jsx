import { Component } from 'react';
import { HubConnectionBuilder } from '@microsoft/signalr';

export class Status extends Component {
  componentDidMount() {
    const connection = new HubConnectionBuilder().withUrl('/hubs/status').withAutomaticReconnect().build();
    connection.on('status', (status) => this.setState({ status }));
    connection.start().catch(console.error);
  }

  render() {
    return null;
  }
}
