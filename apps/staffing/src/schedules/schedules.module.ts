import { Module } from '@nestjs/common';
import { DemandModule } from '../demand/demand.module';
import { EmployeesModule } from '../employees/employees.module';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [DemandModule, EmployeesModule],
  controllers: [SchedulesController],
  providers: [SchedulesService],
  exports: [SchedulesService],
})
export class SchedulesModule {}
