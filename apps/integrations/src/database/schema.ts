import { Webhooks1764800000000 } from './migrations/1764800000000-webhooks';
import { ChannelPush1764800100000 } from './migrations/1764800100000-channel-push';

// The webhooks feature writes its tables with SQL through its repositories (set-based fan-out and claims), so it
// registers no TypeORM entities; features that use entities list them here.
export const INTEGRATIONS_ENTITIES: Function[] = [];
export const INTEGRATIONS_MIGRATIONS: Function[] = [Webhooks1764800000000, ChannelPush1764800100000];
