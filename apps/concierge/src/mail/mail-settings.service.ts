import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_ENV } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ConciergeEnv } from '../config/concierge.env';
import { SettingsService } from '../settings/settings.service';
import { AUTOMATIC_PURPOSES, AutomaticPurpose } from './mail-rules';
import { MailSettingsRepository, MailSettingsRow } from './mail-settings.repository';
import { MailSettingsView, UpdateMailSettingsDto } from './mail-settings.dto';

export interface MailSettings {
  senderName: string | null;
  senderAddress: string | null;
  replyTo: string | null;
  managerName: string | null;
  preArrivalDaysBefore: number;
  preArrivalHour: number;
  eventReminderHoursBefore: number;
  disabled: Set<string>;
}

function toSettings(row: MailSettingsRow | undefined): MailSettings {
  return {
    senderName: row?.sender_name ?? null,
    senderAddress: row?.sender_address ?? null,
    replyTo: row?.reply_to ?? null,
    managerName: row?.manager_name ?? null,
    preArrivalDaysBefore: row?.pre_arrival_days ?? 3,
    preArrivalHour: row?.pre_arrival_hour ?? 10,
    eventReminderHoursBefore: row?.event_reminder_hours ?? 24,
    disabled: new Set(row?.disabled_purposes ?? []),
  };
}

/** The sender a guest sees: the property's own, else its name with the service's default address. */
export function senderOf(
  settings: { senderName: string | null; senderAddress: string | null },
  propertyName: string | null,
  defaultAddress: string,
): { name: string; address: string } {
  return {
    name: settings.senderName ?? propertyName ?? 'Front desk',
    address: settings.senderAddress ?? defaultAddress,
  };
}

/** Per-property guest e-mail: sender, reply-to, which automatic messages go and when. */
@Injectable()
export class MailSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MailSettingsRepository,
    private readonly concierge: SettingsService,
    @Inject(SERVICE_ENV) private readonly env: ConciergeEnv,
  ) {}

  async get(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<MailSettings> {
    return toSettings(await this.repository.find(manager, propertyId));
  }

  async enabled(manager: EntityManager, propertyId: string, purpose: AutomaticPurpose): Promise<boolean> {
    return !(await this.get(propertyId, manager)).disabled.has(purpose);
  }

  async view(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<MailSettingsView> {
    const row = await this.repository.find(manager, propertyId);
    const settings = toSettings(row);
    const property = await this.concierge.get(propertyId, manager);
    const from = senderOf(settings, property.propertyName, this.env.MAIL_DEFAULT_FROM_ADDRESS);
    return {
      propertyId,
      senderName: settings.senderName,
      senderAddress: settings.senderAddress,
      replyTo: settings.replyTo,
      managerName: settings.managerName,
      effectiveFrom: `"${from.name}" <${from.address}>`,
      preArrivalDaysBefore: settings.preArrivalDaysBefore,
      preArrivalHour: settings.preArrivalHour,
      eventReminderHoursBefore: settings.eventReminderHoursBefore,
      automatic: Object.fromEntries(
        AUTOMATIC_PURPOSES.map((purpose) => [purpose, !settings.disabled.has(purpose)]),
      ) as unknown as MailSettingsView['automatic'],
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at?.toISOString() ?? null,
    };
  }

  /** The front office manager's change; only the fields given change. */
  update(propertyId: string, input: UpdateMailSettingsDto, actor: string): Promise<MailSettingsView> {
    return this.dataSource.transaction(async (manager) => {
      const current = toSettings(await this.repository.find(manager, propertyId));
      const disabled = new Set(current.disabled);
      for (const [purpose, on] of Object.entries(input.automatic ?? {})) {
        if (on === true) disabled.delete(purpose);
        if (on === false) disabled.add(purpose);
      }
      await this.repository.save(
        manager,
        propertyId,
        {
          sender_name: input.senderName,
          sender_address: input.senderAddress,
          reply_to: input.replyTo,
          manager_name: input.managerName,
          pre_arrival_days: input.preArrivalDaysBefore,
          pre_arrival_hour: input.preArrivalHour,
          event_reminder_hours: input.eventReminderHoursBefore,
          disabled_purposes: input.automatic ? [...disabled].sort() : undefined,
        },
        actor,
      );
      return this.view(propertyId, manager);
    });
  }
}
