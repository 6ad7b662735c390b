import { Module } from '@nestjs/common';
import { TaxesController } from './taxes.controller';
import { TaxesService } from './taxes.service';

@Module({ controllers: [TaxesController], providers: [TaxesService], exports: [TaxesService] })
export class TaxesModule {}
