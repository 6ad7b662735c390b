import { Module } from '@nestjs/common';
import { DirectoryModule } from '../stays/directory.module';
import { GroupEventsController } from './group-events.controller';
import { GroupEventsService } from './group-events.service';

@Module({ imports: [DirectoryModule], controllers: [GroupEventsController], providers: [GroupEventsService] })
export class GroupEventsModule {}
