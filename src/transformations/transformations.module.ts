import { Module } from '@nestjs/common';
import { TransformationsController } from './transformations.controller.js';

@Module({ controllers: [TransformationsController] })
export class TransformationsModule {}
