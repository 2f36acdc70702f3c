// Inline scripts of HTML pages through eslint-plugin-html with the README's config: reports at the
// page's own lines and columns, messages that name no line of the extracted script, Razor and Web
// Forms pages by extension.
import { describe, expect, it } from 'vitest';

import { lintAs, positions } from './lint.js';

const PAGE = `<!DOCTYPE html>
<html>
<head><title>Chat</title><script src="/lib/signalr.min.js"></script></head>
<body>
  <ul id="messages"></ul>
  <script>
    var connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/chat', { skipNegotiation: true })
      .withAutomaticReconnect()
      .build();
    connection.start().then(function () {
      connection.invoke('JoinGroup', 'lobby');
      return connection.invoke('SendToGroup', 'lobby', 'hi');
    }).catch(console.error);
  </script>
</body>
</html>
`;

describe('HTML pages', () => {
  it('reports at the page positions of the inline script', async () => {
    const findings = await lintAs('wwwroot/chat.html', PAGE);
    expect(positions(findings)).toEqual(['signalr/no-skip-negotiation 8:32', 'signalr/await-group-join 12:7', 'signalr/rejoin-groups-on-reconnect 12:7']);
  });

  it('names the racing send without a line number, which would be the script\'s and not the page\'s', async () => {
    const [, join] = await lintAs('wwwroot/chat.html', PAGE);
    expect(join?.message).toContain('before `SendToGroup` sends');
    expect(join?.message).not.toMatch(/line \d/);
  });

  it('lints every script of a page, each on its own, and leaves other pages alone', async () => {
    const page = `<script>var room = 'lobby';</script>
<p>between</p>
<script>
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).withAutomaticReconnect().build();
</script>
<script type="application/json">{ "AccessKey": 1 }</script>
`;
    expect(positions(await lintAs('wwwroot/two.html', page))).toEqual(['signalr/no-skip-negotiation 4:79']);
    expect(await lintAs('wwwroot/none.html', '<p>No scripts.</p>\n<script>var answer = 42;</script>\n')).toEqual([]);
  });

  it('reads Razor and Web Forms pages named in html/html-extensions', async () => {
    expect(positions(await lintAs('Views/Home/Chat.cshtml', PAGE))).toEqual(['signalr/no-skip-negotiation 8:32', 'signalr/await-group-join 12:7', 'signalr/rejoin-groups-on-reconnect 12:7']);
    expect(positions(await lintAs('Chat.aspx', PAGE))).toEqual(['signalr/no-skip-negotiation 8:32', 'signalr/await-group-join 12:7', 'signalr/rejoin-groups-on-reconnect 12:7']);
  });

  it('gives a script with server-side code ESLint\'s parse error, not a crash', async () => {
    const razor = '<script>\n  var hubUrl = @Url.Content("~/hubs/chat");\n</script>\n';
    const findings = await lintAs('Views/Home/Razor.cshtml', razor);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: null, fatal: true, line: 2 });
  });
});
