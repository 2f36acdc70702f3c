// No reconnect logic at all (require-reconnect's finding, add-reconnect's fix): a handled first start
// is not this codemod's to retry.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').build();

connection.start().catch((error: unknown) => console.warn('alerts are offline', error));
