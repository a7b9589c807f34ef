import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './api';
import { API_PATHS, pathOf, planIdOfSyncPath } from './apiPaths';
import { joinLink, parseJoinLink } from './joinLink';
import { isPlanId } from './planId';

describe('plan ids', () => {
  it.each([
    ['6f1c2a9e-1111-4222-8333-444455556666', true],
    [globalThis.crypto.randomUUID(), true],
    ['p1', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['-starts-with-a-dash', false],
    ['_underscore', false],
    ['', false],
    ['../etc', false],
    ['a b', false],
    ['plan.accord', false],
  ])('%s -> %s', (id, valid) => {
    expect(isPlanId(id)).toBe(valid);
  });
});

describe('API paths', () => {
  it('fills in and encodes every parameter', () => {
    expect(pathOf(API_PATHS.member, { planId: 'p 1', memberId: 'm/2' })).toBe(
      '/api/plans/p%201/members/m%2F2',
    );
    expect(pathOf(API_PATHS.join, {})).toBe('/api/join');
  });

  it.each([
    ['/sync/p1', 'p1'],
    ['/sync/-p1', undefined],
    ['/sync/p1/extra', undefined],
    ['/sync/', undefined],
    ['/api/plans/p1', undefined],
  ])('[H1] the sync path %s names %s', (path, planId) => {
    expect(planIdOfSyncPath(path)).toBe(planId);
  });

  it('[H1] every route of the table uses a path of the table', () => {
    const paths = new Set<string>(Object.values(API_PATHS));
    for (const route of Object.values(API_ROUTES)) expect(paths).toContain(route.path);
  });
});

describe('join links', () => {
  it('reads back what it builds', () => {
    const link = joinLink('https://plans.example.org/', 'p-1', 'abc_DEF');
    expect(link).toBe('https://plans.example.org/#/join?plan=p-1&code=abc_DEF');
    expect(parseJoinLink(link, '')).toEqual({
      serverUrl: 'https://plans.example.org',
      planId: 'p-1',
      code: 'abc_DEF',
    });
  });
});
