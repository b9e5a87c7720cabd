// A stand-in for the SQS publisher in service tests: keeps every message, and can be told to fail.
import type { HopQueues } from '../../shared/adapters/sqs/queue-publisher.js';
import type { DepartmentMessage, DepartmentSupportCallMessage, DepartmentTaskMessage, DepartmentUrgeMessage, DistrictDispatchMessage, GridAssignMessage, StreetDispatchMessage } from '../../shared/messages.js';

export class RecordingQueues implements HopQueues {
  district: DistrictDispatchMessage[] = [];
  street: StreetDispatchMessage[] = [];
  grid: GridAssignMessage[] = [];
  department: DepartmentTaskMessage[] = [];
  /** urges (催办) sent to department queues, kept apart from the tasks */
  urges: DepartmentUrgeMessage[] = [];
  /** calls for support (呼) sent to department queues */
  supportCalls: DepartmentSupportCallMessage[] = [];
  /** the next this-many sends throw, as if SQS were unreachable */
  failNext = 0;

  /** Forget every message sent so far (between tests that share one harness). */
  clear(): void {
    this.district = [];
    this.street = [];
    this.grid = [];
    this.department = [];
    this.urges = [];
    this.supportCalls = [];
  }

  private async record<T>(list: T[], message: T): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('simulated SQS outage');
    }
    list.push(structuredClone(message));
  }

  toDistrict(message: DistrictDispatchMessage) {
    return this.record(this.district, message);
  }
  toStreet(message: StreetDispatchMessage) {
    return this.record(this.street, message);
  }
  toGrid(message: GridAssignMessage) {
    return this.record(this.grid, message);
  }
  toDepartment(message: DepartmentMessage) {
    if (message.kind === 'urge') return this.record(this.urges, message);
    if (message.kind === 'support-call') return this.record(this.supportCalls, message);
    return this.record(this.department, message);
  }
}
