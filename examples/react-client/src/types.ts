export interface ChatMessage {
  id: string;
  user: string;
  text: string;
  sentAt: string;
}

export interface Score {
  matchId: string;
  home: number;
  away: number;
}
