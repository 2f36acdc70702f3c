// React class components as owners: a connection in a field or in the component's state, started while
// the component mounts, is the component's, and `componentWillUnmount` is its way out. Every rule that
// asks where a connection lives sees it there.
import handleStartErrors from '../../rules/handle-start-errors.js';
import requireReconnect from '../../rules/require-reconnect.js';
import requireStop from '../../rules/require-stop.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const IMPORTS = `import React, { Component } from 'react';
import * as signalR from '@microsoft/signalr';`;

/** A component that keeps its connection in state, set from `componentDidMount` (an arrow-function field). */
const inState = (unmount: string): string => `${IMPORTS}
class Chat extends Component {
  state = { hubConnection: null };
  componentDidMount = () => {
    const hubConnection = new signalR.HubConnectionBuilder().withUrl('/chat').withAutomaticReconnect().build();
    this.setState({ hubConnection }, () => {
      this.state.hubConnection.start().catch((error) => console.error(error));
    });
  };
${unmount}
  render() {
    return null;
  }
}`;

ruleTester.run('require-stop', requireStop, {
  valid: [
    { code: inState('  componentWillUnmount() {\n    this.state.hubConnection?.stop();\n  }'), filename: 'Chat.jsx' },
    // The way out calls a method that stops it.
    {
      code: inState('  componentWillUnmount() {\n    this.disconnect();\n  }\n  disconnect() {\n    void this.state.hubConnection.stop();\n  }'),
      filename: 'Chat.jsx',
    },
    // An arrow-function field as the way out.
    { code: inState('  componentWillUnmount = () => this.state.hubConnection.stop();'), filename: 'Chat.jsx' },
    // A field, the functional form of setState, and `this.state = …` in the constructor.
    {
      code: `${IMPORTS}
class Feed extends React.PureComponent {
  constructor(props) {
    super(props);
    this.state = { connection: null };
  }
  async componentDidMount() {
    const connection = new signalR.HubConnectionBuilder().withUrl('/feed').withAutomaticReconnect().build();
    this.setState(() => ({ connection }));
    try {
      await connection.start();
    } catch (error) {
      console.error(error);
    }
  }
  componentWillUnmount() {
    this.state.connection.stop();
  }
}`,
      filename: 'Feed.jsx',
    },
    {
      code: `${IMPORTS}
export class Ticker extends Component<{ url: string }> {
  private connection = new signalR.HubConnectionBuilder().withUrl(this.props.url).withAutomaticReconnect().build();
  componentDidMount(): void {
    this.connection.start().catch(console.error);
  }
  componentWillUnmount(): void {
    void this.connection.stop();
  }
}`,
      filename: 'Ticker.tsx',
    },
    // Not a React component: a plain class whose owner decides when its instances go away.
    {
      code: `${IMPORTS}
class Client {
  state = { hubConnection: null };
  componentDidMount() {
    const hubConnection = new signalR.HubConnectionBuilder().withUrl('/chat').build();
    this.setState({ hubConnection });
    this.state.hubConnection.start();
  }
  setState(update) {
    Object.assign(this.state, update);
  }
}`,
      filename: 'client.js',
    },
    // A component that hands the connection to a store: the store owns it.
    {
      code: `${IMPORTS}
class App extends Component {
  componentDidMount() {
    const connection = new signalR.HubConnectionBuilder().withUrl('/hub').withAutomaticReconnect().build();
    connection.start().then(() => this.props.dispatch({ type: 'connected', connection }));
  }
}`,
      filename: 'App.jsx',
    },
    // `Component` from another library is not React's.
    {
      code: `import { Component } from '@angular/core';
import * as signalR from '@microsoft/signalr';
class Chat extends Component {
  componentDidMount() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/chat').build();
    this.connection.start();
  }
}`,
      filename: 'chat.ts',
    },
  ],
  invalid: [
    {
      code: inState(''),
      filename: 'Chat.jsx',
      errors: [{ messageId: 'classComponentNotStopped', line: 8, column: 7 }],
    },
    // A `componentWillUnmount` that stops something else.
    {
      code: `${IMPORTS}
class Ticker extends Component {
  componentDidMount() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/ticks').withAutomaticReconnect().build();
    this.connection.start().catch(console.error);
  }
  componentWillUnmount() {
    clearInterval(this.timer);
  }
}`,
      filename: 'Ticker.jsx',
      errors: [{ messageId: 'classComponentNotStopped', line: 6, column: 5 }],
    },
  ],
});

ruleTester.run('require-reconnect', requireReconnect, {
  valid: [
    { code: inState(''), filename: 'Chat.jsx' },
    // Stopped on unmount and restarted from `onclose`.
    {
      code: `${IMPORTS}
class Chat extends Component {
  componentDidMount() {
    const hubConnection = new signalR.HubConnectionBuilder().withUrl('/chat').build();
    hubConnection.onclose(() => setTimeout(() => this.state.hubConnection.start(), 1000 + Math.random() * 4000));
    this.setState({ hubConnection }, () => this.state.hubConnection.start());
  }
}`,
      filename: 'Chat.jsx',
    },
  ],
  invalid: [
    {
      code: `${IMPORTS}
class Chat extends Component {
  componentDidMount() {
    const hubConnection = new signalR.HubConnectionBuilder().withUrl('/chat').build();
    this.setState({ hubConnection }, () => {
      this.state.hubConnection.start().catch(console.error);
    });
  }
  componentWillUnmount() {
    this.state.hubConnection.stop();
  }
}`,
      filename: 'Chat.jsx',
      errors: [{ messageId: 'missingReconnect', line: 5, column: 79 }],
    },
  ],
});

ruleTester.run('handle-start-errors', handleStartErrors, {
  valid: [{ code: inState('  componentWillUnmount() {\n    this.state.hubConnection.stop();\n  }'), filename: 'Chat.jsx' }],
  invalid: [
    {
      code: `${IMPORTS}
class Chat extends Component {
  componentDidMount() {
    const hubConnection = new signalR.HubConnectionBuilder().withUrl('/chat').withAutomaticReconnect().build();
    this.setState({ hubConnection }, () => {
      this.state.hubConnection.start();
    });
  }
  componentWillUnmount() {
    this.state.hubConnection.stop();
  }
}`,
      filename: 'Chat.jsx',
      errors: [{ messageId: 'unhandledStart', line: 7, column: 7 }],
    },
  ],
});
