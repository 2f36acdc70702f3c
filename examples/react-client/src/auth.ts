/** The signed-in user's API token; the hub reads it from `accessTokenFactory`, fetched anew on every (re)connect. */
export async function getAccessToken(): Promise<string> {
  const response = await fetch('/auth/token', { credentials: 'include' });
  if (!response.ok) throw new Error(`Sign-in expired (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return token;
}
