import { createEvent, EventValidationError, validateEvent } from '../src';

const PROPERTY_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const SCHEDULE_ID = '6a0f3c1e-2b4d-4c8e-9f10-7d2e5b3a9c41';
const GAP_ID = 'b7e2d4f1-3c5a-4e6b-8d9f-1a2b3c4d5e6f';

const shift = {
  employeeId: 'emp-42',
  role: 'front_desk' as const,
  date: '2027-03-22',
  shift: 'evening',
  start: '2027-03-22T14:00:00.000Z',
  end: '2027-03-22T22:00:00.000Z',
};

function published() {
  return {
    scheduleId: SCHEDULE_ID,
    propertyId: PROPERTY_ID,
    weekStart: '2027-03-22',
    days: 7,
    publishedBy: 'fom-1',
    publishedAt: '2027-03-15T09:00:00.000Z',
    shifts: [shift],
    unfilledSlots: 0,
  };
}

function gap() {
  return {
    gapId: GAP_ID,
    scheduleId: SCHEDULE_ID,
    propertyId: PROPERTY_ID,
    date: '2027-03-22',
    shift: 'evening',
    role: 'front_desk' as const,
    start: shift.start,
    end: shift.end,
    required: 3,
    scheduled: 2,
    reasons: ['peak 15:00–16:00: 20 check-ins and 1 check-outs = 124 min in one hour → 3 agents'],
    detectedAt: '2027-03-20T10:00:00.000Z',
  };
}

const roundTrip = (event: unknown) => validateEvent(JSON.parse(JSON.stringify(event)));

describe('staffing events', () => {
  it('schedule.published carries every shift and is keyed by the schedule', () => {
    const event = createEvent('schedule.published', {
      propertyId: PROPERTY_ID,
      subject: SCHEDULE_ID,
      data: published(),
    });
    expect(event.source).toBe('staffing');
    expect(roundTrip(event).data).toEqual(published());
  });

  it('schedule.published refuses an unknown role, a bad date and a non-UTC instant, field by field', () => {
    const data = {
      ...published(),
      weekStart: '2027-02-30',
      shifts: [{ ...shift, role: 'chef', start: '2027-03-22 14:00' }],
    };
    try {
      createEvent('schedule.published', { propertyId: PROPERTY_ID, subject: SCHEDULE_ID, data: data as never });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      const paths = (error as EventValidationError).issues.map((issue) => issue.path).sort();
      expect(paths).toEqual(['data.shifts[0].role', 'data.shifts[0].start', 'data.weekStart']);
    }
  });

  it('staffing.coverage-gap-detected says which shift is short, by how many and why', () => {
    const event = createEvent('staffing.coverage-gap-detected', {
      propertyId: PROPERTY_ID,
      subject: GAP_ID,
      data: gap(),
    });
    expect(roundTrip(event).type).toBe('staffing.coverage-gap-detected');
  });

  it('staffing.coverage-gap-detected needs at least one reason and a positive requirement', () => {
    expect(() =>
      createEvent('staffing.coverage-gap-detected', {
        propertyId: PROPERTY_ID,
        subject: GAP_ID,
        data: { ...gap(), reasons: [], required: 0 },
      }),
    ).toThrow(EventValidationError);
  });
});
