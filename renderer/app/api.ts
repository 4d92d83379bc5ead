// The renderer's client of the contract: call(channel, input) resolves with the channel's
// output or throws an AppFailure carrying the Vietnamese message and its places.
import type { Channel, ChannelInput, ChannelOutput, Failure, WindowApi, WindowEvents, WindowFiles } from '../../shared/contract';
import type { Problem } from '../../shared/errors';

declare global {
  interface Window {
    api: WindowApi;
    appEvents?: WindowEvents;
    appFiles?: WindowFiles;
  }
}

export class AppFailure extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.message);
    this.failure = failure;
  }
}

export async function call<K extends Channel>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const envelope = await window.api[channel](input);
  if (!envelope.ok) throw new AppFailure(envelope.failure);
  return envelope.value;
}

/** The message of anything thrown, for the message bar. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A refusal as the screen shows it: the message, and each problem with its place (file, sheet, cell or row). */
export interface Refusal {
  message: string;
  problems: Problem[];
}

export function refusalOf(error: unknown): Refusal {
  if (error instanceof AppFailure) return { message: error.failure.message, problems: error.failure.problems as Problem[] };
  return { message: messageOf(error), problems: [] };
}

/** What a channel that opens a file dialog answers: nothing when the person cancelled. */
export type Picked<T> = { cancelled: true } | { cancelled: false; value: T };

export function picked<T>(answer: Picked<T>): T | null {
  return answer.cancelled ? null : answer.value;
}
