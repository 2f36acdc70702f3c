import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, readSettings } from '../../core/settings.js';

describe('readSettings', () => {
  it('gives the defaults without settings', () => {
    expect(readSettings(undefined)).toBe(DEFAULT_SETTINGS);
    expect(readSettings({})).toBe(DEFAULT_SETTINGS);
  });

  it('reads every key', () => {
    const settings = readSettings({
      signalr: { modules: ['@acme/rt'], globals: ['Acme'], joinMethods: ['Enter'], joinMethodPatterns: ['^Enter'], replaceDefaultJoinMethods: true },
    });
    expect(settings).toEqual({ modules: ['@acme/rt'], globals: ['Acme'], joinMethods: ['Enter'], joinMethodPatterns: ['^Enter'], replaceDefaultJoinMethods: true });
  });

  it('caches per settings object', () => {
    const raw = { signalr: { modules: ['a'] } };
    expect(readSettings(raw)).toBe(readSettings(raw));
  });

  it.each([
    [{ signalr: 'x' }, '`settings.signalr` must be an object.'],
    [{ signalr: { modules: 'a' } }, '`settings.signalr.modules` must be an array of non-empty strings.'],
    [{ signalr: { globals: [''] } }, '`settings.signalr.globals` must be an array of non-empty strings.'],
    [{ signalr: { joinMethodPatterns: ['('] } }, 'invalid regular expression'],
    [{ signalr: { replaceDefaultJoinMethods: 'yes' } }, '`settings.signalr.replaceDefaultJoinMethods` must be true or false.'],
    [{ signalr: { module: ['a'] } }, 'Unknown key `settings.signalr.module`'],
  ])('rejects %j with a message naming the setting', (raw, message) => {
    expect(() => readSettings(raw)).toThrow(message);
  });
});
