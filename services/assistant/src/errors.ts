/** The assistant's error catalogue: CODE → HTTP status → title. The kit adds its own. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** An action id that does not exist or belongs to someone else (indistinguishable on purpose). */
export const ActionNotFound = errorType('ACTION_NOT_FOUND', 404, 'No such action');
/** The action was already confirmed (or is running): it never runs twice. */
export const ActionAlreadyConfirmed = errorType(
  'ACTION_ALREADY_CONFIRMED',
  409,
  'This action was already confirmed',
);
/** The confirmation came after the action's time to live: ask the assistant again. */
export const ActionExpired = errorType('ACTION_EXPIRED', 410, 'This action has expired; ask again');
/** The owning service refused the action (e.g. the order can no longer be cancelled). */
export const ActionRefused = errorType('ACTION_REFUSED', 409, 'The action could not be done');
/** A session id that does not exist or belongs to another account. */
export const SessionNotFound = errorType('SESSION_NOT_FOUND', 404, 'No such conversation');
/** A ticket id that does not exist. */
export const TicketNotFound = errorType('TICKET_NOT_FOUND', 404, 'No such ticket');

export const assistantErrors: ErrorCatalogue = [
  ActionNotFound,
  ActionAlreadyConfirmed,
  ActionExpired,
  ActionRefused,
  SessionNotFound,
  TicketNotFound,
];
