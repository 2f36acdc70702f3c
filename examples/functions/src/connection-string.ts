/** The parts of an Azure SignalR Service connection string (`Endpoint=https://…;AccessKey=…;Version=1.0;`). */
export interface ServiceConnection {
  endpoint: string;
  accessKey: string;
}

export function readServiceConnection(setting = 'AzureSignalRConnectionString'): ServiceConnection {
  const connectionString = process.env[setting];
  if (!connectionString) throw new Error(`App setting ${setting} is missing`);
  const parts = new Map(
    connectionString
      .split(';')
      .filter((part) => part.includes('='))
      .map((part) => {
        const separator = part.indexOf('=');
        return [part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim()] as const;
      }),
  );
  const endpoint = parts.get('endpoint');
  const accessKey = parts.get('accesskey');
  if (!endpoint || !accessKey) throw new Error(`App setting ${setting} needs an Endpoint and an AccessKey`);
  return { endpoint: endpoint.replace(/\/+$/, ''), accessKey };
}
