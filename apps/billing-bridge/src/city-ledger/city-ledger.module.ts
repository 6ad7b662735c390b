import { Module } from '@nestjs/common';
import { CityLedgerController } from './city-ledger.controller';
import { CityLedgerService } from './city-ledger.service';

@Module({ controllers: [CityLedgerController], providers: [CityLedgerService], exports: [CityLedgerService] })
export class CityLedgerModule {}
