import { ZodError } from 'zod';
import { contract, type Channel, type Envelope, type Failure, type Handlers } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { damagedMessage, isCorruption } from '../db/failures';
import { fileSystemReason } from '../files/output';

/** A thrown value as it can cross to the window: a refusal keeps its places, anything else its message. */
export function toFailure(error: unknown): Failure {
  if (error instanceof UserError) {
    return { kind: 'user', message: error.message, problems: error.problems.map((p) => ({ ...p })) };
  }
  if (error instanceof ZodError) {
    // the places only: zod's own sentences are English
    const places = [...new Set(error.issues.map((i) => i.path.join('.') || '(toàn bộ)'))];
    const message = `Dữ liệu gửi tới không hợp lệ (ở ${places.join(', ')}).`;
    return { kind: 'internal', message, problems: [{ message }] };
  }
  // what a library says stays out of the window: a known condition in Vietnamese, else a plain
  // apology (the detail goes to the log for whoever supports the app)
  const reason = fileSystemReason(error);
  const known = reason ? `Không thực hiện được: ${reason}.` : isCorruption(error) ? `Không thực hiện được: ${damagedMessage([])}` : null;
  if (!known) console.error(error);
  const message = known ?? 'Đã xảy ra lỗi không mong đợi; thao tác chưa được thực hiện. Hãy thử lại; nếu lỗi lặp lại, hãy báo cho người hỗ trợ kèm thời điểm xảy ra.';
  return { kind: 'internal', message, problems: [{ message }] };
}

/**
 * Runs one channel: parses the payload with the channel's input schema, calls its handler,
 * checks the answer against the output schema, and wraps the outcome in an envelope.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    const message = `Kênh "${channel}" không có trong hợp đồng.`;
    return { ok: false, failure: { kind: 'internal', message, problems: [{ message }] } };
  }
  const spec = contract[channel as Channel];
  try {
    const input = spec.input.parse(payload ?? {});
    const handler = handlers[channel as Channel] as (input: unknown) => unknown;
    const value = spec.output.parse(await handler(input));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}
