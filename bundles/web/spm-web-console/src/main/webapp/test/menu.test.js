import { describe, expect, it } from 'vitest';
import { MENU, permissionFor, visibleMenu } from '../src/menu.js';

describe('menu by permission', () => {
  it('shows only the entries whose permission the account holds', () => {
    const keys = visibleMenu(['estate:read', 'complaint:read']).map(e => e.key);
    expect(keys).toEqual(['home', 'estates', 'complaints']);
  });

  it('shows the home page to an account with no permission at all', () => {
    expect(visibleMenu(undefined).map(e => e.key)).toEqual(['home']);
  });

  it('keeps the accounts entry for account:list only', () => {
    const all = MENU.map(e => e.permission).filter(Boolean);
    expect(visibleMenu(all).map(e => e.key)).toContain('accounts');
    expect(visibleMenu(all.filter(p => p !== 'account:list')).map(e => e.key)).not.toContain('accounts');
  });

  it('names the permission a path needs, sub-paths included', () => {
    expect(permissionFor('/estates')).toBe('estate:read');
    expect(permissionFor('/estates/12')).toBe('estate:read');
    expect(permissionFor('/')).toBeNull();
    expect(permissionFor('/estatesx')).toBeNull();
  });
});
