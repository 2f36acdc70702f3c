// Joins the groups again after a reconnect, where `rejoin-groups-on-reconnect` reports that nothing
// does (the same analysis, core/session.ts): after an automatic reconnect the connection id is new,
// and the server has it in no group. The codemod registers `connection.onreconnected(() => <the same
// join call>)` next to where the connection is built, the way `add-reconnect` restores a session
// (codemods/utils/reconnect-writer.ts). It leaves a join and says why when the group is not known
// there (a parameter of the function that joins, a value of the callback that runs the join), and a
// join lost after an `onclose` restart, whose restart path is the code's own.
import type { API, FileInfo, Transform } from 'jscodeshift';

import type { SessionStep } from '../core/session.js';
import { connectionSessions } from '../core/session.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { FileHelpers } from './utils/helpers.js';
import { Plan, Writer } from './utils/reconnect-writer.js';
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, preservingLineEnds, reportSkip } from './utils/source.js';
import { detectStyle } from './utils/style.js';

export { parser } from './utils/parser.js';

const transform: Transform = preservingLineEnds((file: FileInfo, api: API, options: TransformOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed?.model.usesSignalR) return undefined;
  const { model, program } = analyzed;
  const sessions = connectionSessions(model, file.path, options.signalrSettings ?? DEFAULT_SETTINGS)
    .map((session) => ({ session, lost: session.steps.filter(isLostJoin) }))
    .filter(({ lost }) => lost.length > 0);
  if (sessions.length === 0) return undefined;

  const style = detectStyle(file.source, program, file.path);
  const writer = new Writer(model, file.source, style, new FileHelpers(file.source, program, style));
  for (const { session, lost } of sessions) {
    for (const step of lost) {
      if (step.afterReconnect !== 'no') {
        const restart = session.restarts[0]?.call;
        reportSkip(api, file, step.call, `the group join \`${step.method}\` does not run again when the \`onclose\` handler${restart ? ` on line ${restart.loc.start.line}` : ''} restarts the connection; join again after the restart's \`start()\` by hand`);
        continue;
      }
      // One join at a time: a join whose group is not known where the connection is built does not hold back the others.
      const plan = new Plan();
      const reason = writer.sessionRestore(session.subject, session, plan, [step]);
      if (reason) reportSkip(api, file, step.call, reason);
      else writer.commit(plan);
    }
  }
  return writer.apply();
});

export default transform;

/** A group join that a reconnect path does not repeat: what the rule reports. */
function isLostJoin(step: SessionStep): boolean {
  return step.kind === 'group-join' && (step.afterReconnect === 'no' || step.afterRestart === 'no');
}
