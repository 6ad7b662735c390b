import { acceptsTasks, canMoveTo, completionBlockers } from './group-event-rules';

describe('group event status', () => {
  it('follows planned → confirmed → in progress → completed', () => {
    expect(canMoveTo('planned', 'confirmed')).toBe(true);
    expect(canMoveTo('confirmed', 'in_progress')).toBe(true);
    expect(canMoveTo('in_progress', 'completed')).toBe(true);
    expect(canMoveTo('planned', 'completed')).toBe(false);
    expect(canMoveTo('completed', 'cancelled')).toBe(false);
    expect(canMoveTo('cancelled', 'planned')).toBe(false);
    expect(canMoveTo('confirmed', 'planned')).toBe(true);
  });

  it('takes tasks until finished and lists the tasks that block completion', () => {
    expect(acceptsTasks('in_progress')).toBe(true);
    expect(acceptsTasks('completed')).toBe(false);
    expect(
      completionBlockers([
        { title: 'Set up room', doneAt: '2026-03-10T10:00:00.000Z' },
        { title: 'Badges', doneAt: null },
      ]),
    ).toEqual(['Badges']);
  });
});
