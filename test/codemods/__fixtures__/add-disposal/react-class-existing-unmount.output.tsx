import { Component } from 'react';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

interface Props {
  readonly url: string;
}

export class Ticker extends Component<Props> {
  private connection?: HubConnection;
  private timer?: ReturnType<typeof setInterval>;

  componentDidMount(): void {
    this.connection = new HubConnectionBuilder().withUrl(this.props.url).withAutomaticReconnect().build();
    this.connection.start().catch(console.error);
    this.timer = setInterval(() => this.forceUpdate(), 1000);
  }

  componentWillUnmount(): void {
    clearInterval(this.timer);
    void this.connection?.stop();
  }

  render(): null {
    return null;
  }
}
