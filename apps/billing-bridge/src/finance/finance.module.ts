import { Module } from '@nestjs/common';
import { FinanceController, ReportsController } from './finance.controller';
import { FinanceService } from './finance.service';
import { FlashService } from './flash.service';

@Module({ controllers: [FinanceController, ReportsController], providers: [FinanceService, FlashService] })
export class FinanceModule {}
