import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { StaysController } from './stays.controller';

@Module({ controllers: [StaysController], providers: [DirectoryService], exports: [DirectoryService] })
export class DirectoryModule {}
