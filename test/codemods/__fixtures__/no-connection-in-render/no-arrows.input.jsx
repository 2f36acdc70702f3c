import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';

// A component written without arrow functions gets no arrow function.
export function Ticker(props) {
  var state = useState(new HubConnectionBuilder().withUrl('/hubs/ticker').build());
  var connection = state[0];
  return <span>{props.symbol + ' ' + connection.state}</span>;
}
