import type { NewCallback } from '../../server/storage/types.ts';

/** A valid callback request for storage tests; `patch` sets what a test is about. */
export const newCallback = (patch: Partial<NewCallback> = {}): NewCallback => ({
  id: crypto.randomUUID(),
  createdAt: new Date('2026-03-01T10:00:00Z'),
  name: 'Jane Doe',
  phone: '5551234567',
  preferredTime: null,
  message: null,
  idempotencyHash: null,
  notify: false,
  ...patch,
});
