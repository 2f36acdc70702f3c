// Server-side joins through the Azure SignalR Service REST API.
const endpoint = process.env.AZURE_SIGNALR_ENDPOINT ?? '';

export async function addToGroup(hub: string, group: string, connectionId: string, token: string): Promise<void> {
  fetch(`${endpoint}/api/v1/hubs/${hub}/groups/${group}/connections/${connectionId}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}` },
  });
  await fetch(`${endpoint}/api/v1/hubs/${hub}/groups/${group}/:send`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ target: 'newMember', arguments: [connectionId] }),
  });
}
