import { createEvent, EventValidationError, TOPICS, validateEvent } from '../src';

const PROPERTY_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const SUBSCRIPTION_ID = '9d7c1a52-0f4e-4b8a-a1d2-5c6e7f8a9b0c';

function paused() {
  return {
    subscriptionId: SUBSCRIPTION_ID,
    reason: 'consecutive-failures' as const,
    consecutiveFailures: 20,
    lastStatusCode: 503,
    lastError: 'HTTP 503',
    pausedAt: '2027-03-15T09:00:00.000Z',
  };
}

describe('integrations events', () => {
  it('webhook.subscription-paused round-trips through validation on the integrations topic', () => {
    const event = createEvent('webhook.subscription-paused', {
      propertyId: PROPERTY_ID,
      subject: SUBSCRIPTION_ID,
      data: paused(),
    });
    expect(event.source).toBe('integrations');
    expect(validateEvent(JSON.parse(JSON.stringify(event))).data).toEqual(paused());
    expect(TOPICS.integrations).toBe('integrations.events.v1');
  });

  it('refuses a pause without a failure count', () => {
    const event = createEvent('webhook.subscription-paused', {
      propertyId: PROPERTY_ID,
      subject: SUBSCRIPTION_ID,
      data: paused(),
    });
    const raw = JSON.parse(JSON.stringify(event));
    raw.data.consecutiveFailures = 0;
    expect(() => validateEvent(raw)).toThrow(EventValidationError);
  });
});
