import { msg, str } from '@lit/localize';
import { ApiError } from '../core/api-client.js';

/**
 * The sentence shown for a failed request: the server's own message (ApiError's is already
 * readable, including "Could not reach the server…"), plus when to try again if the server
 * throttled us without saying.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return msg('Something went wrong. Please try again.');
  if (error.code === 'throttled' && error.retryAfterSeconds && !/try again/i.test(error.message)) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return `${error.message} ${minutes === 1 ? msg('Try again in a minute.') : msg(str`Try again in ${minutes} minutes.`)}`;
  }
  return error.message;
}
