// Deadline computations per second (shared/domain/deadlines): every request type and urgency, from start
// instants spread over two years at odd minutes, so nights, weekends, public holidays and adjusted workdays
// (调休) all come up.
import { computeDeadlines, type DeadlineInput } from '../shared/domain/deadlines/compute-deadlines.js';
import { REQUEST_TYPES, URGENCIES } from '../shared/domain/case.js';
import { figure, type Figure } from './figure.js';
import { measureRate } from './rate.js';

export function deadlineInputs(count = 2000): DeadlineInput[] {
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 2 * 365 * 86_400_000;
  const inputs: DeadlineInput[] = [];
  for (let i = 0; i < count; i++) {
    inputs.push({
      requestType: REQUEST_TYPES[i % REQUEST_TYPES.length]!,
      urgency: URGENCIES[i % 7 === 0 ? 0 : 1]!,
      from: new Date(start + Math.floor((i * 7919 * 60_000) % span)),
    });
  }
  return inputs;
}

export function benchDeadlines(options: { minMs?: number } = {}): Figure[] {
  const rate = measureRate(deadlineInputs(), (input) => computeDeadlines(input), options.minMs ?? 1000);
  return [
    figure(
      'deadline computations',
      rate.opsPerSecond,
      'per s',
      '≥ 10,000 /s',
      "computeDeadlines: accept, respond and resolve deadlines of one case on the working-day calendar, one core (the target: under 0.1 ms, nothing beside a stage's ~10 ms)",
    ),
  ];
}
