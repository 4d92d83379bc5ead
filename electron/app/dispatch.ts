import { ZodError } from 'zod';
import { contract, type Channel, type Envelope, type Failure, type Handlers } from '../../shared/contract';
import { UserError } from '../../shared/errors';

/** A thrown value as it can cross to the window: a refusal keeps its places, anything else its message. */
export function toFailure(error: unknown): Failure {
  if (error instanceof UserError) {
    return { kind: 'user', message: error.message, problems: error.problems.map((p) => ({ ...p })) };
  }
  if (error instanceof ZodError) {
    const message = 'Dữ liệu gửi tới không hợp lệ: ' + error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { kind: 'internal', message, problems: [{ message }] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: `Đã xảy ra lỗi: ${message}`, problems: [{ message }] };
}

/**
 * Runs one channel: parses the payload with the channel's input schema, calls its handler,
 * checks the answer against the output schema, and wraps the outcome in an envelope.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, failure: toFailure(new Error(`kênh "${channel}" không có trong hợp đồng`)) };
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
