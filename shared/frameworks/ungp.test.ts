import { describe, expect, it } from 'vitest';
import { findItem } from './index';
import { ungp } from './ungp';

const principles = ungp.items.filter((item) => item.kind === 'principle');

/** The pillar an item sits in: the top-level ancestor. */
function pillarOf(code: string): string {
  const parent = findItem(ungp, code)?.parent;
  return parent === undefined ? code : pillarOf(parent);
}

describe('UN Guiding Principles', () => {
  it('has 31 principles, GP1 to GP31 in order', () => {
    expect(principles.map((item) => item.code)).toEqual(
      Array.from({ length: 31 }, (_, i) => `GP${i + 1}`),
    );
  });

  it('has the three pillars at the top level', () => {
    expect(
      ungp.items.filter((item) => item.parent === undefined).map((item) => item.title.en),
    ).toEqual([
      'The State duty to protect human rights',
      'The corporate responsibility to respect human rights',
      'Access to remedy',
    ]);
  });

  it.each([
    ['I', 1, 10],
    ['II', 11, 24],
    ['III', 25, 31],
  ])('pillar %s holds principles %i to %i', (pillar, first, last) => {
    const inPillar = principles.filter((item) => pillarOf(item.code) === pillar);
    expect(inPillar.map((item) => item.code)).toEqual(
      Array.from({ length: last - first + 1 }, (_, i) => `GP${first + i}`),
    );
  });

  it.each([
    ['GP1', 'Foundational principles'],
    ['GP3', 'General State regulatory and policy functions'],
    ['GP7', 'Supporting business respect for human rights in conflict-affected areas'],
    ['GP16', 'Policy commitment'],
    ['GP17', 'Human rights due diligence'],
    ['GP22', 'Remediation'],
    ['GP24', 'Issues of context'],
    ['GP25', 'Foundational principle'],
    ['GP27', 'State-based non-judicial grievance mechanisms'],
    ['GP31', 'Effectiveness criteria for non-judicial grievance mechanisms'],
  ])('%s sits under the heading %j', (code, heading) => {
    const parent = findItem(ungp, code)?.parent;
    expect(parent && findItem(ungp, parent)?.title.en).toBe(heading);
  });

  it('says its principle titles are summaries, not the official text', () => {
    expect(ungp.source.title).toContain('summary');
    expect(ungp.source.title).toContain('not the official text');
    expect(ungp.languages).toEqual(['en']);
    expect(ungp.coverageKinds).toEqual(['principle']);
  });
});
