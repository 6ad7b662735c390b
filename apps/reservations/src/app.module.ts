import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@frontoffice/platform';
import type { ReservationsEnv } from './config/reservations.env';
import { RESERVATIONS_ENTITIES, RESERVATIONS_MIGRATIONS } from './database/schema';
import { AvailabilityFeedModule } from './availability-feed/availability-feed.module';
import { ChannelsModule } from './channels/channels.module';
import { InventoryModule } from './inventory/inventory.module';
import { GroupBlocksModule } from './group-blocks/group-blocks.module';
import { NightAuditModule } from './night-audit/night-audit.module';
import { FrontDeskModule } from './front-desk/front-desk.module';
import { GuestsModule } from './guests/guests.module';
import { PropertiesModule } from './properties/properties.module';
import { ReservationsModule } from './reservations/reservations.module';

@Module({})
export class AppModule {
  static register(env: ReservationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'reservations',
          env,
          entities: RESERVATIONS_ENTITIES,
          migrations: RESERVATIONS_MIGRATIONS,
          // Owns its data; listens to billing only where it must (nothing yet).
          consumes: [],
        }),
        PropertiesModule,
        ReservationsModule,
        InventoryModule,
        GroupBlocksModule,
        NightAuditModule,
        GuestsModule,
        FrontDeskModule,
        AvailabilityFeedModule,
        ChannelsModule,
      ],
    };
  }
}

export const RESERVATIONS_APP = {
  title: 'Reservations',
  description: 'Properties, rooms, inventory, rates, reservations, the front desk and the night audit.',
};
