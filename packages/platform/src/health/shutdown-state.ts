import { Injectable } from '@nestjs/common';

/** Flipped when shutdown begins, so readiness fails and load balancers stop sending traffic first. */
@Injectable()
export class ShutdownState {
  stopping = false;
}
