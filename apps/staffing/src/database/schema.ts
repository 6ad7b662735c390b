import { StaffedPropertyEntity } from '../properties/staffed-property.entity';
import { StaffingInitial1764400300000 } from './migrations/1764400300000-staffing-initial';

export const STAFFING_ENTITIES = [StaffedPropertyEntity];
export const STAFFING_MIGRATIONS = [StaffingInitial1764400300000];
