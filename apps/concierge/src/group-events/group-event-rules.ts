export const GROUP_EVENT_STATUSES = ['planned', 'confirmed', 'in_progress', 'completed', 'cancelled'] as const;
export type GroupEventStatus = (typeof GROUP_EVENT_STATUSES)[number];

const NEXT: Record<GroupEventStatus, GroupEventStatus[]> = {
  planned: ['confirmed', 'cancelled'],
  confirmed: ['in_progress', 'cancelled', 'planned'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** planned → confirmed → in progress → completed; cancelled before it is over; back to planned if unconfirmed. */
export function canMoveTo(from: GroupEventStatus, to: GroupEventStatus): boolean {
  return NEXT[from].includes(to);
}

/** Finished or cancelled events take no more tasks. */
export function acceptsTasks(status: GroupEventStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

/** An event cannot be completed while some of its tasks are still open. */
export function completionBlockers(tasks: Array<{ title: string; doneAt: string | null }>): string[] {
  return tasks.filter((task) => task.doneAt === null).map((task) => task.title);
}
