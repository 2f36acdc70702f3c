// The whiteboard's live cursors: a raw WebSocket on Web PubSub's JSON subprotocol, no SDK.
const SUBPROTOCOL = 'json.webpubsub.azure.v1';

interface CursorMessage {
  readonly user: string;
  readonly x: number;
  readonly y: number;
}

export class WhiteboardSync {
  private socket: WebSocket | undefined;

  constructor(
    private readonly board: string,
    private readonly onCursor: (cursor: CursorMessage) => void,
  ) {}

  async open(): Promise<void> {
    const response = await fetch(`/api/negotiate?board=${encodeURIComponent(this.board)}`);
    const { url } = (await response.json()) as { url: string };
    this.socket = new WebSocket(url, SUBPROTOCOL);
    this.socket.onopen = () => {
      // expect: await-group-join
      this.socket?.send(JSON.stringify({ type: 'joinGroup', group: this.board }));
      this.sendCursor({ user: 'me', x: 0, y: 0 });
    };
    this.socket.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as { type: string; data?: CursorMessage };
      if (frame.type === 'message' && frame.data) this.onCursor(frame.data);
    };
    // expect: require-reconnect
    this.socket.onclose = (event) => {
      console.log('whiteboard sync closed', event.code);
    };
  }

  sendCursor(cursor: CursorMessage): void {
    this.socket?.send(JSON.stringify({ type: 'sendToGroup', group: this.board, dataType: 'json', data: cursor }));
  }
}
