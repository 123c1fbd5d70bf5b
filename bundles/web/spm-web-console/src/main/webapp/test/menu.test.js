import { describe, expect, it } from 'vitest';
import { MENU, mayOpen, permissionFor, visibleMenu } from '../src/menu.js';

const SAMPLE = [
  { key: 'home', path: '/', permission: null },
  { key: 'estates', path: '/estates', permission: 'estate:read' },
  { key: 'complaints', path: '/complaints', permission: 'complaint:read' },
  { key: 'audit', path: '/audit', anyOf: ['audit:read', 'audit:verify'] },
];

describe('menu by permission', () => {
  it('shows only the entries whose permission the account holds', () => {
    const keys = visibleMenu(['estate:read', 'complaint:read'], SAMPLE).map(e => e.key);
    expect(keys).toEqual(['home', 'estates', 'complaints']);
    expect(visibleMenu(['audit:verify'], SAMPLE).map(e => e.key)).toEqual(['home', 'audit']);
    expect(mayOpen('/audit/chain', ['audit:read'], SAMPLE)).toBe(true);
    expect(mayOpen('/estates/3', ['audit:read'], SAMPLE)).toBe(false);
  });

  it('shows the home page to an account with no permission at all', () => {
    expect(visibleMenu(undefined).map(e => e.key)).toEqual(['home']);
  });

  it('guards every area entry but home with a permission, and routes each entry', async () => {
    const { areaRoutes } = await import('../src/areas/index.js');
    const paths = areaRoutes().map(r => '/' + r.path);
    for (const entry of MENU.slice(1)) {
      expect(entry.permission || (entry.anyOf && entry.anyOf.length), entry.key).toBeTruthy();
      expect(paths, entry.key).toContain(entry.path);
    }
  });

  it('names the permission a path needs, sub-paths included', () => {
    expect(permissionFor('/estates')).toBe('estate:read');
    expect(permissionFor('/estates/12')).toBe('estate:read');
    expect(permissionFor('/')).toBeNull();
    expect(permissionFor('/estatesx')).toBeNull();
  });
});
