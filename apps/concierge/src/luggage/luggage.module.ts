import { Module } from '@nestjs/common';
import { DirectoryModule } from '../stays/directory.module';
import { LuggageController } from './luggage.controller';
import { LuggageService } from './luggage.service';

@Module({
  imports: [DirectoryModule],
  controllers: [LuggageController],
  providers: [LuggageService],
  exports: [LuggageService],
})
export class LuggageModule {}
