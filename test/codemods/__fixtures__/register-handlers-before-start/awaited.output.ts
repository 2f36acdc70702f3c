import { HubConnectionBuilder } from '@microsoft/signalr';

interface Order {
  id: string;
  status: string;
}

export async function trackOrders(render: (orders: Order[]) => void): Promise<void> {
  const orders: Order[] = [];
  const connection = new HubConnectionBuilder().withUrl('/hubs/orders').build();

  // The hub sends the open orders right after connecting.
  connection.on('OpenOrders', (open: Order[]) => {
    orders.splice(0, orders.length, ...open);
    render(orders);
  });

  connection.on('OrderChanged', (changed: Order) => {
    const index = orders.findIndex((order) => order.id === changed.id);
    if (index >= 0) orders[index] = changed;
    render(orders);
  });

  await connection.start();
  console.info('order feed connected');
}
