import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export async function enterTeam(team: string): Promise<void> {
  connection.invoke('EnterTeam', team);
}
