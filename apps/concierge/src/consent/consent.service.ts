import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BusinessRuleViolation, SERVICE_ENV } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ConciergeEnv } from '../config/concierge.env';
import { DirectoryService } from '../stays/directory.service';
import { ConsentRepository } from './consent.repository';
import { PreferencesView, UpdatePreferencesDto } from './consent.dto';
import { consentKeyFor, OptOutSubject, signOptOutToken, verifyOptOutToken } from './opt-out-token';

export interface Recipient {
  guestId: string | null;
  reservationId: string;
}

/** What a guest agreed to receive, and the guests erased on request, who receive nothing. */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentRepository,
    private readonly directory: DirectoryService,
    @Inject(SERVICE_ENV) private readonly env: ConciergeEnv,
  ) {}

  /** Whether this guest may receive a message now: never once erased; automatic ones unless they opted out. */
  async mayReceive(manager: EntityManager, propertyId: string, recipient: Recipient, automatic: boolean) {
    if (await this.consents.isErased(manager, recipient.guestId)) return false;
    const consent = await this.consents.find(manager, propertyId, consentKeyFor(recipient));
    if (!consent) return true;
    return consent.any_messages && (!automatic || consent.automatic_messages);
  }

  async preferences(propertyId: string, reservationId: string): Promise<PreferencesView> {
    const stay = await this.directory.requireStay(propertyId, reservationId);
    return this.view(this.dataSource.manager, propertyId, stay);
  }

  update(propertyId: string, reservationId: string, input: UpdatePreferencesDto, actor: string) {
    return this.dataSource.transaction(async (manager) => {
      const stay = await this.directory.requireStay(propertyId, reservationId, manager);
      if (await this.consents.isErased(manager, stay.guestId)) {
        throw new BusinessRuleViolation('guest-erased', 'The guest was erased on request; nothing is kept about them');
      }
      await this.consents.save(manager, propertyId, consentKeyFor(stay), input, actor);
      return this.view(manager, propertyId, stay);
    });
  }

  optOutToken(propertyId: string, recipient: Recipient): string {
    return signOptOutToken({ propertyId, consentKey: consentKeyFor(recipient) }, this.env.MAIL_OPT_OUT_SECRET);
  }

  optOutUrl(propertyId: string, recipient: Recipient): string {
    const token = encodeURIComponent(this.optOutToken(propertyId, recipient));
    return `${this.env.MAIL_PUBLIC_BASE_URL.replace(/\/$/, '')}/v1/mail/opt-out?token=${token}`;
  }

  /** The subject of a link token; a forged or damaged link is a 400, never a change. */
  subjectOf(token: string): OptOutSubject {
    const subject = verifyOptOutToken(token, this.env.MAIL_OPT_OUT_SECRET);
    if (!subject) throw new BusinessRuleViolation('invalid-opt-out-token', 'This opt-out link is not valid', 'token');
    return subject;
  }

  /** The guest's own opt-out through the link: automatic messages only, or everything (hard opt-out). */
  async optOut(token: string, scope: 'automatic' | 'all'): Promise<void> {
    const subject = this.subjectOf(token);
    await this.dataSource.transaction((manager) =>
      this.consents.save(
        manager,
        subject.propertyId,
        subject.consentKey,
        scope === 'all' ? { automaticMessages: false, anyMessages: false } : { automaticMessages: false },
        'guest:opt-out-link',
      ),
    );
  }

  markErased(manager: EntityManager, guestId: string): Promise<void> {
    return this.consents.markErased(manager, guestId);
  }

  private async view(
    manager: EntityManager,
    propertyId: string,
    stay: { guestId: string | null; reservationId: string },
  ): Promise<PreferencesView> {
    const erased = await this.consents.isErased(manager, stay.guestId);
    const consent = erased ? undefined : await this.consents.find(manager, propertyId, consentKeyFor(stay));
    return {
      reservationId: stay.reservationId,
      guestId: stay.guestId,
      automaticMessages: !erased && (consent?.automatic_messages ?? true),
      anyMessages: !erased && (consent?.any_messages ?? true),
      marketing: !erased && (consent?.marketing ?? false),
      erased,
      updatedBy: consent?.updated_by ?? null,
      updatedAt: consent?.updated_at.toISOString() ?? null,
    };
  }
}
